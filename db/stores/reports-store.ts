import type { Kysely } from 'kysely';
import type { MeetingsPort, ReportsPort } from '../../shared/reports/port';
import type { Correction, Figures, Meeting, Report, ReportKind, ReportStatus } from '../../shared/reports/schemas';
import type { Database } from '../schema';
import type { Writer } from '../sync/writer';
import { whereInScope } from '../sync/scope-sql';

export function reportsStore(db: Kysely<Database>, w: Writer): ReportsPort {
  const base = () => db.selectFrom('reports').leftJoin('users as a', 'a.id', 'reports.author_id').selectAll('reports').select(['a.display_name as author_name']);
  type Row = Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirstOrThrow']>>;
  const toReport = (r: Row): Report => ({
    id: r.id,
    kind: r.kind as ReportKind,
    teamId: r.team_id,
    period: r.period,
    authorId: r.author_id,
    authorName: r.author_name ?? r.author_id,
    status: r.status as ReportStatus,
    figures: JSON.parse(r.figures) as Figures,
    sections: JSON.parse(r.sections) as Report['sections'],
    corrections: JSON.parse(r.corrections) as Correction[],
    submittedAt: r.submitted_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    ruleIds: JSON.parse(r.rule_ids) as string[],
    saved: true,
    synced: Number(r.version) > 0,
  });
  return {
    async get(id, scope) {
      const r = await (scope ? whereInScope(base(), scope, 'reports') : base()).where('reports.id', '=', id).executeTakeFirst();
      return r ? toReport(r) : null;
    },
    async put(r) {
      await w.put('reports', {
        id: r.id,
        kind: r.kind,
        team_id: r.teamId,
        period: r.period,
        author_id: r.authorId,
        status: r.status,
        figures: JSON.stringify(r.figures),
        sections: JSON.stringify(r.sections),
        corrections: JSON.stringify(r.corrections),
        rule_ids: JSON.stringify(r.ruleIds),
        submitted_at: r.submittedAt,
        created_at: r.createdAt,
        updated_at: r.updatedAt,
      });
    },
    async list(o) {
      let qb = whereInScope(base(), o.scope, 'reports');
      if (o.kind) qb = qb.where('reports.kind', '=', o.kind);
      if (o.teamId) qb = qb.where('reports.team_id', '=', o.teamId);
      if (o.periodFrom) qb = qb.where('reports.period', '>=', o.periodFrom);
      if (o.periodTo) qb = qb.where('reports.period', '<=', o.periodTo);
      return (await qb.orderBy('reports.period', 'desc').orderBy('reports.id').execute()).map(toReport);
    },
  };
}

export function meetingsStore(db: Kysely<Database>, w: Writer): MeetingsPort {
  const base = () => db.selectFrom('meetings').selectAll();
  type Row = Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirstOrThrow']>>;
  const toMeeting = (r: Row): Meeting => ({
    id: r.id,
    month: r.month,
    heldOn: r.held_on,
    figures: JSON.parse(r.figures) as Figures,
    notes: r.notes,
    awards: JSON.parse(r.awards) as Meeting['awards'],
    qaResults: null,
    recordedBy: r.recorded_by,
    recordedAt: r.recorded_at,
    updatedAt: r.updated_at,
    ruleIds: JSON.parse(r.rule_ids) as string[],
    synced: Number(r.version) > 0,
  });
  return {
    async get(id) {
      const r = await base().where('id', '=', id).executeTakeFirst();
      return r ? toMeeting(r) : null;
    },
    async put(m) {
      await w.put('meetings', {
        id: m.id,
        month: m.month,
        held_on: m.heldOn,
        figures: JSON.stringify(m.figures),
        notes: m.notes,
        awards: JSON.stringify(m.awards),
        qa_results: m.qaResults === null ? null : JSON.stringify(m.qaResults),
        rule_ids: JSON.stringify(m.ruleIds),
        recorded_by: m.recordedBy,
        recorded_at: m.recordedAt,
        updated_at: m.updatedAt,
      });
    },
    async list() {
      return (await base().orderBy('month', 'desc').execute()).map(toMeeting);
    },
  };
}
