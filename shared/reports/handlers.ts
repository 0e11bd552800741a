import { DeskError, fieldError } from '../api/errors';
import type { Handler, HandlerContext } from '../api/method';
import { addDays } from '../calendar/day-kind';
import { policyAt } from '../policy/in-force';
import { dateInZone } from '../policy/zoned-date';
import { scopeFor } from '../sync/scope';
import { ALL, type RowScope } from '../sync/scope-rules';
import { monthlyMeetingDate } from './deadlines';
import type { reportMethods } from './methods';
import { countFigures, KIND_RULE, meetingId, mondayOf, periodDays, periodFits, periodRange, reportId, sumFigures, type FigureFacts } from './rules';
import { REPORT_SECTIONS, type Figures, type FollowupRow, type Report, type ReportKind, type SectionKey } from './schemas';
import { CALLBACK_OUTCOMES } from '../workorders/schemas';

type M = typeof reportMethods;

const teamScope = (teamId: string): RowScope => ({ kind: 'eq', column: 'team_id', value: teamId });

/** The calls, work orders and escalations figures are counted from, in the given scopes. */
async function facts(ctx: HandlerContext, scopes: { calls: RowScope; work_orders: RowScope; escalations: RowScope }, from: string, to: string): Promise<FigureFacts & { raw: Awaited<ReturnType<HandlerContext['store']['escalations']['list']>>; orders: Awaited<ReturnType<HandlerContext['store']['workOrders']['list']>> }> {
  const [calls, orders, escalations] = await Promise.all([
    ctx.store.calls.facts({ scope: scopes.calls, from, to }),
    ctx.store.workOrders.list({ scope: scopes.work_orders, openOnly: false, limit: 100_000 }),
    ctx.store.escalations.list(scopes.escalations),
  ]);
  return { calls, workOrders: orders, escalations, raw: escalations, orders };
}

/**
 * Whose report: a lead writes and reads their own team's only; a director names the team. The rule of the
 * report's kind is cited when a lead reaches for another team's.
 */
async function teamOf(ctx: HandlerContext, kind: ReportKind, teamId: string | undefined): Promise<string> {
  const rule = KIND_RULE[kind];
  if (ctx.actor.role === 'team_lead') {
    const own = ctx.actor.teamId;
    if (!own || (teamId !== undefined && teamId !== own))
      throw new DeskError({ code: 'forbidden', message: "A team lead reports for their own team only", ruleIds: [rule], fields: [{ path: 'teamId', code: 'err.notYourTeamReport', message: teamId ?? '' }] });
    return own;
  }
  if (!teamId) throw fieldError('teamId', 'err.required', 'Name the team');
  if (!(await ctx.store.org.teamExists(teamId))) throw new DeskError({ code: 'not_found', message: 'No such team', fields: [{ path: 'teamId', code: 'err.unknownTeam', message: teamId }] });
  return teamId;
}

function checkPeriod(kind: ReportKind, period: string): void {
  if (!periodFits(kind, period)) throw fieldError('period', kind === 'daily' ? 'err.date' : 'err.month', `A ${kind} report's period is a ${kind === 'daily' ? 'day' : 'month'}`);
}

/** The period's figures for one team, counted now. */
async function teamFigures(ctx: HandlerContext, kind: ReportKind, teamId: string, period: string) {
  const { timezone } = await policyAt(ctx.store, ctx.now);
  const { from, to } = periodRange(kind, period, timezone);
  const s = teamScope(teamId);
  const f = await facts(ctx, { calls: s, work_orders: s, escalations: s }, from, to);
  return { figures: countFigures(f, from, to), f, from, to };
}

const at = (x: string, from: string, to: string) => Date.parse(x) >= Date.parse(from) && Date.parse(x) < Date.parse(to);

/** A fresh draft: the day's escalations and complaint work orders listed under the difficult issues, for the lead to edit. */
function prefill(kind: ReportKind, f: Awaited<ReturnType<typeof facts>>, from: string, to: string): Partial<Record<SectionKey, string>> {
  if (kind !== 'daily') return {};
  const lines = [...f.raw.filter((e) => at(e.createdAt, from, to)).map((e) => e.summary), ...f.orders.filter((o) => o.type === 'complaint' && at(o.createdAt, from, to)).map((o) => o.title)];
  return { difficultIssues: lines.map((l) => `- ${l.replace(/\s+/g, ' ')}`).join('\n') };
}

export const getReport: Handler<M['reports.get']> = async (ctx, input) => {
  checkPeriod(input.kind, input.period);
  const teamId = await teamOf(ctx, input.kind, input.teamId);
  const id = reportId(input.kind, teamId, input.period);
  const stored = await ctx.store.reports.get(id, scopeFor(ctx.actor, 'reports'));
  if (stored?.status === 'submitted') return stored;
  const live = await teamFigures(ctx, input.kind, teamId, input.period);
  if (stored) return { ...stored, figures: live.figures };
  return {
    id,
    kind: input.kind,
    teamId,
    period: input.period,
    authorId: ctx.actor.userId,
    authorName: '',
    status: 'draft',
    figures: live.figures,
    sections: prefill(input.kind, live.f, live.from, live.to),
    corrections: [],
    submittedAt: null,
    createdAt: ctx.now,
    updatedAt: ctx.now,
    saved: false,
    synced: false,
    ruleIds: [KIND_RULE[input.kind]],
  };
};

export const saveReport: Handler<M['reports.save']> = async (ctx, input) => {
  checkPeriod(input.kind, input.period);
  const rule = KIND_RULE[input.kind];
  const teamId = await teamOf(ctx, input.kind, input.teamId);
  const allowed: readonly string[] = REPORT_SECTIONS[input.kind];
  const stray = Object.keys(input.sections).find((k) => !allowed.includes(k));
  if (stray) throw fieldError(`sections.${stray}`, 'err.sectionNotInReport', `A ${input.kind} report has no section ${stray}`);
  const { timezone } = await policyAt(ctx.store, ctx.now);
  if (periodDays(input.kind, input.period).first > dateInZone(ctx.now, timezone))
    throw new DeskError({ code: 'conflict', message: 'This period has not begun', ruleIds: [rule], fields: [{ path: 'period', code: 'err.periodInFuture', message: input.period }] });
  const id = reportId(input.kind, teamId, input.period);
  const stored = await ctx.store.reports.get(id);
  if (stored?.status === 'submitted')
    throw new DeskError({ code: 'conflict', message: 'This report was submitted: add a correction instead', ruleIds: [rule], fields: [{ path: 'period', code: 'err.reportSubmitted', message: stored.submittedAt ?? '' }] });
  const { figures } = await teamFigures(ctx, input.kind, teamId, input.period);
  await ctx.store.reports.put({
    id,
    kind: input.kind,
    teamId,
    period: input.period,
    authorId: ctx.actor.userId,
    status: input.submit ? 'submitted' : 'draft',
    figures,
    sections: Object.fromEntries(allowed.map((k) => [k, input.sections[k as SectionKey] ?? ''])),
    corrections: [],
    submittedAt: input.submit ? ctx.now : null,
    createdAt: stored?.createdAt ?? ctx.now,
    updatedAt: ctx.now,
    ruleIds: [rule],
  });
  return (await ctx.store.reports.get(id))!;
};

export const correctReport: Handler<M['reports.correct']> = async (ctx, input) => {
  const row = await ctx.store.reports.get(input.id, scopeFor(ctx.actor, 'reports'));
  if (!row) throw new DeskError({ code: 'not_found', message: 'No such report', fields: [{ path: 'id', code: 'err.unknownReport', message: input.id }] });
  const rule = KIND_RULE[row.kind];
  if (row.teamId !== ctx.actor.teamId)
    throw new DeskError({ code: 'forbidden', message: "A team lead reports for their own team only", ruleIds: [rule], fields: [{ path: 'id', code: 'err.notYourTeamReport', message: row.teamId }] });
  if (row.status !== 'submitted')
    throw new DeskError({ code: 'conflict', message: 'A draft is edited, not corrected', ruleIds: [rule], fields: [{ path: 'id', code: 'err.reportNotSubmitted', message: row.id }] });
  const me = await ctx.store.org.person(ctx.actor.userId);
  const { authorName: _a, synced: _s, saved: _v, ...stored } = row;
  await ctx.store.reports.put({ ...stored, corrections: [...row.corrections, { at: ctx.now, by: ctx.actor.userId, byName: me?.displayName ?? ctx.actor.userId, text: input.text }], updatedAt: ctx.now });
  return (await ctx.store.reports.get(row.id))!;
};

export const listReports: Handler<M['reports.list']> = async (ctx, input) => ctx.store.reports.list({ scope: scopeFor(ctx.actor, 'reports'), kind: input.kind, teamId: input.teamId });

export const weeklyReport: Handler<M['reports.weekly']> = async (ctx, input) => {
  const teamId = await teamOf(ctx, 'daily', input.teamId);
  const from = mondayOf(input.week);
  const to = addDays(from, 6);
  const dailies = await ctx.store.reports.list({ scope: scopeFor(ctx.actor, 'reports'), kind: 'daily', teamId, periodFrom: from, periodTo: to });
  const byDay = new Map(dailies.map((r) => [r.period, r]));
  const days = Array.from({ length: 7 }, (_, i) => addDays(from, i)).map((date) => {
    const r = byDay.get(date);
    return { date, figures: r?.status === 'submitted' ? r.figures : null, status: r?.status ?? null };
  });
  const submitted = days.flatMap((d) => (d.figures ? [d.figures] : []));
  const texts = days.flatMap((d) => {
    const r = byDay.get(d.date);
    if (r?.status !== 'submitted') return [];
    return REPORT_SECTIONS.daily.flatMap((key) => (r.sections[key]?.trim() ? [{ date: d.date, key, text: r.sections[key]! }] : []));
  });
  return { teamId, from, to, days, totals: sumFigures(submitted), texts, ruleIds: ['report.daily'] };
};

export const followupStats: Handler<M['reports.followups']> = async (ctx, input) => {
  const { timezone } = await policyAt(ctx.store, ctx.now);
  const last = mondayOf(input.week);
  const weeks = Array.from({ length: input.weeks }, (_, i) => addDays(last, -7 * (input.weeks - 1 - i)));
  const orders = await ctx.store.workOrders.list({ scope: scopeFor(ctx.actor, 'work_orders'), openOnly: false, limit: 100_000 });
  const teams = (await ctx.store.org.teams()).map((t) => t.id).sort();
  const teamIds: (string | null)[] = [...teams, ...(orders.some((o) => o.teamId === null) ? [null] : [])];
  const rows: FollowupRow[] = [];
  for (const week of weeks) {
    const from = periodRange('daily', week, timezone).from;
    const end = periodRange('daily', addDays(week, 6), timezone).to;
    for (const teamId of teamIds) {
      const mine = orders.filter((o) => o.teamId === teamId);
      const inWeek = (x: string | null) => x !== null && at(x, from, end);
      const called = mine.filter((o) => inWeek(o.callbackAt) && o.callbackOutcome);
      rows.push({
        week,
        teamId,
        supervised: mine.filter((o) => inWeek(o.supervisedAt)).length,
        feedback: mine.filter((o) => inWeek(o.closedAt)).length,
        callbacks: called.length,
        callbacksByOutcome: Object.fromEntries(CALLBACK_OUTCOMES.map((k) => [k, called.filter((o) => o.callbackOutcome === k).length])) as FollowupRow['callbacksByOutcome'],
      });
    }
  }
  return { weeks, rows, ruleIds: ['report.weekly-followups'] };
};

async function monthFigures(ctx: HandlerContext, month: string, scopes: { calls: RowScope; work_orders: RowScope; escalations: RowScope }): Promise<Figures> {
  const { timezone } = await policyAt(ctx.store, ctx.now);
  const { from, to } = periodRange('monthly', month, timezone);
  return countFigures(await facts(ctx, scopes, from, to), from, to);
}

export const getMeeting: Handler<M['meetings.get']> = async (ctx, input) => {
  const p = await policyAt(ctx.store, ctx.now);
  const record = await ctx.store.meetings.get(meetingId(input.month));
  const figures = record?.figures ?? (await monthFigures(ctx, input.month, { calls: scopeFor(ctx.actor, 'calls'), work_orders: scopeFor(ctx.actor, 'work_orders'), escalations: scopeFor(ctx.actor, 'escalations') }));
  return { month: input.month, date: monthlyMeetingDate(input.month, p.monthlyMeetingBeforeDay), record, figures, ruleIds: ['meeting.monthly'] };
};

export const recordMeeting: Handler<M['meetings.record']> = async (ctx, input) => {
  if (input.heldOn.slice(0, 7) !== input.month) throw new DeskError({ code: 'invalid_input', message: 'The meeting is held in its own month', ruleIds: ['meeting.monthly'], fields: [{ path: 'heldOn', code: 'err.heldOutsideMonth', message: input.heldOn }] });
  const awards = [];
  for (const [i, a] of input.awards.entries()) {
    const p = await ctx.store.org.person(a.personId);
    if (!p) throw fieldError(`awards.${i}.personId`, 'err.unknownPerson', a.personId);
    awards.push({ ...a, personName: p.displayName });
  }
  const id = meetingId(input.month);
  const before = await ctx.store.meetings.get(id);
  // The center's month as the director sees it (everything), frozen with the record.
  const figures = await monthFigures(ctx, input.month, { calls: ALL, work_orders: ALL, escalations: ALL });
  await ctx.store.meetings.put({
    id,
    month: input.month,
    heldOn: input.heldOn,
    figures,
    notes: input.notes,
    awards,
    qaResults: null,
    recordedBy: ctx.actor.userId,
    recordedAt: before?.recordedAt ?? ctx.now,
    updatedAt: ctx.now,
    ruleIds: ['meeting.monthly'],
  });
  return (await ctx.store.meetings.get(id))!;
};

export const listMeetings: Handler<M['meetings.list']> = async (ctx) => ctx.store.meetings.list();

export const reportHandlers = {
  'reports.get': getReport,
  'reports.save': saveReport,
  'reports.correct': correctReport,
  'reports.list': listReports,
  'reports.weekly': weeklyReport,
  'reports.followups': followupStats,
  'meetings.get': getMeeting,
  'meetings.record': recordMeeting,
  'meetings.list': listMeetings,
};

export type { Report };
