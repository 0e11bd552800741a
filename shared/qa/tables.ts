import { everything, nothing, rowsNaming, teamRows } from '../sync/scope-rules';
import { syncedTables } from '../sync/tables';

/**
 * Scorecard templates are reference data: everyone who reads an evaluation needs the version it was scored
 * with. Evaluations: the agent their own, a lead their team's, QA inspectors and directors all (they
 * sample, score and arbitrate across teams); the admin none.
 */
export const qaTables = syncedTables({
  qa_templates: {
    pk: 'id',
    privateColumns: [],
    scope: { agent: everything, team_lead: everything, qa_inspector: everything, department_director: everything, center_director: everything, admin: nothing },
  },
  qa_evaluations: {
    pk: 'id',
    privateColumns: [],
    scope: {
      agent: rowsNaming('agent_id'),
      team_lead: teamRows('team_id', rowsNaming('agent_id')),
      qa_inspector: everything,
      department_director: everything,
      center_director: everything,
      admin: nothing,
    },
  },
  /** Calibration sessions (who is invited, who has scored — ids only): every calibrator. */
  qa_calibrations: {
    pk: 'id',
    privateColumns: [],
    scope: { agent: nothing, team_lead: nothing, qa_inspector: everything, department_director: everything, center_director: everything, admin: nothing },
  },
  /**
   * Blind calibration scores: each desk holds only its own inspector's (scope cannot say "others' once I
   * have scored or the session closed"); the results of a closed session are read from the server.
   */
  qa_calibration_scores: {
    pk: 'id',
    privateColumns: [],
    scope: { agent: nothing, team_lead: nothing, qa_inspector: rowsNaming('inspector_id'), department_director: rowsNaming('inspector_id'), center_director: rowsNaming('inspector_id'), admin: nothing },
  },
  /** qa.weekly: published weekly summaries: a lead their team's, QA and directors all, agents none. */
  qa_weekly_reports: {
    pk: 'id',
    privateColumns: [],
    scope: { agent: nothing, team_lead: teamRows('team_id', nothing), qa_inspector: everything, department_director: everything, center_director: everything, admin: nothing },
  },
});
