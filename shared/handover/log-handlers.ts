import { DeskError } from '../api/errors';
import type { Handler, HandlerContext } from '../api/method';
import { policyAt } from '../policy/in-force';
import { shiftInterval } from '../roster/shift-time';
import { fail, type RuleCheck } from '../rules/check';
import { scopeFor } from '../sync/scope';
import { rosterPerson } from './facts';
import type { handoverMethods } from './methods';
import type { HandoverLogRow } from './port';
import { checkLogSections, nextShift } from './rules';

type M = typeof handoverMethods;

function refuse(code: 'rule_violation' | 'forbidden' | 'conflict', what: string, checks: readonly RuleCheck[], fields: { path: string; code: string; message: string }[]): DeskError {
  const failed = checks.filter((c) => c.status === 'fail');
  return new DeskError({ code, message: `${what} breaks ${failed.map((c) => c.ruleId).join(', ')}`, ruleIds: failed.map((c) => c.ruleId), params: failed[0]!.params, checks: failed.map((c) => ({ ruleId: c.ruleId, params: c.params })), fields });
}

async function load(ctx: HandlerContext, id: string) {
  const log = await ctx.store.handover.log(id);
  if (!log) throw new DeskError({ code: 'not_found', message: 'No such handover log', fields: [{ path: 'id', code: 'err.handoverNotFound', message: id }] });
  return log;
}

async function onShift(ctx: HandlerContext, userId: string, date: string, code: string): Promise<boolean> {
  return (await ctx.store.roster.entries({ teamId: null, userId, from: date, to: date })).some((e) => e.shiftCode === code);
}

/**
 * Written by someone on the outgoing shift (or their team lead), for their team. Every section is filled or
 * marked "nothing to report"; a blank one is refused with the rule and the field, and nothing is written.
 */
export const writeLog: Handler<M['handover.write']> = async (ctx, input) => {
  const person = await rosterPerson(ctx, ctx.actor.userId, 'id');
  const types = await ctx.store.roster.shiftTypes();
  const type = types.find((t) => t.code === input.fromShift);
  if (!type) throw new DeskError({ code: 'invalid_input', message: 'No such shift type', fields: [{ path: 'fromShift', code: 'err.shiftCode', message: input.fromShift }] });
  const lead = ctx.actor.role === 'team_lead';
  if (!person.teamId || (!lead && !(await onShift(ctx, person.userId, input.date, type.code))))
    throw refuse('forbidden', 'Handover log', [fail('handover.log-contents', { problem: 'notOnShift' })], [{ path: 'fromShift', code: 'err.handoverNotOnShift', message: input.fromShift }]);
  const { checks, blank } = checkLogSections(input.sections);
  if (blank.length) throw refuse('rule_violation', 'Handover log', checks, blank.map((k) => ({ path: `sections.${k}.text`, code: 'err.handoverBlank', message: k })));
  const policy = await policyAt(ctx.store, ctx.now);
  const next = nextShift(types, { date: input.date, code: type.code, ...shiftInterval(input.date, type, policy.timezone) }, policy.timezone);
  const row: HandoverLogRow = { id: input.id, teamId: person.teamId, date: input.date, fromShift: type.code, toShift: next?.code ?? '', toDate: next?.date ?? input.date, writtenBy: person.userId, writtenAt: ctx.now, sections: input.sections, ackedBy: null, ackedAt: null, corrections: [] };
  if (await ctx.store.handover.log(input.id)) throw new DeskError({ code: 'conflict', message: 'A log with this id exists', fields: [{ path: 'id', code: 'err.handoverExists', message: input.id }] });
  await ctx.store.handover.putLog(row);
  return load(ctx, input.id);
};

/** Only someone rostered on the incoming shift of that team acknowledges, once; the log is final from then on. */
export const ackLog: Handler<M['handover.ack']> = async (ctx, input) => {
  const log = await load(ctx, input.id);
  if (log.ackedBy) throw refuse('conflict', 'Acknowledgement', [fail('handover.log-contents', { problem: 'acknowledged' })], [{ path: 'id', code: 'err.handoverAcked', message: input.id }]);
  const incoming = log.teamId === ctx.actor.teamId && log.toShift !== '' && (await onShift(ctx, ctx.actor.userId, log.toDate, log.toShift));
  if (!incoming) throw refuse('forbidden', 'Acknowledgement', [fail('handover.log-contents', { problem: 'notIncoming' })], [{ path: 'id', code: 'err.handoverNotIncoming', message: input.id }]);
  await ctx.store.handover.putLog({ ...log.row, ackedBy: ctx.actor.userId, ackedAt: ctx.now });
  return load(ctx, input.id);
};

/** A correction is appended, by the team that handed over or took over; what was written and acknowledged stays. */
export const correctLog: Handler<M['handover.correct']> = async (ctx, input) => {
  const log = await load(ctx, input.id);
  if (log.teamId !== ctx.actor.teamId && log.writtenBy !== ctx.actor.userId) throw new DeskError({ code: 'forbidden', message: 'Another team’s log', ruleIds: ['handover.log-contents'], fields: [{ path: 'id', code: 'err.notYourTeam', message: input.id }] });
  await ctx.store.handover.putLog({ ...log.row, corrections: [...log.row.corrections, { by: ctx.actor.userId, at: ctx.now, text: input.text }] });
  return load(ctx, input.id);
};

export const listLogs: Handler<M['handover.list']> = async (ctx, input) => ctx.store.handover.listLogs({ scope: scopeFor(ctx.actor, 'handover_logs'), from: input.from });

/** handover.log-contents' staff changes (人員調班情況): the team's approved swaps and leave that day. */
export const staffChanges: Handler<M['handover.staffChanges']> = async (ctx, input) => {
  const me = await rosterPerson(ctx, ctx.actor.userId);
  const people = me.teamId ? await ctx.store.roster.people(me.teamId) : [me];
  const name = new Map(people.map((p) => [p.userId, p.name]));
  const swaps = (await ctx.store.swaps.involving([...name.keys()], input.date, input.date)).filter((s) => s.status === 'approved' && (s.giveDate === input.date || s.takeDate === input.date));
  const leave = me.teamId ? await ctx.store.leave.approvedBetween({ teamId: me.teamId, from: input.date, to: input.date }) : [];
  const people2 = async (id: string) => name.get(id) ?? (await ctx.store.roster.person(id))?.name ?? id;
  return {
    swaps: await Promise.all(swaps.map(async (s) => ({ requester: await people2(s.requesterId), partner: await people2(s.partnerId), giveDate: s.giveDate, takeDate: s.takeDate }))),
    leave: await Promise.all(leave.map(async (l) => ({ name: await people2(l.userId) }))),
  };
};
