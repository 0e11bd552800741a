import { everything, nothing, ownRows, teamRows } from '../sync/scope-rules';
import { syncedTables } from '../sync/tables';

/**
 * Answers are center-wide: every agent's desk holds all of them, to search during a call even offline.
 * Acknowledgements go where notice receipts go: the agent's own, a lead their team's, directors all.
 * QA and the admin hold none.
 */
export const answerTables = syncedTables({
  answers: { pk: 'id', privateColumns: [], scope: { agent: everything, team_lead: everything, qa_inspector: nothing, department_director: everything, center_director: everything, admin: nothing } },
  answer_acks: {
    pk: 'id',
    privateColumns: [],
    scope: { agent: ownRows('user_id'), team_lead: teamRows('team_id', ownRows('user_id')), qa_inspector: nothing, department_director: everything, center_director: everything, admin: nothing },
  },
});
