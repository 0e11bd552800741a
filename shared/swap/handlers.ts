import { DeskError } from '../api/errors';
import type { HandlerContext, Handler } from '../api/method';
import { policyAt, policyOn } from '../policy/in-force';
import { dateInZone } from '../policy/zoned-date';
import { throwIfFailed, type RuleCheck } from '../rules/check';
import { shiftInterval } from '../roster/shift-time';
import type { SwapRow } from './port';
import { approverSides, checkSwap, swapShifts, swapsUsed, SWAP_RULES } from './rules';
import { gatherSwapFacts, rosterKnown } from './facts';
import type { swapMethods } from './methods';
import type { Swap } from './schemas';
import { scopeFor } from '../sync/scope';
import { addDays } from '../calendar/day-kind';
import { monthBounds } from '../calendar/month';

type M = typeof swapMethods;

const refuse = (message: string, code: string, params: Record<string, string> = {}) =>
  new DeskError({ code: code === 'err.swapNotFound' ? 'not_found' : 'conflict', message, params, fields: [{ path: 'id', code, message }] });

/**
 * Why a swap is not where an action needs it, as a sentence its reader understands: "王芳已撤回该申请", not
 * "conflicts with an existing record" (the approver may have acted on a stale desk).
 */
function notWaiting(s: Swap, waitingFor: 'answer' | 'approval' | 'withdrawal'): DeskError {
  const names = { requester: s.requesterName, partner: s.partnerName };
  switch (s.status) {
    case 'cancelled':
      return refuse('The requester withdrew this swap', 'err.swapWithdrawn', names);
    case 'declined':
      return refuse('The colleague declined this swap', 'err.swapDeclined', names);
    case 'rejected':
      return refuse('A team lead rejected this swap', 'err.swapRejected', names);
    case 'approved':
      return refuse('This swap is already approved', 'err.swapAlreadyApproved', names);
    case 'accepted':
      return refuse('The colleague already answered', 'err.swapAlreadyAnswered', names);
    case 'requested':
      return refuse(waitingFor === 'approval' ? 'The colleague has not accepted yet' : 'Not waiting for this', 'err.swapNotAccepted', names);
  }
}

async function load(ctx: HandlerContext, id: string): Promise<Swap> {
  const s = await ctx.store.swaps.get(id);
  if (!s) throw refuse('No such swap', 'err.swapNotFound');
  return s;
}

const toRow = (s: Swap): SwapRow => {
  const { requesterName: _r, partnerName: _p, synced: _s, requesterIsLead: _a, partnerIsLead: _b, ...row } = s;
  return row;
};

async function checksFor(ctx: HandlerContext, s: Swap) {
  const facts = await gatherSwapFacts(ctx, s.requesterId, { partnerId: s.partnerId, giveDate: s.giveDate, takeDate: s.takeDate }, s);
  return { facts, checks: checkSwap(facts) };
}

export const checkDraft: Handler<M['swap.check']> = async (ctx, input) => {
  const facts = await gatherSwapFacts(ctx, ctx.actor.userId, input);
  const { give, take } = swapShifts(facts);
  return { checks: checkSwap(facts), giveShift: give, takeShift: take };
};

/** Pay-back days are looked for this many days before and after the day given away. */
const OPTION_DAYS_BEFORE = 7;
const OPTION_DAYS_AFTER = 14;

export const swapOptions: Handler<M['swap.options']> = async (ctx, input) => {
  const partner = await ctx.store.roster.person(input.partnerId);
  const me = await ctx.store.roster.person(ctx.actor.userId);
  if (!partner || !me) throw new DeskError({ code: 'not_found', message: 'No such colleague', fields: [{ path: 'partnerId', code: 'err.unknownPerson', message: input.partnerId }] });
  const from = addDays(input.giveDate, -OPTION_DAYS_BEFORE);
  const to = addDays(input.giveDate, OPTION_DAYS_AFTER);
  const mine = new Set((await ctx.store.roster.entries({ teamId: null, userId: me.userId, from, to })).map((e) => e.date));
  const mineFree = daysFrom(from, to).filter((d) => !mine.has(d));
  if (!rosterKnown(ctx, partner.teamId, partner.userId)) return { partnerShifts: null, mineFree, suggestions: [] };
  const partnerShifts = (await ctx.store.roster.entries({ teamId: null, userId: partner.userId, from, to })).map((e) => ({ date: e.date, code: e.shiftCode }));
  const suggestions = [];
  for (const s of partnerShifts) {
    if (s.date === input.giveDate || mine.has(s.date)) continue;
    const checks = checkSwap(await gatherSwapFacts(ctx, ctx.actor.userId, { partnerId: partner.userId, giveDate: input.giveDate, takeDate: s.date }));
    if (!checks.some((c) => c.status === 'fail')) suggestions.push({ takeDate: s.date, takeShift: s.code });
  }
  return { partnerShifts, mineFree, suggestions };
};

function daysFrom(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

export const judgeSwap: Handler<M['swap.judge']> = async (ctx, input) => {
  const s = await load(ctx, input.id);
  const mayAct = s.partnerId === ctx.actor.userId || s.requesterId === ctx.actor.userId || Object.values(approverSides(s, ctx.actor)).some(Boolean);
  if (!mayAct) throw new DeskError({ code: 'forbidden', message: 'Only the people in a swap and its approvers judge it', fields: [{ path: 'id', code: 'err.notYourTeam', message: 'not yours' }] });
  return { checks: s.status === 'requested' || s.status === 'accepted' ? (await checksFor(ctx, s)).checks : [] };
};

export const requestSwap: Handler<M['swap.request']> = async (ctx, input) => {
  // A request is a new form: an id that exists already is refused, never written over.
  if (await ctx.store.swaps.get(input.id)) throw new DeskError({ code: 'conflict', message: 'This record already exists', fields: [{ path: 'id', code: 'err.duplicateId', message: input.id }] });
  const facts = await gatherSwapFacts(ctx, ctx.actor.userId, input);
  throwIfFailed(checkSwap(facts), 'This swap');
  const { give, take } = swapShifts(facts);
  await ctx.store.swaps.put({
    id: input.id,
    requesterId: ctx.actor.userId,
    requesterTeam: facts.requester.teamId,
    partnerId: input.partnerId,
    partnerTeam: facts.partner.teamId,
    giveDate: input.giveDate,
    giveShift: give,
    takeDate: input.takeDate,
    takeShift: take,
    reason: input.reason,
    status: 'requested',
    leadA: null,
    leadB: null,
    decisionRules: [],
    note: '',
    createdAt: ctx.now,
    updatedAt: ctx.now,
    actedOfflineAt: ctx.actedOfflineAt ?? null,
  });
  return load(ctx, input.id);
};

export const respondSwap: Handler<M['swap.respond']> = async (ctx, input) => {
  const s = await load(ctx, input.id);
  if (s.partnerId !== ctx.actor.userId) throw new DeskError({ code: 'forbidden', message: 'Only the named colleague answers a swap request' });
  if (s.status !== 'requested') throw notWaiting(s, 'answer');
  if (input.accept) throwIfFailed((await checksFor(ctx, s)).checks, 'This swap');
  await ctx.store.swaps.put({ ...toRow(s), status: input.accept ? 'accepted' : 'declined', updatedAt: ctx.now });
  return load(ctx, s.id);
};

/**
 * `swap.both-leads`: the lead of each side approves once, in any order (one lead for a swap inside a
 * team). Every approval re-checks every rule against the store as it is now; the last one moves the shifts.
 */
export const decideSwap: Handler<M['swap.decide']> = async (ctx, input) => {
  const s = await load(ctx, input.id);
  if (s.status !== 'accepted') throw notWaiting(s, 'approval');
  if (ctx.actor.userId === s.requesterId || ctx.actor.userId === s.partnerId) throw new DeskError({ code: 'forbidden', message: 'No one approves their own swap', ruleIds: ['swap.both-leads'], fields: [{ path: 'id', code: 'err.ownRequest', message: 'own swap' }] });
  const { a: sideA, b: sideB } = approverSides(s, ctx.actor);
  if (!sideA && !sideB) throw new DeskError({ code: 'forbidden', message: "Only the two people's team leads decide a swap", ruleIds: ['swap.both-leads'], fields: [{ path: 'id', code: 'err.notYourTeam', message: 'other team' }] });
  if ((!sideA || s.leadA) && (!sideB || s.leadB)) throw refuse('Your team has already approved this swap', 'err.alreadyApproved');
  if (!input.approve) {
    await ctx.store.swaps.put({ ...toRow(s), status: 'rejected', decisionRules: ['swap.both-leads', 'swap.staffing'], note: input.note, updatedAt: ctx.now });
    return load(ctx, s.id);
  }
  const { facts, checks } = await checksFor(ctx, s);
  throwIfFailed(checks, 'This swap');
  const stamp = { by: ctx.actor.userId, at: ctx.now };
  const leadA = sideA ? stamp : s.leadA;
  const leadB = sideB ? stamp : s.leadB;
  const done = leadA !== null && leadB !== null;
  const { give, take } = swapShifts(facts);
  // On a desk the other team's roster may be out of reach: the form recorded both shifts when a desk that held them saw it.
  const giveCode = give ?? s.giveShift;
  const takeCode = take ?? s.takeShift;
  if (done) {
    // The registration form becomes the roster: the partner works the given shift, the requester the taken one.
    const by = { updatedBy: ctx.actor.userId, updatedAt: ctx.now };
    // Both days are cleared before either is filled: on a same-day swap (D for E) the partner's own row is the one being given up.
    if (giveCode && rosterKnown(ctx, s.requesterTeam, s.requesterId)) await ctx.store.roster.clear({ id: `${s.id}-gave`, userId: s.requesterId, teamId: s.requesterTeam, date: s.giveDate, ...by });
    if (takeCode && rosterKnown(ctx, s.partnerTeam, s.partnerId)) await ctx.store.roster.clear({ id: `${s.id}-took`, userId: s.partnerId, teamId: s.partnerTeam, date: s.takeDate, ...by });
    if (giveCode && rosterKnown(ctx, s.partnerTeam, s.partnerId)) await ctx.store.roster.put({ id: `${s.id}-give`, userId: s.partnerId, teamId: s.partnerTeam, date: s.giveDate, shiftCode: giveCode, ...by });
    if (takeCode && rosterKnown(ctx, s.requesterTeam, s.requesterId)) await ctx.store.roster.put({ id: `${s.id}-take`, userId: s.requesterId, teamId: s.requesterTeam, date: s.takeDate, shiftCode: takeCode, ...by });
  }
  await ctx.store.swaps.put({
    ...toRow(s),
    giveShift: giveCode,
    takeShift: takeCode,
    leadA,
    leadB,
    status: done ? 'approved' : 'accepted',
    decisionRules: [...SWAP_RULES, 'swap.both-leads'],
    note: input.note,
    updatedAt: ctx.now,
  });
  return load(ctx, s.id);
};

export const cancelSwap: Handler<M['swap.cancel']> = async (ctx, input) => {
  const s = await load(ctx, input.id);
  if (s.requesterId !== ctx.actor.userId) throw new DeskError({ code: 'forbidden', message: 'Only the requester withdraws a swap' });
  if (s.status !== 'requested' && s.status !== 'accepted') throw notWaiting(s, 'withdrawal');
  await ctx.store.swaps.put({ ...toRow(s), status: 'cancelled', updatedAt: ctx.now });
  return load(ctx, s.id);
};

export const listSwaps: Handler<M['swap.list']> = async (ctx, input) => {
  const swaps = await ctx.store.swaps.list({ scope: scopeFor(ctx.actor, 'swaps'), ...monthBounds(input.month), limit: input.limit, ...(input.after ? { after: input.after } : {}) });
  const [types, values] = await Promise.all([ctx.store.roster.shiftTypes(), policyAt(ctx.store, ctx.now)]);
  const out = [];
  for (const s of swaps) {
    let checks: RuleCheck[] = [];
    // Open swaps carry their rule check as the store stands now: what an approver sees beside each item.
    if (input.checks && (s.status === 'requested' || s.status === 'accepted')) checks = (await checksFor(ctx, s).catch(() => ({ checks: [] as RuleCheck[] }))).checks;
    const takeType = types.find((t) => t.code === s.takeShift);
    const paidBack = s.status === 'approved' && takeType !== undefined && shiftInterval(s.takeDate, takeType, values.timezone).end <= Date.parse(ctx.now);
    out.push({ ...s, checks, paidBack });
  }
  const thisMonth = input.month || dateInZone(ctx.now, values.timezone).slice(0, 7);
  const mine = await ctx.store.swaps.involving([ctx.actor.userId], `${thisMonth}-01`, `${thisMonth}-31`);
  const max = (await policyOn(ctx.store, `${thisMonth}-01`)).maxSwapsPerMonth;
  return { swaps: out, used: swapsUsed({ otherSwaps: mine }, ctx.actor.userId, thisMonth), max, month: thisMonth };
};

export const colleagues: Handler<M['swap.colleagues']> = async (ctx) => (await ctx.store.roster.people(null)).filter((p) => p.userId !== ctx.actor.userId);

export const swapHandlers = {
  'swap.colleagues': colleagues,
  'swap.check': checkDraft,
  'swap.options': swapOptions,
  'swap.judge': judgeSwap,
  'swap.request': requestSwap,
  'swap.respond': respondSwap,
  'swap.decide': decideSwap,
  'swap.cancel': cancelSwap,
  'swap.list': listSwaps,
};
