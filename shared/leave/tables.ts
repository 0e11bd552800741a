import { everything, nothing, ownRows, rowsNaming, teamRows } from '../sync/scope-rules';
import { syncedTables } from '../sync/tables';

/**
 * Leave (reasons, medical certificates) and discipline records: the person (and whoever filed for them),
 * their team lead and the directors who decide. Never QA or the admin.
 */
export const leaveTables = syncedTables({
  leave_requests: {
    pk: 'id',
    privateColumns: [],
    scope: {
      agent: rowsNaming('user_id', 'filed_by'),
      team_lead: teamRows('team_id', rowsNaming('user_id', 'filed_by')),
      qa_inspector: nothing,
      department_director: everything,
      center_director: everything,
      admin: nothing,
    },
  },
  violations: {
    pk: 'id',
    privateColumns: [],
    scope: {
      agent: ownRows('user_id'),
      team_lead: teamRows('team_id', ownRows('user_id')),
      qa_inspector: nothing,
      department_director: everything,
      center_director: everything,
      admin: nothing,
    },
  },
});
