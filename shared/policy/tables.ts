import { EVERYONE } from '../sync/scope-rules';
import { syncedTables } from '../sync/tables';

/** Every desk decides by the policy, so every version reaches every desk. */
export const policyTables = syncedTables({
  policy_versions: { pk: 'id', privateColumns: [], scope: EVERYONE },
});
