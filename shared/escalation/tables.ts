import { everything, nothing, rowsNaming, teamRows } from '../sync/scope-rules';
import { syncedTables } from '../sync/tables';

/**
 * A report is held by its reporter, the leads of the reporter's team (the first level, and the level told
 * afterwards when an emergency skipped it) and the directors (any report can reach them). A QA inspector
 * sees only their own; the admin none.
 */
export const escalationTables = syncedTables({
  escalations: {
    pk: 'id',
    privateColumns: [],
    scope: {
      agent: rowsNaming('reporter_id'),
      team_lead: teamRows('team_id', rowsNaming('reporter_id')),
      qa_inspector: rowsNaming('reporter_id'),
      department_director: everything,
      center_director: everything,
      admin: nothing,
    },
  },
  /** A raised hand: the agent, their team's leads (the duty lead answers) and the directors. */
  help_requests: {
    pk: 'id',
    privateColumns: [],
    scope: {
      agent: rowsNaming('agent_id'),
      team_lead: teamRows('team_id', rowsNaming('agent_id')),
      qa_inspector: nothing,
      department_director: everything,
      center_director: everything,
      admin: nothing,
    },
  },
});
