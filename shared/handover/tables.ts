import { everything, nothing, ownRows, teamRows } from '../sync/scope-rules';
import { syncedTables } from '../sync/tables';

/**
 * Who is on the floor is team knowledge: an agent holds their team's check-ins (the outgoing person must see
 * the incoming one arrive, handover.outgoing-waits), leads their team's, directors the center's. The handover
 * log goes to the team that hands over and takes over. QA and the admin hold none of it.
 */
const TEAM = {
  agent: teamRows('team_id', ownRows('user_id')),
  team_lead: teamRows('team_id', ownRows('user_id')),
  qa_inspector: nothing,
  department_director: everything,
  center_director: everything,
  admin: nothing,
} as const;

export const handoverTables = syncedTables({
  attendance: { pk: 'id', privateColumns: [], scope: TEAM },
  duty_releases: { pk: 'id', privateColumns: [], scope: TEAM },
  handover_logs: {
    pk: 'id',
    privateColumns: [],
    scope: { ...TEAM, agent: teamRows('team_id', ownRows('written_by')), team_lead: teamRows('team_id', ownRows('written_by')) },
  },
});
