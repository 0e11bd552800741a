import type { Kysely, Selectable } from 'kysely';
import { POLICY_DEFAULTS } from '../../shared/policy/defaults';
import type { PolicyPort } from '../../shared/policy/port';
import { PolicyValuesSchema, type PolicyVersion } from '../../shared/policy/schema';
import type { Database } from '../schema';
import { createWriter, type Writer } from '../sync/writer';

/** The id of the built-in version every center starts from. */
export const DEFAULT_POLICY_ID = '00000000-0000-4000-8000-0000000000ff';

function toVersion(r: Selectable<Database['policy_versions']> & { created_by_name: string | null }): PolicyVersion {
  // Parsed, not cast: a version written by an older build still meets today's ranges or fails loudly.
  const values = PolicyValuesSchema.parse({ ...POLICY_DEFAULTS, ...(JSON.parse(r.values) as object) });
  return { id: r.id, effectiveFrom: r.effective_from, values, note: r.note, createdBy: r.created_by, createdByName: r.created_by_name ?? '', createdAt: r.created_at };
}

export function policyStore(db: Kysely<Database>, w: Writer): PolicyPort {
  const base = () =>
    db.selectFrom('policy_versions').leftJoin('users', 'users.id', 'policy_versions.created_by').selectAll('policy_versions').select('users.display_name as created_by_name');
  return {
    async at(date) {
      const r = await base().where('effective_from', '<=', date).orderBy('effective_from', 'desc').orderBy('policy_versions.created_at', 'desc').executeTakeFirst();
      return r ? toVersion(r) : null;
    },
    async list() {
      return (await base().orderBy('policy_versions.created_at', 'desc').execute()).map(toVersion);
    },
    async insert(v) {
      await w.put('policy_versions', { id: v.id, effective_from: v.effectiveFrom, values: JSON.stringify(v.values), note: v.note, created_by: v.createdBy, created_at: v.createdAt });
    },
  };
}

/**
 * A center always has a policy: the originals' defaults, in force from the start of time. Stamped at that start too, not at the start of
 * whichever process created it, so it is the oldest version in every history, on every clock.
 */
export async function ensureDefaultPolicy(db: Kysely<Database>, version: number): Promise<void> {
  await createWriter(db, { version, undo: null }).seed('policy_versions', [
    { id: DEFAULT_POLICY_ID, effective_from: '2000-01-01', values: JSON.stringify(POLICY_DEFAULTS), note: '', created_by: 'system', created_at: '2000-01-01T00:00:00.000Z' },
  ]);
}
