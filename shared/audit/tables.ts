import { everything, nothing } from '../sync/scope-rules';
import { syncedTables } from '../sync/tables';

/** The audit log reaches the directors and the admin, who review it; nobody else holds it. */
export const auditTables = syncedTables({
  audit_log: {
    pk: 'id',
    privateColumns: [],
    scope: { agent: nothing, team_lead: nothing, qa_inspector: nothing, department_director: everything, center_director: everything, admin: everything },
  },
});
