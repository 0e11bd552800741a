import type { Kysely } from 'kysely';
import { DEFAULT_SHIFT_TYPES } from '../../shared/roster/schemas';
import type { Database } from '../schema';

/** A center always has shift types: day, evening and night until someone changes them. */
export async function ensureDefaultShiftTypes(db: Kysely<Database>, version: number): Promise<void> {
  for (const t of DEFAULT_SHIFT_TYPES)
    await db
      .insertInto('shift_types')
      .values({ code: t.code, name: t.name, start_time: t.start, end_time: t.end, night: t.night ? 1 : 0, min_coverage: JSON.stringify(t.minCoverage), active: 1, version })
      .onConflict((oc) => oc.column('code').doNothing())
      .execute();
}
