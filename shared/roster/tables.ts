import { EVERYONE, everything, ownRows, teamRows } from '../sync/scope-rules';
import { syncedTables } from '../sync/tables';

/** Who works when is team knowledge: agents and leads hold their team's roster, the rest the center's. */
export const rosterTables = syncedTables({
  shift_types: { pk: 'code', privateColumns: [], scope: EVERYONE },
  roster: {
    pk: 'id',
    privateColumns: [],
    scope: {
      agent: teamRows('team_id', ownRows('user_id')),
      team_lead: teamRows('team_id', ownRows('user_id')),
      qa_inspector: everything,
      department_director: everything,
      center_director: everything,
      admin: everything,
    },
  },
});
