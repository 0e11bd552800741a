import type { Actor } from '../auth/roles';

/**
 * What a person's desk receives at pull, per synced table. One definition, used by the server's pull
 * queries and by its poke targeting, so "who sees what" is stated once.
 */
export type RowScope = { kind: 'all' } | { kind: 'none' } | { kind: 'eq'; column: string; value: string } | { kind: 'eqOrId'; column: string; value: string; id: string };

export interface SyncScope {
  key: string;
  teams: RowScope;
  users: RowScope;
  calls: RowScope;
  /** The center's rules reach every desk: each decision there needs them. */
  policy_versions: RowScope;
  shift_types: RowScope;
  /** Agents and leads see their team's roster (who works when); directors the center's. */
  roster: RowScope;
  calendar_overrides: RowScope;
}

const NONE: RowScope = { kind: 'none' };
const ALL: RowScope = { kind: 'all' };

export function syncScopeOf(actor: Actor): SyncScope {
  const team = actor.teamId;
  const own = (column: string, value: string): RowScope => ({ kind: 'eq', column, value });
  const teamRoster: RowScope = team ? { kind: 'eqOrId', column: 'team_id', value: team, id: actor.userId } : own('id', actor.userId);
  const teamRow: RowScope = team ? own('id', team) : NONE;
  switch (actor.role) {
    case 'agent':
      return { key: `agent:${actor.userId}:${team}`, teams: teamRow, users: teamRoster, calls: own('agent_id', actor.userId), policy_versions: ALL, shift_types: ALL, calendar_overrides: ALL, roster: team ? own('team_id', team) : own('user_id', actor.userId) };
    case 'team_lead':
      return { key: `lead:${actor.userId}:${team}`, teams: teamRow, users: teamRoster, calls: team ? own('team_id', team) : own('agent_id', actor.userId), policy_versions: ALL, shift_types: ALL, calendar_overrides: ALL, roster: team ? own('team_id', team) : own('user_id', actor.userId) };
    case 'qa_inspector':
    case 'department_director':
    case 'center_director':
      return { key: `center:${actor.role}`, teams: ALL, users: ALL, calls: ALL, policy_versions: ALL, shift_types: ALL, calendar_overrides: ALL, roster: ALL };
    case 'admin':
      return { key: 'admin', teams: ALL, users: ALL, calls: NONE, policy_versions: ALL, shift_types: ALL, calendar_overrides: ALL, roster: ALL };
  }
}

/** Whether a row lies in a scope, for deciding whom to poke after a commit. */
export function rowInScope(scope: RowScope, row: Record<string, unknown>): boolean {
  switch (scope.kind) {
    case 'all':
      return true;
    case 'none':
      return false;
    case 'eq':
      return row[scope.column] === scope.value;
    case 'eqOrId':
      return row[scope.column] === scope.value || row.id === scope.id;
  }
}
