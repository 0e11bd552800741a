import type { Actor } from '../auth/roles';
import { SYNCED_TABLES, type SyncedTable } from './registry';
import type { RowScope } from './scope-rules';

export { rowInScope, type RowScope } from './scope-rules';

/** A person's scope: per synced table, which rows; `key` changes whenever any of them does. */
export type SyncScope = { readonly key: string } & { readonly [T in SyncedTable]: RowScope };

/** FNV-1a, enough to tell scopes apart in a cookie (not a secret). */
function shortHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}

export function syncScopeOf(actor: Actor): SyncScope {
  const tables = Object.fromEntries(Object.entries(SYNCED_TABLES).map(([t, spec]) => [t, spec.scope[actor.role](actor)])) as Record<SyncedTable, RowScope>;
  return { key: `${actor.role}:${shortHash(JSON.stringify(tables))}`, ...tables };
}

/** The rows of `table` this actor may hold, read or be poked about. */
export function scopeFor(actor: Actor, table: SyncedTable): RowScope {
  return SYNCED_TABLES[table].scope[actor.role](actor);
}

