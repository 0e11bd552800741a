import { everything, nothing, rowsNaming, teamRows } from '../sync/scope-rules';
import { syncedTables } from '../sync/tables';

/** A swap is held by its two people and both their teams' leads; directors hold all; QA and the admin none. */
export const swapTables = syncedTables({
  swaps: {
    pk: 'id',
    privateColumns: [],
    scope: {
      agent: rowsNaming('requester_id', 'partner_id'),
      team_lead: teamRows(['requester_team', 'partner_team'], rowsNaming('requester_id', 'partner_id')),
      qa_inspector: nothing,
      department_director: everything,
      center_director: everything,
      admin: nothing,
    },
  },
});
