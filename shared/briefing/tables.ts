import { everything, nothing, ownRows, teamRows } from '../sync/scope-rules';
import { syncedTables } from '../sync/tables';

/** A team's records (duty log, summaries): its leads (a lead without a team, what they wrote) and the directors. */
const LEAD_BOOK = (writer: string) =>
  ({
    agent: nothing,
    team_lead: teamRows('team_id', ownRows(writer)),
    qa_inspector: nothing,
    department_director: everything,
    center_director: everything,
    admin: nothing,
  }) as const;

/**
 * Common issues are for everyone on the floor and QA (agents read the active ones; withdrawn ones travel too,
 * they are not secret). A roll call's header (general remarks, issues briefed) goes to the team's leads, QA (it
 * shows QA what got briefed) and the directors; the per-person lines to the person, their leads and the
 * directors, never to other agents or QA. The meeting's items are for the team that hands over and takes over.
 */
export const briefingTables = syncedTables({
  qa_issues: { pk: 'id', privateColumns: [], scope: { agent: everything, team_lead: everything, qa_inspector: everything, department_director: everything, center_director: everything, admin: nothing } },
  roll_calls: { pk: 'id', privateColumns: [], scope: { ...LEAD_BOOK('taken_by'), qa_inspector: everything } },
  roll_call_entries: { pk: 'id', privateColumns: [], scope: { ...LEAD_BOOK('user_id'), agent: ownRows('user_id'), team_lead: teamRows('team_id', ownRows('user_id')) } },
  handover_meetings: { pk: 'id', privateColumns: [], scope: { ...LEAD_BOOK('held_by'), agent: teamRows('team_id', ownRows('held_by')) } },
  duty_log: { pk: 'id', privateColumns: [], scope: LEAD_BOOK('written_by') },
  duty_summaries: { pk: 'id', privateColumns: [], scope: LEAD_BOOK('written_by') },
});
