import { DeskError } from '../api/errors';
import type { HandlerContext } from '../api/method';
import { daysBetween } from '../calendar/day-kind';
import { policyAt } from '../policy/in-force';
import type { PolicyValues } from '../policy/schema';
import { shiftInterval } from '../roster/shift-time';
import type { RosterPerson } from '../roster/schemas';
import { rosterKnown } from '../swap/facts';
import type { LeaveFacts } from './rules';
import type { LeaveDraft } from './schemas';

/** Reads what the leave rules need: the person, their shifts in the range, the calendar, approved swaps, other leave. */
/**
 * `at` is when the request was made: time rules (notice, night before noon, holiday notice) and the policy
 * are those of that moment, so approving later never turns a timely request into a late one.
 */
export async function gatherLeaveFacts(ctx: HandlerContext, draft: LeaveDraft, filedBy: string, excludeId?: string, at: string = ctx.now): Promise<{ facts: LeaveFacts; person: RosterPerson; policy: PolicyValues; isLead: boolean }> {
  const person = await ctx.store.roster.person(draft.userId);
  if (!person) throw new DeskError({ code: 'not_found', message: 'No such person on the roster', fields: [{ path: 'userId', code: 'err.unknownPerson', message: draft.userId }] });
  const policy = await policyAt(ctx.store, at);
  const isLead = (await ctx.store.org.person(person.userId))?.role === 'team_lead';
  const known = rosterKnown(ctx, person.teamId, person.userId);
  const [types, entries, overrides, swaps, overlapping] = await Promise.all([
    ctx.store.roster.shiftTypes(),
    known ? ctx.store.roster.entries({ teamId: null, userId: person.userId, from: draft.fromDate, to: draft.toDate }) : Promise.resolve([]),
    ctx.store.calendar.overrides(draft.fromDate, draft.toDate),
    ctx.store.swaps.involving([person.userId], draft.fromDate, draft.toDate),
    ctx.store.leave.overlapping(person.userId, draft.fromDate, draft.toDate),
  ]);
  const list = entries.flatMap((e) => {
    const t = types.find((x) => x.code === e.shiftCode);
    return t ? [{ date: e.date, code: t.code, night: t.night, start: shiftInterval(e.date, t, policy.timezone).start }] : [];
  });
  const inRange = (d: string) => d >= draft.fromDate && d <= draft.toDate;
  const swapDates = swaps
    .filter((s) => s.status === 'approved')
    .flatMap((s) => [...(s.partnerId === person.userId ? [s.giveDate] : []), ...(s.requesterId === person.userId ? [s.takeDate] : [])])
    .filter(inRange);
  return {
    person,
    policy,
    isLead,
    facts: {
      now: at,
      timeZone: policy.timezone,
      policy,
      type: draft.type,
      fromDate: draft.fromDate,
      toDate: draft.toDate,
      shifts: { known, list },
      days: daysBetween(draft.fromDate, draft.toDate, overrides),
      filedByOwner: filedBy === person.userId,
      requesterIsLead: isLead,
      swapDates,
      overlapping: overlapping.filter((o) => o.id !== excludeId),
    },
  };
}
