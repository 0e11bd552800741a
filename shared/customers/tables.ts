import { everything, nothing, ownRows } from '../sync/scope-rules';
import { syncedTables } from '../sync/tables';

/**
 * `customers` holds the value tags, keyed by the normalised number: only the roles who see numbers in full
 * (agents, team leads: shared/customers/mask.ts) hold it. `customer_reveals` records who unmasked which
 * call and why: an inspector holds their own, the directors all (they answer for customer data).
 */
export const customerTables = syncedTables({
  customers: {
    pk: 'id',
    privateColumns: [],
    scope: { agent: everything, team_lead: everything, qa_inspector: nothing, department_director: nothing, center_director: nothing, admin: nothing },
  },
  customer_reveals: {
    pk: 'id',
    privateColumns: [],
    scope: { agent: nothing, team_lead: nothing, qa_inspector: ownRows('actor_id'), department_director: everything, center_director: everything, admin: nothing },
  },
});
