import { EVERYONE } from '../sync/scope-rules';
import { syncedTables } from '../sync/tables';

/**
 * Teams and the directory of people reach every desk: names on requests, swap partners from any team,
 * approvers. Password hashes, and whether a password must still be changed, never leave the server.
 */
export const orgTables = syncedTables({
  teams: { pk: 'id', privateColumns: [], scope: EVERYONE },
  users: { pk: 'id', privateColumns: ['password_hash', 'must_change_password'], scope: EVERYONE },
});
