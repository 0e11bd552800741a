import { DeskError } from '../api/errors';
import type { Handler, HandlerContext } from '../api/method';
import { addDays } from '../calendar/day-kind';
import { policyOn } from '../policy/in-force';
import { dateInZone } from '../policy/zoned-date';
import { rowInScope, scopeFor } from '../sync/scope';
import type { qaMethods } from './methods';
import type { PlanItemView, WeeklyFigures } from './report-schemas';
import type { Evaluation, Template } from './schemas';
import { criterionOf, DEFAULT_TEMPLATE } from './template';
import { criterionFigures, mean, mondayOf, TEAM_SHARE, trainingPlan, WEAK_BELOW, type PlanItem } from './weekly';

type M = typeof qaMethods;

async function templateMap(ctx: HandlerContext): Promise<Map<string, Template>> {
  return new Map([DEFAULT_TEMPLATE, ...(await ctx.store.qa.templates())].map((t) => [t.id, t]));
}

/** The months from `n - 1` before `month` up to it, oldest first. */
function monthsUpTo(month: string, n = 6): string[] {
  const out = [month];
  while (out.length < n) out.unshift(addDays(`${out[0]}-01`, -1).slice(0, 7));
  return out;
}

const nameOf = (people: readonly { userId: string; displayName: string }[]) => (id: string) => people.find((p) => p.userId === id)?.displayName ?? id;

const planView = (items: readonly PlanItem[], name: (id: string) => string): PlanItemView[] => items.map((p) => ({ ...p, agentNames: p.agentIds.map(name) }));

/**
 * qa.weekly: a team's week — evaluations written against the month's quota, the average and its six-week
 * trend, critical fails, per-criterion averages across the agents and the training plan they call for.
 * A lead reads their own team only; agents have no access (the method's roles).
 */
export const weekly: Handler<M['qa.weekly']> = async (ctx, input) => {
  const figures = await weeklyFigures(ctx, input);
  return { ...figures, published: await ctx.store.qa.weeklyReport(weeklyId(input.teamId, figures.week)) };
};

/** One published summary per team and week. */
export const weeklyId = (teamId: string, monday: string) => `qaweek:${teamId}:${monday}`;

async function weeklyFigures(ctx: HandlerContext, input: { teamId: string; week: string }): Promise<WeeklyFigures> {
  if (ctx.actor.role === 'team_lead' && ctx.actor.teamId !== input.teamId)
    throw new DeskError({ code: 'forbidden', message: 'A team lead reads their own team’s QA summary', ruleIds: ['qa.weekly'], fields: [{ path: 'teamId', code: 'err.notYourTeam', message: input.teamId }] });
  if (!(await ctx.store.org.teamExists(input.teamId))) throw new DeskError({ code: 'invalid_input', message: 'No such team', fields: [{ path: 'teamId', code: 'err.unknownTeam', message: input.teamId }] });
  const week = mondayOf(input.week);
  const weekEnd = addDays(week, 6);
  const first = addDays(week, -35);
  const p = await policyOn(ctx.store, week);
  const month = week.slice(0, 7);
  // Evaluations are filed by their call's month; a call a month older than the six weeks may be scored in them.
  const months: string[] = [];
  for (let d = addDays(first, -31); d.slice(0, 7) <= weekEnd.slice(0, 7); d = addDays(`${d.slice(0, 7)}-28`, 7)) months.push(d.slice(0, 7));
  const rows = (await ctx.store.qa.list({ scope: scopeFor(ctx.actor, 'qa_evaluations'), months })).filter((e) => e.teamId === input.teamId);
  const dayOf = (e: Evaluation) => dateInZone(e.createdAt, p.timezone);
  const inWeek = (e: Evaluation, monday: string) => dayOf(e) >= monday && dayOf(e) <= addDays(monday, 6);
  const now = rows.filter((e) => inWeek(e, week));
  const people = await ctx.store.org.people();
  const agents = people.filter((x) => x.role === 'agent' && x.active && x.teamId === input.teamId);
  const name = nameOf(people);
  const templates = await templateMap(ctx);
  const criteria = criterionFigures(now, templates);
  const evaluatedAgents = new Set(now.map((e) => e.agentId)).size;
  const weeks = Array.from({ length: 6 }, (_, i) => addDays(week, -7 * (5 - i)));
  return {
    teamId: input.teamId,
    week,
    weekEnd,
    agents: agents.length,
    evaluatedAgents,
    done: now.length,
    month,
    monthDone: rows.filter((e) => e.month === month).length,
    monthQuota: agents.length * p.qaMonthlyQuota,
    average: mean(now.map((e) => e.score)),
    previousAverage: mean(rows.filter((e) => inWeek(e, addDays(week, -7))).map((e) => e.score)),
    trend: weeks.map((w) => {
      const xs = rows.filter((e) => inWeek(e, w));
      return { week: w, average: mean(xs.map((e) => e.score)), count: xs.length };
    }),
    criticalFails: now.filter((e) => e.critical !== 'none').length,
    criteria: criteria.map((c) => ({ ...c, weak: c.weak.map((w) => ({ ...w, agentName: name(w.agentId) })) })),
    perAgent: [...new Set([...agents.map((a) => a.userId), ...now.map((e) => e.agentId)])].map((id) => {
      const xs = now.filter((e) => e.agentId === id);
      return { agentId: id, agentName: name(id), count: xs.length, average: mean(xs.map((e) => e.score)), criticalFails: xs.filter((e) => e.critical !== 'none').length };
    }),
    plan: planView(trainingPlan(criteria, evaluatedAgents), name),
    weakBelow: WEAK_BELOW,
    teamShare: TEAM_SHARE,
  };
}

/**
 * qa.weekly: the QA inspector publishes the week's summary with the plan as edited. The figures are taken
 * again here (the server re-runs this on push) and kept as published; once published the summary is not
 * edited, only corrected.
 */
export const publishWeekly: Handler<M['qa.publishWeekly']> = async (ctx, input) => {
  const figures = await weeklyFigures(ctx, input);
  const id = weeklyId(input.teamId, figures.week);
  if (await ctx.store.qa.weeklyReport(id)) throw new DeskError({ code: 'conflict', message: 'This week’s summary is published already: append a correction', ruleIds: ['qa.weekly'], fields: [{ path: 'week', code: 'err.weeklyPublished', message: figures.week }] });
  const templates = await templateMap(ctx);
  const people = await ctx.store.org.people();
  const team = new Set(people.filter((p) => p.role === 'agent' && p.teamId === input.teamId).map((p) => p.userId));
  const plan = [];
  for (const [i, item] of input.plan.entries()) {
    const c = [...templates.values()].map((t) => criterionOf(t, item.criterionId)).find((x) => x);
    if (!c) throw new DeskError({ code: 'invalid_input', message: 'No such criterion', ruleIds: ['qa.weekly'], fields: [{ path: `plan.${i}.criterionId`, code: 'err.criterionUnknown', message: item.criterionId }] });
    const stranger = item.agentIds.findIndex((a) => !team.has(a));
    if (stranger >= 0) throw new DeskError({ code: 'invalid_input', message: 'Not an agent of this team', ruleIds: ['qa.weekly'], fields: [{ path: `plan.${i}.agentIds.${stranger}`, code: 'err.notYourTeam', message: item.agentIds[stranger]! }] });
    if (item.scope === 'agent' && item.agentIds.length !== 1) throw new DeskError({ code: 'invalid_input', message: 'An individual item names one agent', ruleIds: ['qa.weekly'], fields: [{ path: `plan.${i}.agentIds`, code: 'err.planOneAgent', message: String(item.agentIds.length) }] });
    plan.push({ ...item, names: c.names, agentNames: item.agentIds.map(nameOf(people)) });
  }
  await ctx.store.qa.putWeeklyReport({ id, teamId: input.teamId, week: figures.week, publishedBy: ctx.actor.userId, publishedAt: ctx.now, notes: input.notes, plan, figures, corrections: [] });
  return (await ctx.store.qa.weeklyReport(id))!;
};

/** qa.weekly: a correction appended by a QA inspector or a director; the published text stays. */
export const correctWeekly: Handler<M['qa.correctWeekly']> = async (ctx, input) => {
  const r = await ctx.store.qa.weeklyReport(input.id);
  if (!r || !rowInScope(scopeFor(ctx.actor, 'qa_weekly_reports'), { team_id: r.teamId })) throw new DeskError({ code: 'not_found', message: 'No such weekly summary', fields: [{ path: 'id', code: 'err.weeklyNotFound', message: input.id }] });
  const { publishedByName: _n, synced: _s, ...row } = r;
  const me = (await ctx.store.org.person(ctx.actor.userId))?.displayName ?? ctx.actor.userId;
  await ctx.store.qa.putWeeklyReport({ ...row, corrections: [...r.corrections, { at: ctx.now, by: ctx.actor.userId, byName: me, text: input.text }] });
  return (await ctx.store.qa.weeklyReport(input.id))!;
};

export const weeklyReports: Handler<M['qa.weeklyReports']> = async (ctx, input) =>
  ctx.store.qa.weeklyReports({ scope: scopeFor(ctx.actor, 'qa_weekly_reports'), ...(input.teamId ? { teamId: input.teamId } : {}) });

/**
 * qa.weekly "质检分析报告" for the department director: the month per team and criterion, six-month
 * trends, disputes and how they ended, and the problems common to many agents (qa.rollcall).
 */
export const analysis: Handler<M['qa.analysis']> = async (ctx, input) => {
  const months = monthsUpTo(input.month);
  const rows = await ctx.store.qa.list({ scope: scopeFor(ctx.actor, 'qa_evaluations'), months });
  const now = rows.filter((e) => e.month === input.month);
  const templates = await templateMap(ctx);
  const people = await ctx.store.org.people();
  const name = nameOf(people);
  const teamIds = [...new Set(rows.map((e) => e.teamId))].sort((a, b) => (a ?? '').localeCompare(b ?? ''));
  const teams = teamIds.map((teamId) => {
    const mine = rows.filter((e) => e.teamId === teamId);
    const cur = mine.filter((e) => e.month === input.month);
    return {
      teamId,
      count: cur.length,
      average: mean(cur.map((e) => e.score)),
      criticalFails: cur.filter((e) => e.critical !== 'none').length,
      trend: months.map((m) => ({ month: m, average: mean(mine.filter((e) => e.month === m).map((e) => e.score)) })),
      criteria: criterionFigures(cur, templates).map(({ criterionId, names, average }) => ({ criterionId, names, average })),
    };
  });
  const figures = criterionFigures(now, templates);
  const allCriteria = new Map(criterionFigures(rows, templates).map((c) => [c.criterionId, c.names]));
  const criteria = [...allCriteria.entries()].map(([criterionId, names]) => {
    const trend = months.map((m) => ({ month: m, average: criterionFigures(rows.filter((e) => e.month === m), templates).find((c) => c.criterionId === criterionId)?.average ?? null }));
    return { criterionId, names, average: trend[trend.length - 1]!.average, trend };
  });
  const disputes = now.flatMap((e) => e.disputes);
  const byCriterion = [...new Set(disputes.map((d) => d.criterionId))].sort().map((criterionId) => {
    const ds = disputes.filter((d) => d.criterionId === criterionId);
    const names = allCriteria.get(criterionId) ?? { 'zh-CN': criterionId, 'zh-TW': criterionId, en: criterionId };
    return { criterionId, names, open: ds.filter((d) => d.status === 'open').length, upheld: ds.filter((d) => d.status === 'upheld').length, amended: ds.filter((d) => d.status === 'amended').length };
  });
  const evaluatedAgents = new Set(now.map((e) => e.agentId)).size;
  return {
    month: input.month,
    months,
    teams,
    criteria,
    disputes: {
      total: disputes.length,
      open: disputes.filter((d) => d.status === 'open').length,
      upheld: disputes.filter((d) => d.status === 'upheld').length,
      amended: disputes.filter((d) => d.status === 'amended').length,
      byCriterion,
    },
    common: planView(
      trainingPlan(figures, evaluatedAgents).filter((p) => p.scope === 'team'),
      name,
    ),
    evaluatedAgents,
  };
};

export const qaReportHandlers = { 'qa.weekly': weekly, 'qa.analysis': analysis, 'qa.publishWeekly': publishWeekly, 'qa.correctWeekly': correctWeekly, 'qa.weeklyReports': weeklyReports };
