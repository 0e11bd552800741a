import { everything, nothing, teamRows } from '../sync/scope-rules';
import { syncedTables } from '../sync/tables';

/** Directors and QA hold every unit's months; a lead their own team's; agents and the admin none. */
export const evaluationTables = syncedTables({
  center_evaluations: {
    pk: 'id',
    privateColumns: [],
    scope: {
      agent: nothing,
      team_lead: teamRows('team_id', nothing),
      qa_inspector: everything,
      department_director: everything,
      center_director: everything,
      admin: nothing,
    },
  },
});
