import { DeskError } from '../api/errors';
import type { Handler } from '../api/method';
import { policyAt } from '../policy/in-force';
import { checkDiscipline } from './rules';
import { scopeFor } from '../sync/scope';
import type { disciplineMethods } from './discipline-methods';

type M = typeof disciplineMethods;

export const recordViolation: Handler<M['discipline.record']> = async (ctx, input) => {
  const person = await ctx.store.roster.person(input.userId);
  if (!person) throw new DeskError({ code: 'not_found', message: 'No such person on the roster', fields: [{ path: 'userId', code: 'err.unknownPerson', message: input.userId }] });
  if (ctx.actor.role === 'team_lead' && person.teamId !== ctx.actor.teamId) throw new DeskError({ code: 'forbidden', message: 'A team lead records their own team', fields: [{ path: 'userId', code: 'err.notYourTeam', message: input.userId }] });
  const policy = await policyAt(ctx.store, ctx.now);
  const check = checkDiscipline({ kind: input.kind, minutes: input.minutes, thresholds: { late: policy.lateThresholdMinutes, away: policy.awayThresholdMinutes }, onApprovedLeave: await ctx.store.leave.approvedOn(person.userId, input.date) });
  // Below the threshold, or on approved leave, there is nothing to record: say why, write nothing.
  if (check.status === 'pass')
    throw new DeskError({ code: 'invalid_input', message: 'Not a disciplinary violation', ruleIds: ['leave.discipline'], params: check.params.variant === 'onLeave' ? { problem: 'onLeave' } : { ...check.params, problem: 'belowThreshold' }, fields: [{ path: 'minutes', code: check.params.variant === 'onLeave' ? 'err.onLeave' : 'err.belowThreshold', message: String(check.params.threshold ?? '') }] });
  const v = { id: input.id, userId: person.userId, teamId: person.teamId, date: input.date, kind: input.kind, minutes: input.minutes, note: input.note, ruleIds: ['leave.discipline'], recordedBy: ctx.actor.userId, createdAt: ctx.now };
  await ctx.store.leave.addViolation(v);
  return { ...v, userName: person.name };
};

export const listViolations: Handler<M['discipline.list']> = async (ctx, input) => {
  return ctx.store.leave.violations({ scope: scopeFor(ctx.actor, 'violations'), from: input.from });
};

export const disciplineHandlers = { 'discipline.record': recordViolation, 'discipline.list': listViolations };
