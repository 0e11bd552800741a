import type { Actor, Role } from '../auth/roles';

/**
 * Which rows of one synced table a person may hold. The same value filters the server's pull, decides
 * whom a commit pokes, and filters every list method, so "who sees what" is said once (per table, in the
 * domain's `tables.ts`) and read everywhere. Rules only here (domains import them); shared/sync/scope.ts
 * applies them.
 */
export type RowScope =
  | { kind: 'all' }
  | { kind: 'none' }
  | { kind: 'eq'; column: string; value: string }
  /** Rows where any of the columns holds the value (a swap belongs to both people and both teams). */
  | { kind: 'anyOf'; columns: readonly string[]; value: string };

export const ALL: RowScope = { kind: 'all' };
export const NONE: RowScope = { kind: 'none' };

/** A table's rule for one role: the actor's own rows, their team's, everything or nothing. */
export type ScopeRule = (actor: Actor) => RowScope;

export const everything: ScopeRule = () => ALL;
export const nothing: ScopeRule = () => NONE;
/** Rows whose column holds the actor's user id. */
export const ownRows = (column: string): ScopeRule => (a) => ({ kind: 'eq', column, value: a.userId });
/** Rows where any of the columns holds the actor's user id. */
export const rowsNaming = (...columns: string[]): ScopeRule => (a) => ({ kind: 'anyOf', columns, value: a.userId });
/** Rows of the actor's team; without a team, the rows `fallback` gives (their own). */
export const teamRows =
  (columns: string | readonly string[], fallback: ScopeRule): ScopeRule =>
  (a) =>
    !a.teamId ? fallback(a) : typeof columns === 'string' ? { kind: 'eq', column: columns, value: a.teamId } : { kind: 'anyOf', columns, value: a.teamId };

/** Every role must be decided for every table: a new table or role cannot forget one. */
export type RoleScopes = Readonly<Record<Role, ScopeRule>>;

/** Whether a row lies in a scope (poke targeting; "does this desk hold that person's rows?"). */
export function rowInScope(scope: RowScope, row: Record<string, unknown>): boolean {
  switch (scope.kind) {
    case 'all':
      return true;
    case 'none':
      return false;
    case 'eq':
      return row[scope.column] === scope.value;
    case 'anyOf':
      return scope.columns.some((c) => row[c] === scope.value);
  }
}

/** Reference data every desk needs to decide anything (teams, policy, shift types, the calendar). */
export const EVERYONE: RoleScopes = {
  agent: everything,
  team_lead: everything,
  qa_inspector: everything,
  department_director: everything,
  center_director: everything,
  admin: everything,
};
