import { DeskError } from '../api/errors';
import type { Handler, HandlerContext } from '../api/method';
import { addDays } from '../calendar/day-kind';
import { policyAt, policyOn } from '../policy/in-force';
import { dateInZone } from '../policy/zoned-date';
import { ruleError } from '../rules/check';
import type { RuleId } from '../rules/registry';
import { rowInScope, scopeFor } from '../sync/scope';
import { ARBITRATORS, type qaMethods } from './methods';
import type { EvaluationRow } from './port';
import { qaReportHandlers } from './report-handlers';
import { sampleCalls, type SampleCall } from './sample';
import { throwIfBadAnswers } from './answer-check';
import { calibrationHandlers } from './calibration-handlers';
import { criterionScore, onScale, scoreEvaluation } from './score';
import type { Evaluation, EvaluationView, LogEvent, Names, SummaryRow, Template } from './schemas';
import { criterionOf, DEFAULT_TEMPLATE, latestVersions, templateProblems } from './template';

type M = typeof qaMethods;
type Code = 'forbidden' | 'conflict' | 'not_found' | 'rule_violation' | 'invalid_input';

const refuse = (code: Code, message: string, ruleIds: RuleId[], path: string, key: string, params?: Record<string, string | number>) =>
  ruleError({ code, message, ruleIds, ...(params ? { params } : {}), fields: [{ path, code: key, message }] });

const DAY_MS = 86_400_000;

const toRow = (e: Evaluation): EvaluationRow => {
  const { agentName: _a, inspectorName: _i, synced: _s, ...row } = e;
  return row;
};

async function allTemplates(ctx: HandlerContext): Promise<Template[]> {
  return [DEFAULT_TEMPLATE, ...(await ctx.store.qa.templates())];
}

async function templateById(ctx: HandlerContext, id: string): Promise<Template | null> {
  return (await allTemplates(ctx)).find((t) => t.id === id) ?? null;
}

/** The calendar span of a month with a day's margin each side (zones), filtered by the center date afterwards. */
function monthSpan(month: string): { from: string; to: string } {
  const next = addDays(`${month}-28`, 7).slice(0, 7);
  return { from: `${addDays(`${month}-01`, -1)}T00:00:00.000Z`, to: `${addDays(`${next}-01`, 1)}T00:00:00.000Z` };
}

/** The six months ending with `month`, oldest first. */
function lastMonths(month: string, n = 6): string[] {
  const out = [month];
  while (out.length < n) out.unshift(addDays(`${out[0]}-01`, -1).slice(0, 7));
  return out;
}

/** The month's calls in the reader's scope, by the center's calendar. */
async function callsOfMonth(ctx: HandlerContext, month: string, zone: string) {
  const { from, to } = monthSpan(month);
  const calls = await ctx.store.calls.list({ scope: scopeFor(ctx.actor, 'calls'), from, to, q: '', limit: 100_000 });
  return calls.filter((c) => dateInZone(c.startedAt, zone).slice(0, 7) === month);
}

async function view(ctx: HandlerContext, e: Evaluation): Promise<EvaluationView> {
  const p = await policyAt(ctx.store, e.createdAt);
  return {
    ...e,
    disputeBy: new Date(Date.parse(e.createdAt) + p.qaDisputeDays * DAY_MS).toISOString(),
    mine: {
      asAgent: e.agentId === ctx.actor.userId,
      asArbitrator: (ARBITRATORS as readonly string[]).includes(ctx.actor.role) && e.inspectorId !== ctx.actor.userId,
    },
  };
}

/** An evaluation the reader may see: the agent their own, a lead their team's, QA and directors all. */
async function load(ctx: HandlerContext, id: string): Promise<Evaluation> {
  const e = await ctx.store.qa.get(id);
  if (!e) throw new DeskError({ code: 'not_found', message: 'No such evaluation', fields: [{ path: 'id', code: 'err.evaluationNotFound', message: id }] });
  if (!rowInScope(scopeFor(ctx.actor, 'qa_evaluations'), { agent_id: e.agentId, team_id: e.teamId }))
    throw refuse('forbidden', 'This evaluation is not yours to read', ['qa.form'], 'id', 'err.evaluationNotYours');
  return e;
}

async function save(ctx: HandlerContext, e: Evaluation, change: Partial<EvaluationRow>, event: Omit<LogEvent, 'at' | 'by'>): Promise<EvaluationView> {
  await ctx.store.qa.put({ ...toRow(e), ...change, log: [...e.log, { ...event, at: ctx.now, by: ctx.actor.userId }], updatedAt: ctx.now });
  return view(ctx, (await ctx.store.qa.get(e.id))!);
}

export const templates: Handler<M['qa.templates']> = async (ctx) => allTemplates(ctx);

export const publishTemplate: Handler<M['qa.publishTemplate']> = async (ctx, input) => {
  const all = await allTemplates(ctx);
  if (all.some((t) => t.id === input.id)) throw new DeskError({ code: 'conflict', message: 'This record already exists', fields: [{ path: 'id', code: 'err.duplicateId', message: input.id }] });
  const [p] = templateProblems(input);
  if (p) {
    const key = { noCriteria: 'err.noCriteria', sectionWeights: 'err.qaWeightsSum', criterionWeights: 'err.qaWeightsSum', duplicateId: 'err.duplicateCriterion', naOnCritical: 'err.naOnCritical' }[p.kind];
    const params = 'sum' in p ? { sum: p.sum, total: p.total } : undefined;
    throw refuse('invalid_input', `Template: ${p.kind}`, ['qa.criteria'], p.path, key, params);
  }
  const latest = latestVersions(all).find((t) => t.templateId === input.templateId)?.version ?? 0;
  if (input.basedOn !== latest) throw refuse('conflict', 'A newer version of this template was published meanwhile', ['qa.form'], 'basedOn', 'err.templateOutdated', { latest });
  const row = { id: input.id, templateId: input.templateId, version: latest + 1, names: input.names, weightTotal: input.weightTotal, sections: input.sections, createdBy: ctx.actor.userId, createdAt: ctx.now };
  await ctx.store.qa.putTemplate(row);
  return { ...row, builtin: false };
};

export const sample: Handler<M['qa.sample']> = async (ctx, input) => {
  const p = await policyOn(ctx.store, `${input.month}-01`);
  const calls = await callsOfMonth(ctx, input.month, p.timezone);
  const evaluations = await ctx.store.qa.list({ scope: scopeFor(ctx.actor, 'qa_evaluations'), months: [input.month] });
  const shifts = new Map<string, string>();
  const shiftOf = async (agentId: string, startedAt: string) => {
    const key = `${agentId}|${dateInZone(startedAt, p.timezone)}`;
    if (!shifts.has(key)) shifts.set(key, (await ctx.store.roster.cell(agentId, key.split('|')[1]!))?.shiftCode ?? '');
    return shifts.get(key)!;
  };
  const pool: SampleCall[] = [];
  for (const c of calls) pool.push({ id: c.id, agentId: c.agentId, category: c.category, shift: await shiftOf(c.agentId, c.startedAt) });
  const byId = new Map(calls.map((c) => [c.id, c]));
  const done: SampleCall[] = [];
  for (const e of evaluations) {
    const c = byId.get(e.callId);
    done.push({ id: e.callId, agentId: e.agentId, category: c?.category ?? '', shift: c ? await shiftOf(c.agentId, c.startedAt) : '' });
  }
  const seed = input.seed || `${input.month}:${ctx.actor.userId}`;
  return sampleCalls({ calls: pool, done, quota: p.qaMonthlyQuota, seed, limit: input.limit }).map((s) => {
    const c = byId.get(s.id)!;
    return { callId: c.id, agentId: c.agentId, agentName: c.agentName, shift: s.shift, category: c.category, startedAt: c.startedAt, summary: c.summary };
  });
};

/** The agents a reader oversees: every active agent in their evaluations' scope. */
async function agentsInScope(ctx: HandlerContext) {
  const scope = scopeFor(ctx.actor, 'qa_evaluations');
  return (await ctx.store.org.people()).filter((p) => p.role === 'agent' && p.active && rowInScope(scope, { agent_id: p.userId, team_id: p.teamId }));
}

export const progress: Handler<M['qa.progress']> = async (ctx, input) => {
  const p = await policyOn(ctx.store, `${input.month}-01`);
  const calls = await callsOfMonth(ctx, input.month, p.timezone);
  const evaluations = await ctx.store.qa.list({ scope: scopeFor(ctx.actor, 'qa_evaluations'), months: [input.month] });
  const people = await ctx.store.org.people();
  const agents = (await agentsInScope(ctx)).map((a) => ({
    agentId: a.userId,
    agentName: a.displayName,
    teamId: a.teamId,
    calls: calls.filter((c) => c.agentId === a.userId).length,
    evaluated: evaluations.filter((e) => e.agentId === a.userId).length,
  }));
  const inspectors = people
    .filter((x) => x.role === 'qa_inspector' && (x.active || evaluations.some((e) => e.inspectorId === x.userId)))
    .map((x) => ({ inspectorId: x.userId, inspectorName: x.displayName, evaluated: evaluations.filter((e) => e.inspectorId === x.userId).length }));
  // An agent with fewer calls than the quota can only be monitored on the calls there are.
  const left = agents.reduce((a, x) => a + Math.max(0, Math.min(p.qaMonthlyQuota, x.calls) - x.evaluated), 0);
  return { month: input.month, quota: p.qaMonthlyQuota, agents, inspectors, left };
};

export const evaluate: Handler<M['qa.evaluate']> = async (ctx, input) => {
  if (await ctx.store.qa.get(input.id)) throw new DeskError({ code: 'conflict', message: 'This record already exists', fields: [{ path: 'id', code: 'err.duplicateId', message: input.id }] });
  const call = await ctx.store.calls.get(input.callId, scopeFor(ctx.actor, 'calls'));
  if (!call) throw refuse('not_found', 'No such call', ['qa.form'], 'callId', 'err.callNotFound');
  if (call.agentId === ctx.actor.userId) throw refuse('forbidden', 'You cannot evaluate your own call', ['qa.form'], 'callId', 'err.ownCall');
  if (await ctx.store.qa.byCall(call.id)) throw refuse('conflict', 'This call has been evaluated already', ['qa.form'], 'callId', 'err.alreadyEvaluated');
  const all = await allTemplates(ctx);
  const t = all.find((x) => x.id === input.templateVersionId);
  if (!t) throw refuse('not_found', 'No such template version', ['qa.form'], 'templateVersionId', 'err.templateNotFound');
  const latest = latestVersions(all).find((x) => x.templateId === t.templateId)!;
  if (latest.id !== t.id) throw refuse('conflict', 'A newer version of this scorecard was published: score with it', ['qa.form'], 'templateVersionId', 'err.templateOutdated', { latest: latest.version });
  throwIfBadAnswers(t, input.answers);
  const badComment = input.comments.findIndex((c) => c.criterionId !== null && !criterionOf(t, c.criterionId));
  if (badComment >= 0) throw refuse('invalid_input', 'A comment names an unknown criterion', ['qa.criteria'], `comments.${badComment}.criterionId`, 'err.criterionUnknown');
  const result = scoreEvaluation(t, input.answers);
  if (result.score === null) throw refuse('invalid_input', 'Score at least one criterion', ['qa.criteria'], 'answers', 'err.allNa');
  // The server re-runs this handler on push: a desk that showed another score is refused, not silently corrected.
  if (Math.abs(result.score - input.expectedScore) > 0.005)
    throw refuse('conflict', 'The score does not match the scorecard', ['qa.form'], 'expectedScore', 'err.scoreMismatch', { score: result.score });
  const p = await policyAt(ctx.store, call.startedAt);
  await ctx.store.qa.put({
    id: input.id,
    callId: call.id,
    agentId: call.agentId,
    teamId: call.teamId,
    inspectorId: ctx.actor.userId,
    templateVersionId: t.id,
    month: dateInZone(call.startedAt, p.timezone).slice(0, 7),
    callStartedAt: call.startedAt,
    answers: input.answers,
    comments: input.comments,
    details: input.details,
    score: result.score,
    critical: result.critical,
    acknowledgedAt: null,
    disputes: [],
    log: [{ at: ctx.now, by: ctx.actor.userId, kind: 'scored', criterionId: null, from: null, to: result.score, text: '', ruleIds: ['qa.form', 'qa.criteria'] }],
    createdAt: ctx.now,
    updatedAt: ctx.now,
  });
  return view(ctx, (await ctx.store.qa.get(input.id))!);
};

export const list: Handler<M['qa.list']> = async (ctx, input) => {
  const rows = await ctx.store.qa.list({ scope: scopeFor(ctx.actor, 'qa_evaluations'), ...(input.month ? { months: [input.month] } : {}), ...(input.agentId ? { agentId: input.agentId } : {}) });
  const out: EvaluationView[] = [];
  for (const e of rows) out.push(await view(ctx, e));
  return out;
};

export const get: Handler<M['qa.get']> = async (ctx, input) => view(ctx, await load(ctx, input.id));

function mustBeAgent(ctx: HandlerContext, e: Evaluation): void {
  if (e.agentId !== ctx.actor.userId) throw refuse('forbidden', 'Only the agent evaluated does this', ['qa.form'], 'id', 'err.evaluationNotYours');
}

export const acknowledge: Handler<M['qa.acknowledge']> = async (ctx, input) => {
  const e = await load(ctx, input.id);
  mustBeAgent(ctx, e);
  if (e.acknowledgedAt) throw refuse('conflict', 'Acknowledged already', ['qa.form'], 'id', 'err.alreadyAcknowledged');
  return save(ctx, e, { acknowledgedAt: ctx.now }, { kind: 'acknowledged', criterionId: null, from: null, to: null, text: '', ruleIds: ['qa.form'] });
};

export const dispute: Handler<M['qa.dispute']> = async (ctx, input) => {
  const e = await load(ctx, input.id);
  mustBeAgent(ctx, e);
  const v = await view(ctx, e);
  if (ctx.now > v.disputeBy) throw refuse('rule_violation', 'The time to dispute this evaluation has passed', ['qa.dispute'], 'id', 'err.disputeLate', { deadline: v.disputeBy });
  const t = await templateById(ctx, e.templateVersionId);
  if (!t || !criterionOf(t, input.criterionId)) throw refuse('invalid_input', 'No such criterion on this scorecard', ['qa.criteria'], 'criterionId', 'err.criterionUnknown');
  if (e.disputes.some((d) => d.criterionId === input.criterionId)) throw refuse('conflict', 'This criterion is disputed already', ['qa.dispute'], 'criterionId', 'err.alreadyDisputed');
  const disputes = [...e.disputes, { criterionId: input.criterionId, reason: input.reason, at: ctx.now, status: 'open' as const, ruling: null }];
  return save(ctx, e, { disputes }, { kind: 'disputed', criterionId: input.criterionId, from: null, to: null, text: input.reason, ruleIds: ['qa.dispute'] });
};

export const rule: Handler<M['qa.rule']> = async (ctx, input) => {
  const e = await load(ctx, input.id);
  if (e.inspectorId === ctx.actor.userId) throw refuse('forbidden', 'The inspector who scored it does not rule on it', ['qa.dispute'], 'id', 'err.ownEvaluation');
  const d = e.disputes.find((x) => x.criterionId === input.criterionId && x.status === 'open');
  if (!d) throw refuse('conflict', 'No open dispute on this criterion', ['qa.dispute'], 'criterionId', 'err.noOpenDispute');
  const t = (await templateById(ctx, e.templateVersionId))!;
  const c = criterionOf(t, input.criterionId)!;
  let answers = e.answers;
  let score = e.score;
  let critical = e.critical;
  if (input.outcome === 'amended') {
    if (input.value === null ? !c.allowNa : !onScale(c.scale, input.value)) throw refuse('invalid_input', 'Not a point of this criterion\'s scale', ['qa.criteria'], 'value', input.value === null ? 'err.naNotAllowed' : 'err.offScale');
    answers = e.answers.map((a) => (a.criterionId === input.criterionId ? { ...a, value: input.value } : a));
    const r = scoreEvaluation(t, answers);
    if (r.score === null) throw refuse('invalid_input', 'Score at least one criterion', ['qa.criteria'], 'value', 'err.allNa');
    score = r.score;
    critical = r.critical;
  }
  const ruling = { by: ctx.actor.userId, at: ctx.now, value: input.outcome === 'amended' ? input.value : (e.answers.find((a) => a.criterionId === input.criterionId)?.value ?? null), note: input.note };
  const disputes = e.disputes.map((x) => (x === d ? { ...x, status: input.outcome, ruling } : x));
  return save(ctx, e, { disputes, answers, score, critical }, { kind: input.outcome, criterionId: input.criterionId, from: e.score, to: score, text: input.note, ruleIds: ['qa.dispute', 'qa.form'] });
};

const mean = (xs: readonly number[]) => (xs.length === 0 ? null : Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 100) / 100);

export const summary: Handler<M['qa.summary']> = async (ctx, input) => {
  const months = lastMonths(input.month);
  const p = await policyOn(ctx.store, `${input.month}-01`);
  const rows = await ctx.store.qa.list({ scope: scopeFor(ctx.actor, 'qa_evaluations'), months });
  const all = await allTemplates(ctx);
  const byId = new Map(all.map((t) => [t.id, t]));
  const out: SummaryRow[] = [];
  for (const a of await agentsInScope(ctx)) {
    const mine = rows.filter((e) => e.agentId === a.userId);
    const now = mine.filter((e) => e.month === input.month);
    const perCriterion = new Map<string, { names: Names; scores: number[] }>();
    for (const e of now) {
      const t = byId.get(e.templateVersionId);
      if (!t) continue;
      for (const ans of e.answers) {
        const c = criterionOf(t, ans.criterionId);
        const s = c ? criterionScore(c, ans.value) : null;
        if (c && s !== null) (perCriterion.get(c.id) ?? perCriterion.set(c.id, { names: c.names, scores: [] }).get(c.id)!).scores.push(s);
      }
    }
    const weakest = [...perCriterion.entries()]
      .map(([criterionId, v]) => ({ criterionId, names: v.names, average: mean(v.scores)! }))
      .sort((x, y) => x.average - y.average || (x.criterionId < y.criterionId ? -1 : 1))
      .slice(0, 3);
    out.push({
      agentId: a.userId,
      agentName: a.displayName,
      teamId: a.teamId,
      average: mean(now.map((e) => e.score)),
      count: now.length,
      quota: p.qaMonthlyQuota,
      flagged: now.filter((e) => e.critical !== 'none').length,
      weakest,
      trend: months.map((m) => ({ month: m, average: mean(mine.filter((e) => e.month === m).map((e) => e.score)) })),
    });
  }
  return out;
};

export const qaHandlers = {
  'qa.templates': templates,
  'qa.publishTemplate': publishTemplate,
  'qa.sample': sample,
  'qa.progress': progress,
  'qa.evaluate': evaluate,
  'qa.list': list,
  'qa.get': get,
  'qa.acknowledge': acknowledge,
  'qa.dispute': dispute,
  'qa.rule': rule,
  'qa.summary': summary,
  ...calibrationHandlers,
  ...qaReportHandlers,
};
