import { DeskError } from '../api/errors';
import type { Handler, HandlerContext } from '../api/method';
import { policyAt } from '../policy/in-force';
import type { RuleCheck } from '../rules/check';
import type { awayMethods } from './away';
import { judgeBack, judgeRequest } from './away';
import { dutyFacts, rosterPerson } from './facts';

type M = typeof awayMethods;

function refusal(code: 'rule_violation' | 'conflict', what: string, c: RuleCheck, path: string): DeskError {
  return new DeskError({ code, message: `${what} breaks ${c.ruleId}`, ruleIds: [c.ruleId], params: c.params, checks: [{ ruleId: c.ruleId, params: c.params }], fields: [{ path, code: 'err.dutyRefused', message: String(c.params.problem ?? c.ruleId) }] });
}

async function load(ctx: HandlerContext, id: string) {
  const a = await ctx.store.handover.away(id);
  if (!a) throw new DeskError({ code: 'not_found', message: 'No such time away', fields: [{ path: 'id', code: 'err.awayNotFound', message: id }] });
  return a;
}

const strip = <T extends { userName: string }>({ userName: _n, ...row }: T) => row;

/** Asked during one's running shift (not after checking out), one at a time; it waits for the duty lead. */
export const requestAway: Handler<M['duty.awayRequest']> = async (ctx, input) => {
  const { person, slot } = await dutyFacts(ctx, ctx.actor.userId, input.date);
  const now = Date.parse(ctx.now);
  const out = (await ctx.store.handover.attendance(person.userId, input.date))?.checkedOutAt;
  const check = judgeRequest({ onShiftNow: slot !== null && slot.start <= now && now < slot.end && !out, open: (await ctx.store.handover.openAway(person.userId)) !== null });
  if (check.status === 'fail') throw refusal('rule_violation', 'Time away', check, 'date');
  await ctx.store.handover.putAway({ id: input.id, userId: person.userId, teamId: person.teamId, date: input.date, reason: input.reason, requestedAt: ctx.now, approvedBy: null, approvedAt: null, limitMinutes: 0, backAt: null, awayMinutes: null, violationId: null });
  return { away: await load(ctx, input.id), checks: [check] };
};

/** The duty lead allows it for a time, or extends a time already allowed; audited. */
export const approveAway: Handler<M['duty.awayApprove']> = async (ctx, input) => {
  const a = await load(ctx, input.id);
  if (ctx.actor.role === 'team_lead' && a.teamId !== ctx.actor.teamId) throw new DeskError({ code: 'forbidden', message: 'A team lead decides for their own team', ruleIds: ['duty.no-leaving-post'], fields: [{ path: 'id', code: 'err.notYourTeam', message: input.id }] });
  if (a.backAt) throw refusal('conflict', 'Time away', { ruleId: 'duty.no-leaving-post', status: 'fail', params: { problem: 'closed' } }, 'id');
  const minutes = input.minutes ?? (await policyAt(ctx.store, ctx.now)).awayThresholdMinutes;
  await ctx.store.handover.putAway({ ...strip(a), approvedBy: a.approvedBy ?? ctx.actor.userId, approvedAt: a.approvedAt ?? ctx.now, limitMinutes: a.limitMinutes + minutes });
  return load(ctx, input.id);
};

/** Back at the desk: past the allowed time, a violation (duty.no-leaving-post, leave.discipline), exactly one. */
export const backFromAway: Handler<M['duty.awayBack']> = async (ctx, input) => {
  const a = await load(ctx, input.id);
  if (a.userId !== ctx.actor.userId) throw new DeskError({ code: 'forbidden', message: 'Only the person away says they are back', fields: [{ path: 'id', code: 'err.notYours', message: input.id }] });
  if (a.backAt) throw refusal('conflict', 'Time away', { ruleId: 'duty.no-leaving-post', status: 'fail', params: { problem: 'closed' } }, 'id');
  const j = judgeBack({ now: ctx.now, approvedAt: a.approvedAt, limitMinutes: a.limitMinutes });
  const violationId = j.violation ? `away:${a.id}` : null;
  if (violationId) {
    const person = await rosterPerson(ctx, a.userId);
    await ctx.store.leave.addViolation({ id: violationId, userId: a.userId, teamId: person.teamId, date: a.date, kind: 'away', minutes: j.awayMinutes!, note: a.reason, ruleIds: ['duty.no-leaving-post', 'leave.discipline'], recordedBy: a.userId, createdAt: ctx.now });
  }
  await ctx.store.handover.putAway({ ...strip(a), backAt: ctx.now, awayMinutes: j.awayMinutes, violationId });
  return { away: await load(ctx, input.id), checks: j.checks };
};

export const awayHandlers = { 'duty.awayRequest': requestAway, 'duty.awayApprove': approveAway, 'duty.awayBack': backFromAway };
