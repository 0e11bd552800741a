import { DeskError } from '../api/errors';
import type { Handler } from '../api/method';
import type { RuleId } from '../rules/registry';
import type { RuleCheck } from '../rules/check';
import { scopeFor } from '../sync/scope';
import { dutyFacts, incomingOf, rosterPerson } from './facts';
import type { dutyMethods } from './methods';
import { CHECK_IN_OPENS_MINUTES, judgeCheckIn, judgeCheckOut } from './rules';

type M = typeof dutyMethods;

/** Attendance rows are keyed by person and day: a second check-in, even from another desk, meets the first. */
export const attendanceId = (userId: string, date: string) => `att:${userId}:${date}`;
/** The violation a late check-in records: one per check-in, by construction. */
export const lateViolationId = (userId: string, date: string) => `late:${userId}:${date}`;

/** A refused decision: its rules in words (the wire's checks), and the field it concerns; nothing written. */
function refusal(what: string, checks: readonly RuleCheck[], path: string): DeskError {
  const failed = checks.filter((c) => c.status === 'fail');
  return new DeskError({
    code: 'rule_violation',
    message: `${what} breaks ${failed.map((c) => c.ruleId).join(', ')}`,
    ruleIds: failed.map((c) => c.ruleId),
    params: failed[0]!.params,
    checks: failed.map((c) => ({ ruleId: c.ruleId, params: c.params })),
    fields: [{ path, code: 'err.dutyRefused', message: String(failed[0]!.params.problem ?? failed[0]!.ruleId) }],
  });
}

export const myShift: Handler<M['duty.mine']> = async (ctx, input) => {
  const { person, policy, types, slot } = await dutyFacts(ctx, ctx.actor.userId, input.date);
  const attendance = await ctx.store.handover.attendance(person.userId, input.date);
  const away = await ctx.store.handover.openAway(person.userId);
  if (!slot) return { date: input.date, shift: null, attendance, opensAt: null, released: false, incoming: null, away };
  const incoming = await incomingOf(ctx, person.teamId, slot, types, policy.timezone);
  const released = (await ctx.store.handover.releasesOn(input.date, person.userId)).length > 0;
  return {
    date: input.date,
    shift: { code: slot.code, start: new Date(slot.start).toISOString(), end: new Date(slot.end).toISOString() },
    attendance,
    opensAt: new Date(slot.start - CHECK_IN_OPENS_MINUTES * 60_000).toISOString(),
    released,
    away,
    incoming: incoming.next ? { shift: incoming.next.code, date: incoming.next.date, names: incoming.rostered, checkedIn: incoming.checkedIn } : null,
  };
};

/**
 * Judged at the act time (ctx.now: the desk's clock on the desk, the bounded act time on the server, which
 * re-runs this handler at sync). Late past the threshold without approved leave records the violation
 * through the discipline records (leave.discipline), in the same transaction.
 */
export const checkIn: Handler<M['duty.checkIn']> = async (ctx, input) => {
  const { person, policy, slot } = await dutyFacts(ctx, ctx.actor.userId, input.date);
  const already = (await ctx.store.handover.attendance(person.userId, input.date)) !== null;
  const onApprovedLeave = await ctx.store.leave.approvedOn(person.userId, input.date);
  const j = judgeCheckIn({ now: ctx.now, date: input.date, shift: slot, already, onApprovedLeave, policy });
  if (j.checks.some((c) => c.status === 'fail' && c.ruleId === 'duty.on-time')) throw refusal('Check-in', j.checks, 'date');
  const violationId = j.violation ? lateViolationId(person.userId, input.date) : null;
  if (violationId)
    await ctx.store.leave.addViolation({ id: violationId, userId: person.userId, teamId: person.teamId, date: input.date, kind: 'late', minutes: j.lateMinutes, note: '', ruleIds: ['leave.discipline'], recordedBy: person.userId, createdAt: ctx.now });
  const ruleIds = [...new Set(j.checks.map((c) => c.ruleId))];
  await ctx.store.handover.putAttendance({ id: attendanceId(person.userId, input.date), userId: person.userId, teamId: person.teamId, date: input.date, shiftCode: slot!.code, checkedInAt: ctx.now, lateMinutes: j.lateMinutes, violationId, checkedOutAt: null, ruleIds });
  return { attendance: (await ctx.store.handover.attendance(person.userId, input.date))!, checks: j.checks };
};

export const checkOut: Handler<M['duty.checkOut']> = async (ctx, input) => {
  const { person, policy, types, slot } = await dutyFacts(ctx, ctx.actor.userId, input.date);
  const attendance = await ctx.store.handover.attendance(person.userId, input.date);
  const release = (await ctx.store.handover.releasesOn(input.date, person.userId))[0] ?? null;
  const incoming = slot ? await incomingOf(ctx, person.teamId, slot, types, policy.timezone) : { known: true, rostered: [], checkedIn: [] };
  const checks = judgeCheckOut({ now: ctx.now, date: input.date, shift: slot, attendance, release, incoming, policy });
  if (checks.some((c) => c.status === 'fail')) throw refusal('Check-out', checks, 'date');
  const { userName: _n, synced: _s, ...row } = attendance!;
  await ctx.store.handover.putAttendance({ ...row, checkedOutAt: ctx.now, ruleIds: [...new Set([...row.ruleIds, ...checks.map((c) => c.ruleId)])] });
  return { attendance: (await ctx.store.handover.attendance(person.userId, input.date))!, checks };
};

/** A lead releases one of their team (a director anyone) from waiting: recorded with its reason, audited. */
export const release: Handler<M['duty.release']> = async (ctx, input) => {
  const person = await rosterPerson(ctx, input.userId);
  if (ctx.actor.role === 'team_lead' && person.teamId !== ctx.actor.teamId) throw new DeskError({ code: 'forbidden', message: 'A team lead releases their own team', ruleIds: ['handover.outgoing-waits'], fields: [{ path: 'userId', code: 'err.notYourTeam', message: input.userId }] });
  const attendance = await ctx.store.handover.attendance(person.userId, input.date);
  if (attendance?.checkedOutAt) throw refusal('Release', [{ ruleId: 'duty.on-time' satisfies RuleId, status: 'fail', params: { problem: 'checkedOut', date: input.date } }], 'userId');
  const r = { id: input.id, userId: person.userId, teamId: person.teamId, date: input.date, reason: input.reason, releasedBy: ctx.actor.userId, createdAt: ctx.now };
  await ctx.store.handover.addRelease(r);
  return { ...r, releasedByName: ctx.actor.displayName };
};

export const listDuty: Handler<M['duty.list']> = async (ctx, input) => ({
  attendance: await ctx.store.handover.listAttendance({ scope: scopeFor(ctx.actor, 'attendance'), from: input.from }),
  releases: await ctx.store.handover.listReleases({ scope: scopeFor(ctx.actor, 'duty_releases'), from: input.from }),
  away: await ctx.store.handover.listAway({ scope: scopeFor(ctx.actor, 'away_periods'), from: input.from }),
});
