import type { RoleScopes } from './scope-rules';

/**
 * One synced table as its domain declares it: the key, the columns that never leave the server side,
 * and who holds which rows. `shared/sync/registry.ts` composes every domain's declarations; pull, poke,
 * rebase, list filters and the generated suites all derive from that one list.
 */
export interface SyncedTableSpec {
  pk: string;
  privateColumns: readonly string[];
  scope: RoleScopes;
}

export function syncedTables<T extends Record<string, SyncedTableSpec>>(tables: T): T {
  return tables;
}
