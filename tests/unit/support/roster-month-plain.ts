// The roster.month handler as it was before the month grid folded cells in SQL (#16): the plain path the
// equivalence property compares the fast one with. Not used by the product.
import type { Handler } from '../../../shared/api/method';
import { addDays, daysBetween } from '../../../shared/calendar/day-kind';
import { monthBounds } from '../../../shared/calendar/month';
import type { rosterMethods } from '../../../shared/roster/methods';
import { coverage } from '../../../shared/roster/rules';
import { scopeFor } from '../../../shared/sync/scope';

type M = typeof rosterMethods;

export const plainRosterMonth: Handler<M['roster.month']> = async (ctx, input) => {
  // Agents and leads see their own team, whatever team the request names: the rows their desk holds.
  const scope = scopeFor(ctx.actor, 'roster');
  const teamId = scope.kind === 'eq' && scope.column === 'team_id' ? scope.value : (input.teamId ?? null);
  const { from, to } = monthBounds(input.month);
  const [types, teams, people, entries, away] = await Promise.all([
    ctx.store.roster.shiftTypes(),
    ctx.store.roster.teams(),
    ctx.store.roster.people(teamId),
    ctx.store.roster.entries({ teamId, from, to }),
    ctx.store.leave.approvedBetween({ teamId, from, to }),
  ]);
  const days = daysBetween(from, to, await ctx.store.calendar.overrides(from, to));
  const grid = new Map(people.map((p) => [p.userId, { ...p, shifts: days.map(() => ''), pending: [] as number[], leave: [] as number[] }]));
  const dayIndex = new Map(days.map((d, i) => [d.date, i]));
  const onLeave = new Set<string>();
  for (const l of away)
    for (let d = l.fromDate < from ? from : l.fromDate; d <= l.toDate && d <= to; d = addDays(d, 1)) {
      onLeave.add(`${l.userId}|${d}`);
      const i = dayIndex.get(d);
      if (i !== undefined) grid.get(l.userId)?.leave.push(i);
    }
  for (const e of entries) {
    const row = grid.get(e.userId);
    const i = dayIndex.get(e.date);
    if (!row || i === undefined) continue;
    row.shifts[i] = e.shiftCode;
    if (!e.synced) row.pending.push(i);
  }
  // Someone on approved leave is not on the floor: their shift does not count towards the minimum.
  const working = entries.filter((e) => !onLeave.has(`${e.userId}|${e.date}`));
  return { days, teams, people: [...grid.values()], coverage: coverage(days.map((d) => d.date), types, working, teamId) };
};

