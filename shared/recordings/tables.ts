import { everything, nothing, ownRows, teamRows } from '../sync/scope-rules';
import { syncedTables } from '../sync/tables';

/**
 * A recording's metadata is held by whoever holds its call (shared/calls/tables.ts): the call's agent,
 * their team's leads, QA and directors. The bytes are not a row: the server keeps them once.
 */
export const recordingTables = syncedTables({
  recordings: {
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
