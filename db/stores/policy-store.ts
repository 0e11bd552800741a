import type { Kysely, Selectable } from 'kysely';
import { POLICY_DEFAULTS } from '../../shared/policy/defaults';
import type { PolicyPort } from '../../shared/policy/port';
import { PolicyValuesSchema, type PolicyVersion } from '../../shared/policy/schema';
import type { Database } from '../schema';
import type { WriteContext } from '../sync/write-context';

/** The id of the built-in version every center starts from. */
export const DEFAULT_POLICY_ID = '00000000-0000-4000-8000-0000000000ff';

function toVersion(r: Selectable<Database['policy_versions']> & { created_by_name: string | null }): PolicyVersion {
  // Parsed, not cast: a version written by an older build still meets today's ranges or fails loudly.
  const values = PolicyValuesSchema.parse({ ...POLICY_DEFAULTS, ...(JSON.parse(r.values) as object) });
  return { id: r.id, effectiveFrom: r.effective_from, values, note: r.note, createdBy: r.created_by, createdByName: r.created_by_name ?? '', createdAt: r.created_at };
}

export function policyStore(db: Kysely<Database>, write: WriteContext): PolicyPort {
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
      await write.undo?.capture('policy_versions', v.id);
      await db
        .insertInto('policy_versions')
        .values({ id: v.id, effective_from: v.effectiveFrom, values: JSON.stringify(v.values), note: v.note, created_by: v.createdBy, created_at: v.createdAt, version: write.version })
        .execute();
    },
  };
}

/** A center always has a policy: the originals' defaults, in force from the start of time. */
export async function ensureDefaultPolicy(db: Kysely<Database>, version: number, now = new Date()): Promise<void> {
  await db
    .insertInto('policy_versions')
    .values({ id: DEFAULT_POLICY_ID, effective_from: '2000-01-01', values: JSON.stringify(POLICY_DEFAULTS), note: '', created_by: 'system', created_at: now.toISOString(), version })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}
