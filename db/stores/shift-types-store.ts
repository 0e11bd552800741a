import type { Kysely } from 'kysely';
import { DEFAULT_SHIFT_TYPES } from '../../shared/roster/schemas';
import type { Database } from '../schema';
import { createWriter } from '../sync/writer';

/** A center always has shift types: day, evening and night until someone changes them. */
export async function ensureDefaultShiftTypes(db: Kysely<Database>, version: number): Promise<void> {
  await createWriter(db, { version, undo: null }).seed(
    'shift_types',
    DEFAULT_SHIFT_TYPES.map((t) => ({ code: t.code, name: t.name, start_time: t.start, end_time: t.end, night: t.night ? 1 : 0, min_coverage: JSON.stringify(t.minCoverage), names: JSON.stringify(t.names ?? {}), short_names: JSON.stringify(t.shortNames ?? {}), active: 1 })),
  );
}
