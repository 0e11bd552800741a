import type { Kysely } from 'kysely';
import type { QaPort } from '../../shared/qa/port';
import type { WeeklyRecord } from '../../shared/qa/report-schemas';
import type { Answer, Comment, Critical, Dispute, Evaluation, LogEvent, Names, Section, Template } from '../../shared/qa/schemas';
import type { Database } from '../schema';
import type { Writer } from '../sync/writer';
import { whereInScope } from '../sync/scope-sql';
import { qaCalibrationStore } from './qa-calibration-store';

export function qaStore(db: Kysely<Database>, w: Writer): QaPort {
  const base = () =>
    db
      .selectFrom('qa_evaluations')
      .leftJoin('users as a', 'a.id', 'qa_evaluations.agent_id')
      .leftJoin('users as q', 'q.id', 'qa_evaluations.inspector_id')
      .selectAll('qa_evaluations')
      .select(['a.display_name as agent_name', 'q.display_name as inspector_name']);
  type Row = Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirstOrThrow']>>;
  const toEvaluation = (r: Row): Evaluation => ({
    id: r.id,
    callId: r.call_id,
    agentId: r.agent_id,
    agentName: r.agent_name ?? r.agent_id,
    teamId: r.team_id,
    inspectorId: r.inspector_id,
    inspectorName: r.inspector_name ?? r.inspector_id,
    templateVersionId: r.template_version_id,
    month: r.month,
    callStartedAt: r.call_started_at,
    answers: JSON.parse(r.answers) as Answer[],
    comments: JSON.parse(r.comments) as Comment[],
    details: r.details,
    score: Number(r.score),
    critical: r.critical as Critical,
    acknowledgedAt: r.acknowledged_at ?? null,
    disputes: JSON.parse(r.disputes) as Dispute[],
    log: JSON.parse(r.log) as LogEvent[],
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    synced: Number(r.version) > 0,
  });
  const weeklyBase = () => db.selectFrom('qa_weekly_reports').leftJoin('users as p', 'p.id', 'qa_weekly_reports.published_by').selectAll('qa_weekly_reports').select('p.display_name as published_by_name');
  type WeeklyDbRow = Awaited<ReturnType<ReturnType<typeof weeklyBase>['executeTakeFirstOrThrow']>>;
  const toWeekly = (r: WeeklyDbRow): WeeklyRecord => ({
    id: r.id,
    teamId: r.team_id,
    week: r.week,
    publishedBy: r.published_by,
    publishedByName: r.published_by_name ?? r.published_by,
    publishedAt: r.published_at,
    notes: r.notes,
    plan: JSON.parse(r.plan) as WeeklyRecord['plan'],
    figures: JSON.parse(r.figures) as WeeklyRecord['figures'],
    corrections: JSON.parse(r.corrections) as WeeklyRecord['corrections'],
    synced: Number(r.version) > 0,
  });
  return {
    ...qaCalibrationStore(db, w),
    async weeklyReport(id) {
      const r = await weeklyBase().where('qa_weekly_reports.id', '=', id).executeTakeFirst();
      return r ? toWeekly(r) : null;
    },
    async putWeeklyReport(r) {
      await w.put('qa_weekly_reports', {
        id: r.id,
        team_id: r.teamId,
        week: r.week,
        published_by: r.publishedBy,
        published_at: r.publishedAt,
        notes: r.notes,
        plan: JSON.stringify(r.plan),
        figures: JSON.stringify(r.figures),
        corrections: JSON.stringify(r.corrections),
      });
    },
    async weeklyReports(o) {
      let qb = whereInScope(weeklyBase(), o.scope, 'qa_weekly_reports');
      if (o.teamId) qb = qb.where('qa_weekly_reports.team_id', '=', o.teamId);
      return (await qb.orderBy('qa_weekly_reports.week', 'desc').orderBy('qa_weekly_reports.id').execute()).map(toWeekly);
    },
    async templates() {
      const rows = await db.selectFrom('qa_templates').selectAll().orderBy('template_id').orderBy('template_version').execute();
      return rows.map(
        (r): Template => ({
          id: r.id,
          templateId: r.template_id,
          version: Number(r.template_version),
          names: JSON.parse(r.names) as Names,
          weightTotal: Number(r.weight_total),
          sections: JSON.parse(r.sections) as Section[],
          createdBy: r.created_by,
          createdAt: r.created_at,
          builtin: false,
        }),
      );
    },
    async putTemplate(t) {
      await w.put('qa_templates', {
        id: t.id,
        template_id: t.templateId,
        template_version: t.version,
        names: JSON.stringify(t.names),
        weight_total: t.weightTotal,
        sections: JSON.stringify(t.sections),
        created_by: t.createdBy,
        created_at: t.createdAt,
      });
    },
    async get(id) {
      const r = await base().where('qa_evaluations.id', '=', id).executeTakeFirst();
      return r ? toEvaluation(r) : null;
    },
    async byCall(callId) {
      const r = await base().where('qa_evaluations.call_id', '=', callId).executeTakeFirst();
      return r ? toEvaluation(r) : null;
    },
    async put(e) {
      await w.put('qa_evaluations', {
        id: e.id,
        call_id: e.callId,
        agent_id: e.agentId,
        team_id: e.teamId,
        inspector_id: e.inspectorId,
        template_version_id: e.templateVersionId,
        month: e.month,
        call_started_at: e.callStartedAt,
        answers: JSON.stringify(e.answers),
        comments: JSON.stringify(e.comments),
        details: e.details,
        score: e.score,
        critical: e.critical,
        acknowledged_at: e.acknowledgedAt,
        disputes: JSON.stringify(e.disputes),
        log: JSON.stringify(e.log),
        created_at: e.createdAt,
        updated_at: e.updatedAt,
      });
    },
    async list(o) {
      let qb = whereInScope(base(), o.scope, 'qa_evaluations');
      if (o.months) qb = qb.where('qa_evaluations.month', 'in', o.months.length > 0 ? [...o.months] : ['']);
      if (o.agentId) qb = qb.where('qa_evaluations.agent_id', '=', o.agentId);
      return (await qb.orderBy('qa_evaluations.created_at', 'desc').orderBy('qa_evaluations.id').execute()).map(toEvaluation);
    },
  };
}
