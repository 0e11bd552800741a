import { DeskError } from '../api/errors';
import type { Handler, HandlerContext } from '../api/method';
import type { Actor } from '../auth/roles';
import { policyAt } from '../policy/in-force';
import type { PolicyValues } from '../policy/schema';
import { dateInZone } from '../policy/zoned-date';
import { ruleError, type RuleCheck } from '../rules/check';
import type { RuleId } from '../rules/registry';
import { scopeFor } from '../sync/scope';
import type { escalationMethods } from './methods';
import { helpHandlers, linkHelp } from './help-handlers';
import type { EscalationRow } from './port';
import { actsAt, awaitingAcknowledgement, chainAbove, chainIndex, checkCategoryRoute, checkProposal, checkRoute, disagreed, holdingAt, answered, targets } from './rules';
import type { Escalation, EscalationLevel, EscalationView, TimelineEvent } from './schemas';

type M = typeof escalationMethods;

const refuse = (code: 'forbidden' | 'conflict' | 'not_found' | 'rule_violation', message: string, ruleIds: RuleId[], path: string, key: string) =>
  ruleError({ code, message, ruleIds, fields: [{ path, code: key, message }] });

const toRow = (e: Escalation): EscalationRow => {
  const { reporterName: _n, synced: _s, ...row } = e;
  return row;
};

async function load(ctx: HandlerContext, id: string): Promise<Escalation> {
  const e = await ctx.store.escalations.get(id);
  if (!e) throw new DeskError({ code: 'not_found', message: 'No such report', fields: [{ path: 'id', code: 'err.escalationNotFound', message: id }] });
  return e;
}

const chainOf = (e: Pick<Escalation, 'reporterRole'>) => chainAbove(e.reporterRole as Actor['role']);

/**
 * The report as the clock has it now: a level that let its response target pass has handed it up
 * (holdingAt). A write records those moves as `auto-forwarded` events before its own, so the timeline says
 * what happened and when, and the server, re-running the write, records the same.
 */
async function settled(ctx: HandlerContext, e: Escalation, policy?: PolicyValues): Promise<Escalation> {
  const chain = chainOf(e);
  const { responseMs } = targets(e.category, policy ?? (await policyAt(ctx.store, e.createdAt)));
  const h = holdingAt({ chain, index: chain.indexOf(e.holderLevel), since: e.levelSince, open: e.status === 'open', timeline: e.timeline, responseMs }, ctx.now);
  if (h.moves.length === 0) return e;
  const moved: TimelineEvent[] = h.moves.map((m) => ({ at: m.at, kind: 'auto-forwarded', by: null, level: m.to, text: '', ruleIds: ['escalate.must-report', 'escalate.level-by-level'] }));
  return { ...e, holderLevel: chain[h.index]!, holderId: null, levelSince: h.since, timeline: [...e.timeline, ...moved] };
}

const asHolder = (e: Escalation, a: Actor) => a.userId !== e.reporterId && actsAt(a, e.holderLevel, e.teamId);

/** A report's targets follow the policy in force when it was made: a later edit does not move its deadlines. */
async function view(ctx: HandlerContext, raw: Escalation, policy?: PolicyValues): Promise<EscalationView> {
  const p = policy ?? (await policyAt(ctx.store, raw.createdAt));
  const e = await settled(ctx, raw, p);
  const { responseMs, resolutionMs, warnMs } = targets(e.category, p);
  const open = e.status === 'open';
  const respondBy = open && !answered(e.timeline, e.holderLevel, e.levelSince) ? new Date(Date.parse(e.levelSince) + responseMs).toISOString() : null;
  const resolveBy = new Date(Date.parse(e.createdAt) + resolutionMs).toISOString();
  const now = Date.parse(ctx.now);
  const soonest = Math.min(Date.parse(resolveBy), respondBy ? Date.parse(respondBy) : Infinity);
  const timer = !open ? 'none' : now >= soonest ? 'breached' : now >= soonest - warnMs ? 'warning' : 'ok';
  const reporter = e.reporterId === ctx.actor.userId;
  return {
    ...e,
    turn: !open ? 'none' : awaitingAcknowledgement(e.timeline) ? 'reporter' : 'holder',
    mine: {
      asHolder: open && asHolder(e, ctx.actor),
      asReporter: reporter,
      followUps: e.followUps.filter((f) => !f.done && (reporter || actsAt(ctx.actor, f.level, e.teamId))).map((f) => f.level),
    },
    respondBy,
    resolveBy,
    timer,
  };
}

async function save(ctx: HandlerContext, e: Escalation, change: Partial<EscalationRow>, event?: Omit<TimelineEvent, 'at' | 'by'>): Promise<EscalationView> {
  const timeline = event ? [...e.timeline, { ...event, at: ctx.now, by: ctx.actor.userId }] : e.timeline;
  await ctx.store.escalations.put({ ...toRow(e), ...change, timeline, updatedAt: ctx.now });
  return view(ctx, await load(ctx, e.id));
}

function mustBeOpen(e: Escalation): void {
  if (e.status !== 'open')
    throw new DeskError({ code: 'conflict', message: `This report is ${e.status}`, fields: [{ path: 'id', code: e.status === 'resolved' ? 'err.escalationResolved' : 'err.escalationClosed', message: e.status }] });
}

/** A person named as the report's next holder, and where they stand in its chain (-1: outside). */
async function target(ctx: HandlerContext, chain: readonly EscalationLevel[], toId: string, reporterTeam: string | null) {
  const to = await ctx.store.org.person(toId);
  return to ? chainIndex(chain, to, reporterTeam) : -1;
}

/** Refuses a route that breaks escalate.level-by-level, naming the field that breaks it. */
function throwIfBadRoute(checks: RuleCheck[], to: number): void {
  const failed = checks.find((c) => c.status === 'fail');
  if (!failed) return;
  if (to < 0) throw ruleError({ code: 'rule_violation', message: 'This person is not in your chain of command', ruleIds: ['escalate.level-by-level'], params: failed.params, fields: [{ path: 'toId', code: 'err.outsideChain', message: 'outside the chain' }] });
  throw ruleError({
    code: 'rule_violation',
    message: 'Reports go to the next level up; skipping a level needs the emergency flag',
    ruleIds: ['escalate.level-by-level', 'escalate.emergency-skip'],
    params: failed.params,
    fields: [{ path: 'emergency', code: to >= 0 && failed.params.skipped ? 'err.levelSkipped' : 'err.notAbove', message: 'level skipped' }],
  });
}

export const chainFor: Handler<M['escalation.chain']> = async (ctx) => {
  const people = (await ctx.store.org.people()).filter((p) => p.active && p.userId !== ctx.actor.userId);
  return chainAbove(ctx.actor.role).map((level) => ({
    level,
    people: people.filter((p) => actsAt(p, level, ctx.actor.teamId)).map((p) => ({ userId: p.userId, displayName: p.displayName })),
  }));
};

export const report: Handler<M['escalation.report']> = async (ctx, input) => {
  if (await ctx.store.escalations.get(input.id)) throw new DeskError({ code: 'conflict', message: 'This record already exists', fields: [{ path: 'id', code: 'err.duplicateId', message: input.id }] });
  if (checkProposal(input.proposal).status === 'fail') throw refuse('rule_violation', 'A report carries your proposed handling', ['escalate.proposal'], 'proposal', 'err.proposalRequired');
  const chain = chainAbove(ctx.actor.role);
  const to = await target(ctx, chain, input.toId, ctx.actor.teamId);
  const { checks, skipped } = checkRoute({ chain, from: -1, to, emergency: input.emergency });
  throwIfBadRoute(checks, to);
  // escalate.must-report: 用户故意刁难报班长解决 — the team lead resolves it first (they may forward it up).
  if (checkCategoryRoute(input.category, chain, to)?.status === 'fail')
    throw refuse('rule_violation', 'A customer deliberately making trouble goes to the team lead', ['escalate.must-report'], 'toId', 'err.customerTroubleToLead');
  const level = chain[to]!;
  const ruleIds: RuleId[] = ['escalate.must-report', 'escalate.proposal', ...checks.map((c) => c.ruleId as RuleId)];
  await ctx.store.escalations.put({
    id: input.id,
    reporterId: ctx.actor.userId,
    reporterRole: ctx.actor.role,
    teamId: ctx.actor.teamId,
    category: input.category,
    summary: input.summary,
    proposal: input.proposal,
    callId: input.callId,
    emergency: input.emergency,
    status: 'open',
    holderLevel: level,
    holderId: input.toId,
    levelSince: ctx.now,
    timeline: [{ at: ctx.now, kind: 'reported', by: ctx.actor.userId, level, text: '', ruleIds }],
    followUps: skipped.map((l) => ({ level: l, done: null })),
    createdAt: ctx.now,
    updatedAt: ctx.now,
    actedOfflineAt: ctx.actedOfflineAt ?? null,
  });
  // A raised hand turned into this report: closed and linked (the transaction refuses both or neither).
  if (input.helpId) await linkHelp(ctx, input.helpId, input.id);
  return view(ctx, await load(ctx, input.id));
};

export const instruct: Handler<M['escalation.instruct']> = async (ctx, input) => {
  const e = await settled(ctx, await load(ctx, input.id));
  mustBeOpen(e);
  if (!asHolder(e, ctx.actor)) throw refuse('forbidden', 'Only the level holding the report instructs on it', ['escalate.instructions', 'escalate.level-by-level'], 'id', 'err.notHolder');
  return save(ctx, e, {}, { kind: 'instructed', level: e.holderLevel, text: input.text, ruleIds: ['escalate.instructions'] });
};

export const acknowledge: Handler<M['escalation.acknowledge']> = async (ctx, input) => {
  const e = await settled(ctx, await load(ctx, input.id));
  if (e.reporterId !== ctx.actor.userId) throw refuse('forbidden', 'Only the reporter acknowledges instructions', ['escalate.instructions'], 'id', 'err.notReporter');
  mustBeOpen(e);
  if (!awaitingAcknowledgement(e.timeline)) throw refuse('conflict', 'No instruction waits for acknowledgement', ['escalate.instructions'], 'id', 'err.nothingToAcknowledge');
  return save(ctx, e, {}, { kind: 'acknowledged', level: e.holderLevel, text: input.disagreement, ruleIds: ['escalate.instructions'] });
};

export const forward: Handler<M['escalation.forward']> = async (ctx, input) => {
  const e = await settled(ctx, await load(ctx, input.id));
  mustBeOpen(e);
  const reporter = e.reporterId === ctx.actor.userId;
  if (!asHolder(e, ctx.actor) && !reporter) throw refuse('forbidden', 'Only the level holding the report, or its reporter, sends it up', ['escalate.level-by-level'], 'id', 'err.notHolder');
  // escalate.instructions: the reporter raises a disagreement upward only once it is recorded with the acknowledgement (executed first).
  if (!asHolder(e, ctx.actor) && !disagreed(e.timeline)) throw refuse('conflict', 'Acknowledge the instruction, with your disagreement, before raising it', ['escalate.instructions'], 'id', 'err.acknowledgeFirst');
  const chain = chainOf(e);
  const to = await target(ctx, chain, input.toId, e.teamId);
  const { checks, skipped } = checkRoute({ chain, from: chain.indexOf(e.holderLevel), to, emergency: input.emergency });
  throwIfBadRoute(checks, to);
  const known = new Set(e.followUps.map((f) => f.level));
  const followUps = [...e.followUps, ...skipped.filter((l) => !known.has(l)).map((level) => ({ level, done: null }))];
  const ruleIds: RuleId[] = [...checks.map((c) => c.ruleId as RuleId), ...(reporter ? (['escalate.instructions'] as const) : [])];
  return save(ctx, e, { holderLevel: chain[to]!, holderId: input.toId, levelSince: ctx.now, followUps, emergency: e.emergency || input.emergency }, { kind: 'forwarded', level: chain[to]!, text: input.note, ruleIds });
};

export const informed: Handler<M['escalation.informed']> = async (ctx, input) => {
  const e = await settled(ctx, await load(ctx, input.id));
  const f = e.followUps.find((x) => x.level === input.level);
  if (!f || f.done) throw refuse('conflict', 'No open follow-up for this level', ['escalate.emergency-skip'], 'level', 'err.noFollowUp');
  if (e.reporterId !== ctx.actor.userId && !actsAt(ctx.actor, input.level, e.teamId)) throw refuse('forbidden', 'Only the reporter or the skipped level records that it was informed', ['escalate.emergency-skip'], 'level', 'err.notThatLevel');
  const followUps = e.followUps.map((x) => (x.level === input.level ? { ...x, done: { by: ctx.actor.userId, at: ctx.now } } : x));
  return save(ctx, e, { followUps }, { kind: 'informed', level: input.level, text: '', ruleIds: ['escalate.emergency-skip'] });
};

export const resolve: Handler<M['escalation.resolve']> = async (ctx, input) => {
  const e = await settled(ctx, await load(ctx, input.id));
  mustBeOpen(e);
  if (!asHolder(e, ctx.actor)) throw refuse('forbidden', 'Only the level holding the report resolves it', ['escalate.level-by-level'], 'id', 'err.notHolder');
  return save(ctx, e, { status: 'resolved' }, { kind: 'resolved', level: e.holderLevel, text: input.note, ruleIds: ['escalate.instructions'] });
};

export const close: Handler<M['escalation.close']> = async (ctx, input) => {
  const e = await settled(ctx, await load(ctx, input.id));
  if (e.reporterId !== ctx.actor.userId) throw refuse('forbidden', 'Only the reporter closes a report', ['escalate.must-report'], 'id', 'err.notReporter');
  if (e.status === 'closed') mustBeOpen(e);
  return save(ctx, e, { status: 'closed' }, { kind: 'closed', level: null, text: input.note, ruleIds: ['escalate.must-report'] });
};

export const list: Handler<M['escalation.list']> = async (ctx, input) => {
  const rows = await ctx.store.escalations.page(scopeFor(ctx.actor, 'escalations'), input);
  // One policy look-up per center day the reports were made on, not two per report (500 reports: 1.5 s → ms).
  const zone = (await policyAt(ctx.store, ctx.now)).timezone;
  const byDay = new Map<string, Promise<PolicyValues>>();
  const policyFor = (instant: string) => {
    const day = dateInZone(instant, zone);
    if (!byDay.has(day)) byDay.set(day, policyAt(ctx.store, instant));
    return byDay.get(day)!;
  };
  const out: EscalationView[] = [];
  for (const e of rows) out.push(await view(ctx, e, await policyFor(e.createdAt)));
  return out;
};

export const escalationHandlers = {
  'escalation.chain': chainFor,
  'escalation.report': report,
  'escalation.instruct': instruct,
  'escalation.acknowledge': acknowledge,
  'escalation.forward': forward,
  'escalation.informed': informed,
  'escalation.resolve': resolve,
  'escalation.close': close,
  'escalation.list': list,
  ...helpHandlers,
};
