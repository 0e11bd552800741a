import { z } from 'zod';
import { DeskError } from '../api/errors';
import { defineMethod, type Handler } from '../api/method';
import { policyAt } from '../policy/in-force';
import { checkDiscipline } from './rules';
import { scopeFor } from '../sync/scope';

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'err.date' });
const ViolationSchema = z.object({
  id: z.string(),
  userId: z.string(),
  userName: z.string(),
  teamId: z.string().nullable(),
  date: z.string(),
  kind: z.enum(['late', 'away']),
  minutes: z.number().int(),
  note: z.string(),
  ruleIds: z.array(z.string()),
  recordedBy: z.string(),
  createdAt: z.string(),
});

/** leave.discipline: the duty lead records lateness or time away; past the threshold without approved leave it is a violation. */
export const disciplineMethods = {
  'discipline.record': defineMethod({
    kind: 'mutation',
    audit: true,
    access: ['team_lead', 'department_director'],
    input: z.object({ id: z.uuid(), userId: z.string().min(1).max(64), date: Day, kind: z.enum(['late', 'away']), minutes: z.number().int().min(1).max(24 * 60), note: z.string().trim().max(200).default('') }),
    output: ViolationSchema,
  }),
  'discipline.list': defineMethod({ kind: 'query', access: ['agent', 'team_lead', 'department_director', 'center_director'], input: z.object({ from: Day }), output: z.array(ViolationSchema) }),
};
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
