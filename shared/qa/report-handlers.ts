import { DeskError } from '../api/errors';
import type { Handler, HandlerContext } from '../api/method';
import { addDays } from '../calendar/day-kind';
import { policyOn } from '../policy/in-force';
import { dateInZone } from '../policy/zoned-date';
import { scopeFor } from '../sync/scope';
import type { qaMethods } from './methods';
import type { PlanItemView } from './report-schemas';
import type { Evaluation, Template } from './schemas';
import { DEFAULT_TEMPLATE } from './template';
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
};

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

export const qaReportHandlers = { 'qa.weekly': weekly, 'qa.analysis': analysis };
