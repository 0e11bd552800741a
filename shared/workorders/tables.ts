import { everything, nothing, rowsNaming, teamRows } from '../sync/scope-rules';
import { syncedTables } from '../sync/tables';

/**
 * An agent holds the work orders they own or created; a lead the team's (the backlog, 工单滞留); the
 * department and center directors all (督办, the weekly follow-up statistics). QA inspectors judge calls,
 * not work orders; the admin none.
 */
export const workOrderTables = syncedTables({
  work_orders: {
    pk: 'id',
    privateColumns: [],
    scope: {
      agent: rowsNaming('owner_id', 'created_by'),
      team_lead: teamRows('team_id', rowsNaming('owner_id', 'created_by')),
      qa_inspector: nothing,
      department_director: everything,
      center_director: everything,
      admin: nothing,
    },
  },
});
