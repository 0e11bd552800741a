import { everything, nothing, rowsNaming, teamRows } from '../sync/scope-rules';
import { syncedTables } from '../sync/tables';

/**
 * A team's reports are held by its leads (who write them) and the directors (who receive them); agents and
 * QA inspectors none. The monthly meeting's record is read out to everyone, so every desk holds it.
 */
export const reportTables = syncedTables({
  reports: {
    pk: 'id',
    privateColumns: [],
    scope: {
      agent: nothing,
      team_lead: teamRows('team_id', rowsNaming('author_id')),
      qa_inspector: nothing,
      department_director: everything,
      center_director: everything,
      admin: nothing,
    },
  },
  meetings: {
    pk: 'id',
    privateColumns: [],
    scope: {
      agent: everything,
      team_lead: everything,
      qa_inspector: everything,
      department_director: everything,
      center_director: everything,
      admin: nothing,
    },
  },
});
