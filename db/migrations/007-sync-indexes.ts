import type { Migration } from './types';

/**
 * Every synced table gets an index on `version` (pull and pokes read "rows above a version"), and every
 * column a scope filters by gets one on (column, version), so a person's pull walks their own rows, not
 * the center's. tests/unit/sync-indexes.test.ts derives the expected list from the registry.
 */
const VERSION: readonly string[] = ['teams', 'policy_versions', 'shift_types', 'calendar_overrides', 'swaps', 'leave_requests', 'violations'];
const SCOPED: readonly (readonly [string, string])[] = [
  ['calls', 'agent_id'],
  ['calls', 'team_id'],
  ['roster', 'team_id'],
  ['roster', 'user_id'],
  ['swaps', 'requester_id'],
  ['swaps', 'partner_id'],
  ['swaps', 'requester_team'],
  ['swaps', 'partner_team'],
  ['leave_requests', 'user_id'],
  ['leave_requests', 'filed_by'],
  ['leave_requests', 'team_id'],
  ['violations', 'user_id'],
  ['violations', 'team_id'],
];

export const m007SyncIndexes: Migration = {
  version: 7,
  name: 'sync-indexes',
  async up(db) {
    for (const t of VERSION) await db.schema.createIndex(`${t}_version`).on(t).column('version').execute();
    for (const [t, c] of SCOPED) await db.schema.createIndex(`${t}_${c}_version`).on(t).columns([c, 'version']).execute();
    // The server's inbox of refusals per person, and a desk's pull of its refusals.
    await db.schema.createIndex('mutation_log_actor_status').on('mutation_log').columns(['actor_id', 'status']).execute();
  },
};
