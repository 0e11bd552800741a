import type { Actor } from '../auth/roles';

/**
 * What a person's desk receives at pull, per synced table. One definition, used by the server's pull
 * queries and by its poke targeting, so "who sees what" is stated once.
 */
export type RowScope =
  | { kind: 'all' }
  | { kind: 'none' }
  | { kind: 'eq'; column: string; value: string }
  | { kind: 'eqOrId'; column: string; value: string; id: string }
  /** Rows where any of the columns holds the value (a swap belongs to both people and both teams). */
  | { kind: 'anyOf'; columns: readonly string[]; value: string };

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
  /** The people in a swap and both their teams' leads see it; directors see all. */
  swaps: RowScope;
  /** Leave goes to the person (and whoever filed it for them), their team lead and the directors who approve it. */
  leave_requests: RowScope;
  /** Discipline records: the person, their team lead, the directors. */
  violations: RowScope;
}

const NONE: RowScope = { kind: 'none' };
const ALL: RowScope = { kind: 'all' };

export function syncScopeOf(actor: Actor): SyncScope {
  const team = actor.teamId;
  const own = (column: string, value: string): RowScope => ({ kind: 'eq', column, value });
  // Colleagues across the center (names, team, job type, skill): an agent picks a swap partner from any
  // team. Rosters and calls stay per team.
  const colleagues: RowScope = ALL;
  switch (actor.role) {
    case 'agent':
      return {
        key: `agent:v2:${actor.userId}:${team}`,
        teams: ALL,
        users: colleagues,
        calls: own('agent_id', actor.userId),
        policy_versions: ALL,
        shift_types: ALL,
        calendar_overrides: ALL,
        roster: team ? own('team_id', team) : own('user_id', actor.userId),
        swaps: { kind: 'anyOf', columns: ['requester_id', 'partner_id'], value: actor.userId },
        leave_requests: { kind: 'anyOf', columns: ['user_id', 'filed_by'], value: actor.userId },
        violations: own('user_id', actor.userId),
      };
    case 'team_lead':
      return {
        key: `lead:v2:${actor.userId}:${team}`,
        teams: ALL,
        users: colleagues,
        calls: team ? own('team_id', team) : own('agent_id', actor.userId),
        policy_versions: ALL,
        shift_types: ALL,
        calendar_overrides: ALL,
        roster: team ? own('team_id', team) : own('user_id', actor.userId),
        swaps: team ? { kind: 'anyOf', columns: ['requester_team', 'partner_team'], value: team } : { kind: 'anyOf', columns: ['requester_id', 'partner_id'], value: actor.userId },
        leave_requests: team ? own('team_id', team) : own('user_id', actor.userId),
        violations: team ? own('team_id', team) : own('user_id', actor.userId),
      };
    case 'qa_inspector':
    case 'department_director':
    case 'center_director':
      return { key: `center:v2:${actor.role}`, teams: ALL, users: ALL, calls: ALL, policy_versions: ALL, shift_types: ALL, calendar_overrides: ALL, roster: ALL, swaps: ALL, leave_requests: ALL, violations: ALL };
    case 'admin':
      return { key: 'admin:v2', teams: ALL, users: ALL, calls: NONE, policy_versions: ALL, shift_types: ALL, calendar_overrides: ALL, roster: ALL, swaps: NONE, leave_requests: NONE, violations: NONE };
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
    case 'anyOf':
      return scope.columns.some((c) => row[c] === scope.value);
  }
}
