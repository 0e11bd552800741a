import type { Kysely, Selectable } from 'kysely';
import type { Writer } from '../sync/writer';
import { whereInScope } from '../sync/scope-sql';
import type { EvaluationPort, EvaluationRow } from '../../shared/evaluation/port';
import type { Incident } from '../../shared/evaluation/schemas';
import type { Database } from '../schema';

type Row = Selectable<Database['center_evaluations']> & { entered_by_name: string };

function toRow(r: Row): EvaluationRow {
  return {
    id: r.id,
    teamId: r.team_id,
    month: r.month,
    surveyScale: Number(r.survey_scale),
    surveyCounts: JSON.parse(r.survey_counts) as number[],
    complaintSource: r.complaint_source as EvaluationRow['complaintSource'],
    complaints: Number(r.complaints),
    complaintsResolved: Number(r.complaints_resolved),
    suggestions: Number(r.suggestions),
    suggestionsResolved: Number(r.suggestions_resolved),
    plansRated: Number(r.plans_rated),
    plansSatisfied: Number(r.plans_satisfied),
    incidents: JSON.parse(r.incidents) as Incident[],
    enteredBy: r.entered_by,
    enteredByName: r.entered_by_name,
    updatedAt: r.updated_at,
    synced: Number(r.version) > 0,
  };
}

export function evaluationStore(db: Kysely<Database>, w: Writer): EvaluationPort {
  const withNames = () =>
    db
      .selectFrom('center_evaluations')
      .leftJoin('users', 'users.id', 'center_evaluations.entered_by')
      .selectAll('center_evaluations')
      .select((eb) => eb.fn.coalesce('users.display_name', eb.val('')).as('entered_by_name'));
  return {
    async get(id) {
      const r = await withNames().where('center_evaluations.id', '=', id).executeTakeFirst();
      return r ? toRow(r) : null;
    },
    async put(o) {
      await w.put('center_evaluations', {
        id: o.id,
        team_id: o.teamId,
        month: o.month,
        survey_scale: o.surveyScale,
        survey_counts: JSON.stringify(o.surveyCounts),
        complaint_source: o.complaintSource,
        complaints: o.complaints,
        complaints_resolved: o.complaintsResolved,
        suggestions: o.suggestions,
        suggestions_resolved: o.suggestionsResolved,
        plans_rated: o.plansRated,
        plans_satisfied: o.plansSatisfied,
        incidents: JSON.stringify(o.incidents),
        entered_by: o.enteredBy,
        updated_at: o.updatedAt,
      });
    },
    async list(o) {
      let qb = whereInScope(withNames(), o.scope, 'center_evaluations').where('center_evaluations.month', '>=', o.fromMonth).where('center_evaluations.month', '<=', o.toMonth);
      if (o.teamId) qb = qb.where('center_evaluations.team_id', '=', o.teamId);
      const rows = await qb.orderBy('center_evaluations.month').orderBy('center_evaluations.team_id').execute();
      return rows.map(toRow);
    },
  };
}
