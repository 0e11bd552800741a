import { DeskError } from '../api/errors';
import type { Handler, HandlerContext } from '../api/method';
import { dateInZone } from '../policy/zoned-date';
import { policyAt } from '../policy/in-force';
import { throwIfFailed } from '../rules/check';
import { gatherLeaveFacts } from './facts';
import type { LeaveRow } from './port';
import { approvalChain, certificateState, checkLeave, leaveDays, LEAVE_RULES } from './rules';
import type { leaveMethods } from './methods';
import type { LeaveDraft } from './schemas';
import { scopeFor } from '../sync/scope';
import { monthBounds } from '../calendar/month';

type M = typeof leaveMethods;

async function judge(ctx: HandlerContext, draft: LeaveDraft, filedBy: string, excludeId?: string, at?: string) {
  const { facts, person, policy, isLead } = await gatherLeaveFacts(ctx, draft, filedBy, excludeId, at);
  const checks = checkLeave(facts);
  const chain = approvalChain(draft.type, leaveDays(draft.fromDate, draft.toDate), policy.leaveDeptDirectorMaxDays, isLead);
  return { checks, chain, person, policy, overlapping: facts.overlapping };
}

/** The chain alone (policy as of the request, a lead's own leave one level up), without judging the rules. */
async function chainOf(ctx: HandlerContext, l: { userId: string; type: LeaveDraft['type']; fromDate: string; toDate: string; createdAt: string }) {
  const policy = await policyAt(ctx.store, l.createdAt);
  const isLead = (await ctx.store.org.person(l.userId))?.role === 'team_lead';
  return approvalChain(l.type, leaveDays(l.fromDate, l.toDate), policy.leaveDeptDirectorMaxDays, isLead);
}

async function load(ctx: HandlerContext, id: string) {
  const l = await ctx.store.leave.get(id);
  if (!l) throw new DeskError({ code: 'not_found', message: 'No such leave request', fields: [{ path: 'id', code: 'err.leaveNotFound', message: id }] });
  return l;
}
/** A request no longer open, said as what happened to it ("王芳已撤回该申请"), for a decider on a stale desk. */
function leaveNotOpen(l: { status: string; userName: string }): DeskError {
  const code = l.status === 'cancelled' ? 'err.leaveWithdrawn' : l.status === 'approved' ? 'err.leaveAlreadyApproved' : 'err.leaveAlreadyRejected';
  return new DeskError({ code: 'conflict', message: `This request is ${l.status}`, params: { name: l.userName }, fields: [{ path: 'id', code, message: l.status }] });
}

const out = async (ctx: HandlerContext, id: string) => {
  const { row: _row, ...leave } = await load(ctx, id);
  return leave;
};

export const checkLeaveDraft: Handler<M['leave.check']> = async (ctx, input) => {
  const { checks, chain } = await judge(ctx, input, ctx.actor.userId);
  return { checks, chain, days: leaveDays(input.fromDate, input.toDate) };
};

export const requestLeave: Handler<M['leave.request']> = async (ctx, input) => {
  // A request is a new form: an id that exists already is refused, never written over.
  if (await ctx.store.leave.get(input.id)) throw new DeskError({ code: 'conflict', message: 'This record already exists', fields: [{ path: 'id', code: 'err.duplicateId', message: input.id }] });
  const { checks, person, overlapping } = await judge(ctx, input, ctx.actor.userId);
  if (overlapping.length > 0) throw new DeskError({ code: 'conflict', message: 'Overlaps another leave request', fields: [{ path: 'fromDate', code: 'err.leaveOverlap', message: overlapping[0]!.fromDate }] });
  throwIfFailed(checks, 'This leave request');
  await ctx.store.leave.put({
    id: input.id,
    userId: person.userId,
    teamId: person.teamId,
    type: input.type,
    fromDate: input.fromDate,
    toDate: input.toDate,
    reason: input.reason,
    filedBy: ctx.actor.userId,
    status: 'requested',
    approvals: [],
    flags: checks.filter((c) => c.status === 'warn').map((c) => c.ruleId),
    certificate: input.certificate,
    decisionRules: [],
    note: '',
    createdAt: ctx.now,
    updatedAt: ctx.now,
    actedOfflineAt: ctx.actedOfflineAt ?? null,
  });
  return out(ctx, input.id);
};

/** leave.chain: only the next level decides; a team lead only for their own team; nobody their own request. */
export const decideLeave: Handler<M['leave.decide']> = async (ctx, input) => {
  const l = await load(ctx, input.id);
  if (l.status !== 'requested') throw leaveNotOpen(l);
  if (l.userId === ctx.actor.userId || l.filedBy === ctx.actor.userId) throw new DeskError({ code: 'forbidden', message: 'No one approves leave they asked for or filed', ruleIds: ['leave.chain'], fields: [{ path: 'id', code: 'err.ownRequest', message: 'own' }] });
  // Judged as of the request: its notice and the policy then in force (a later policy does not move the goalposts).
  const { checks, chain } = await judge(ctx, l, l.filedBy, l.id, l.createdAt);
  const next = chain[l.approvals.length];
  if (ctx.actor.role !== next || (next === 'team_lead' && ctx.actor.teamId !== l.teamId))
    throw new DeskError({ code: 'forbidden', message: `This request waits for the ${next} of its chain`, ruleIds: ['leave.chain', 'leave.authority'], params: { next: next ?? '' }, fields: [{ path: 'id', code: 'err.notYourLevel', message: next ?? '' }] });
  const row: LeaveRow = { ...l.row, updatedAt: ctx.now, note: input.note };
  if (!input.approve) {
    await ctx.store.leave.put({ ...row, status: 'rejected', decisionRules: ['leave.chain', 'leave.authority'] });
    return out(ctx, l.id);
  }
  // Every approval re-judges the request as things stand now (a swap approved meanwhile, a holiday added).
  throwIfFailed(checks, 'This leave request');
  const approvals = [...l.approvals, { level: next, by: ctx.actor.userId, at: ctx.now }];
  const done = approvals.length === chain.length;
  await ctx.store.leave.put({ ...row, approvals, status: done ? 'approved' : 'requested', decisionRules: ['leave.chain', 'leave.authority', ...LEAVE_RULES.filter((r) => checks.some((c) => c.ruleId === r)), ...l.flags] });
  return out(ctx, l.id);
};

export const attachCertificate: Handler<M['leave.attachCertificate']> = async (ctx, input) => {
  const l = await load(ctx, input.id);
  const mayAttach = l.userId === ctx.actor.userId || l.filedBy === ctx.actor.userId || (ctx.actor.role === 'team_lead' && ctx.actor.teamId === l.teamId);
  if (!mayAttach) throw new DeskError({ code: 'forbidden', message: 'Only the person, who filed it, or their team lead attaches a certificate' });
  if (l.type !== 'sick') throw new DeskError({ code: 'invalid_input', message: 'Certificates belong to sick leave', fields: [{ path: 'id', code: 'err.notSickLeave', message: l.type }] });
  await ctx.store.leave.put({ ...l.row, certificate: input.certificate, updatedAt: ctx.now });
  return out(ctx, l.id);
};

export const cancelLeave: Handler<M['leave.cancel']> = async (ctx, input) => {
  const l = await load(ctx, input.id);
  if (l.userId !== ctx.actor.userId && l.filedBy !== ctx.actor.userId) throw new DeskError({ code: 'forbidden', message: 'Only the person or who filed it withdraws a request' });
  if (l.status !== 'requested') throw leaveNotOpen(l);
  await ctx.store.leave.put({ ...l.row, status: 'cancelled', updatedAt: ctx.now });
  return out(ctx, l.id);
};

export const listLeave: Handler<M['leave.list']> = async (ctx, input) => {
  const list = await ctx.store.leave.list({ scope: scopeFor(ctx.actor, 'leave_requests'), ...monthBounds(input.month), limit: input.limit, ...(input.after ? { after: input.after } : {}) });
  const policy = await policyAt(ctx.store, ctx.now);
  const today = dateInZone(ctx.now, policy.timezone);
  const result = [];
  for (const l of list) {
    const { row, ...leave } = l;
    // Open requests carry their rule check as things stand now: what an approver sees beside each item.
    const open = l.status === 'requested';
    const judged = open && input.checks ? await judge(ctx, l, l.filedBy, l.id, l.createdAt).catch(() => null) : null;
    result.push({
      ...leave,
      checks: judged?.checks ?? [],
      // Decided requests show the levels that decided them; open ones the chain still to climb.
      chain: judged?.chain ?? (open ? await chainOf(ctx, l) : l.status === 'approved' ? l.approvals.map((a) => a.level) : approvalChain(l.type, leaveDays(l.fromDate, l.toDate), policy.leaveDeptDirectorMaxDays)),
      certificateState: certificateState({ type: l.type, fromDate: l.fromDate, toDate: l.toDate, certificate: row.certificate, sickCertificateFromDays: policy.sickCertificateFromDays, today }),
    });
  }
  return result;
};

export const leaveHandlers = {
  'leave.check': checkLeaveDraft,
  'leave.request': requestLeave,
  'leave.decide': decideLeave,
  'leave.attachCertificate': attachCertificate,
  'leave.cancel': cancelLeave,
  'leave.list': listLeave,
};
