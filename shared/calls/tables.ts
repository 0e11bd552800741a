import { everything, nothing, ownRows, teamRows } from '../sync/scope-rules';
import { syncedTables } from '../sync/tables';

/** Agents hold their own calls, a team lead the team's; QA and directors the center's; the admin none. */
export const callTables = syncedTables({
  calls: {
    pk: 'id',
    privateColumns: [],
    scope: {
      agent: ownRows('agent_id'),
      team_lead: teamRows('team_id', ownRows('agent_id')),
      qa_inspector: everything,
      department_director: everything,
      center_director: everything,
      admin: nothing,
    },
  },
});
