import type { Handler } from '../api/method';
import { policyAt } from '../policy/in-force';
import { shiftInterval } from '../roster/shift-time';
import { scopeFor } from '../sync/scope';
import { rowInScope } from '../sync/scope-rules';
import type { dutyMethods } from './methods';
import { floorState } from './rules';

/**
 * The live floor (real-time adherence in the rulebook's own states): for each team the reader may watch and
 * each shift of the day, who is due, in, late, away, on leave or missing, against the shift's minimum coverage.
 * Read from the store the desk has, so it works offline and every synced check-in changes it.
 */
export const floor: Handler<(typeof dutyMethods)['duty.floor']> = async (ctx, input) => {
  const policy = await policyAt(ctx.store, ctx.now);
  const now = Date.parse(ctx.now);
  const roster = scopeFor(ctx.actor, 'roster');
  const [types, teams, allEntries, attendance, releases, leave, away] = await Promise.all([
    ctx.store.roster.shiftTypes(),
    ctx.store.roster.teams(),
    ctx.store.roster.entries({ teamId: null, from: input.date, to: input.date }),
    ctx.store.handover.attendanceOn(input.date),
    ctx.store.handover.releasesOn(input.date, null),
    ctx.store.leave.approvedBetween({ teamId: null, from: input.date, to: input.date }),
    ctx.store.handover.awayOn(input.date, null),
  ]);
  const openAway = new Map(away.filter((a) => !a.backAt).map((a) => [a.userId, a]));
  const entries = allEntries.filter((e) => e.teamId && rowInScope(roster, { team_id: e.teamId, user_id: e.userId }));
  const swaps = (await ctx.store.swaps.involving([...new Set(entries.map((e) => e.userId))], input.date, input.date)).filter((s) => s.status === 'approved');
  const swappedIn = (userId: string) => swaps.some((s) => (s.partnerId === userId && s.giveDate === input.date) || (s.requesterId === userId && s.takeDate === input.date));
  const byUser = new Map(attendance.map((a) => [a.userId, a]));
  const released = new Set(releases.map((r) => r.userId));
  const onLeave = new Set(leave.map((l) => l.userId));
  const watched = teams.filter((t) => (ctx.actor.role === 'team_lead' ? t.id === ctx.actor.teamId : true));
  return {
    date: input.date,
    teams: watched.map((team) => ({
      teamId: team.id,
      shifts: types.map((type) => {
        const { start, end } = shiftInterval(input.date, type, policy.timezone);
        const people = entries
          .filter((e) => e.teamId === team.id && e.shiftCode === type.code)
          .map((e) => {
            const a = byUser.get(e.userId) ?? null;
            const out = openAway.get(e.userId);
            return {
              userId: e.userId,
              name: e.userName,
              state: floorState({ now, start, attendance: a, onLeave: onLeave.has(e.userId), awayAllowed: Boolean(out?.approvedAt) }),
              swappedIn: swappedIn(e.userId),
              checkedInAt: a?.checkedInAt ?? null,
              checkedOutAt: a?.checkedOutAt ?? null,
              lateMinutes: a?.lateMinutes ?? 0,
              released: released.has(e.userId),
              away: out ? { id: out.id, reason: out.reason, approvedAt: out.approvedAt, limitMinutes: out.limitMinutes } : null,
            };
          });
        const present = people.filter((p) => p.state === 'checkedIn' || p.state === 'late').length;
        return { code: type.code, start: new Date(start).toISOString(), end: new Date(end).toISOString(), minCoverage: type.minCoverage[team.id] ?? 0, present, people };
      }),
    })),
  };
};
