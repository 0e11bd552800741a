import { DeskError } from '../api/errors';
import type { HandlerContext } from '../api/method';
import { policyAt } from '../policy/in-force';
import type { PolicyValues } from '../policy/schema';
import type { RosterPerson, ShiftType } from '../roster/schemas';
import { shiftInterval } from '../roster/shift-time';
import { rowInScope } from '../sync/scope-rules';
import { nextShift, type ShiftSlot } from './rules';

/** A person's rostered shift on a day as an interval; null on a rest day. Swapped-in and pay-back shifts are in the roster already. */
export async function slotOf(ctx: HandlerContext, userId: string, date: string, types: readonly ShiftType[], timeZone: string): Promise<ShiftSlot | null> {
  const entry = (await ctx.store.roster.entries({ teamId: null, userId, from: date, to: date })).find((e) => e.shiftCode);
  const type = entry && types.find((t) => t.code === entry.shiftCode);
  if (!type) return null;
  return { date, code: type.code, ...shiftInterval(date, type, timeZone) };
}

export async function rosterPerson(ctx: HandlerContext, userId: string, path = 'userId'): Promise<RosterPerson> {
  const person = await ctx.store.roster.person(userId);
  if (!person) throw new DeskError({ code: 'not_found', message: 'No such person on the roster', fields: [{ path, code: 'err.unknownPerson', message: userId }] });
  return person;
}

/** The person, the policy at the act time, the shift types and their shift that day. */
export async function dutyFacts(ctx: HandlerContext, userId: string, date: string): Promise<{ person: RosterPerson; policy: PolicyValues; types: ShiftType[]; slot: ShiftSlot | null }> {
  const person = await rosterPerson(ctx, userId);
  const policy = await policyAt(ctx.store, ctx.now);
  const types = await ctx.store.roster.shiftTypes();
  return { person, policy, types, slot: await slotOf(ctx, userId, date, types, policy.timezone) };
}

/**
 * Who takes over from a shift in the same team, and who of them has checked in. `known` is false when this
 * desk does not hold that team's roster and check-ins (the server then judges).
 */
export async function incomingOf(ctx: HandlerContext, teamId: string | null, slot: ShiftSlot, types: readonly ShiftType[], timeZone: string) {
  const next = nextShift(types, slot, timeZone);
  const known = !ctx.scope || (rowInScope(ctx.scope.roster, { team_id: teamId, user_id: '' }) && rowInScope(ctx.scope.attendance, { team_id: teamId, user_id: '' }));
  if (!next) return { next, known, rostered: [] as string[], checkedIn: [] as string[], rosteredIds: [] as string[] };
  const entries = (await ctx.store.roster.entries({ teamId, from: next.date, to: next.date })).filter((e) => e.shiftCode === next.code && e.teamId === teamId);
  const inIds = new Set((await ctx.store.handover.attendanceOn(next.date)).filter((a) => a.shiftCode === next.code).map((a) => a.userId));
  return { next, known, rostered: entries.map((e) => e.userName), checkedIn: entries.filter((e) => inIds.has(e.userId)).map((e) => e.userName), rosteredIds: entries.map((e) => e.userId) };
}
