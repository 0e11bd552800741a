import { DeskError } from '../api/errors';
import type { Handler } from '../api/method';
import { addDays, daysBetween } from '../calendar/day-kind';
import { policyAt } from '../policy/in-force';
import type { rosterMethods } from './methods';
import { coverageOf, neighbourDates, newerEditThan, overlappingNeighbour, ROSTER_RULES } from './rules';
import { ruleError } from '../rules/check';
import { shiftInterval } from './shift-time';
import { rosterImportChunked } from './import-apply';
import { runAllChunks } from '../api/chunked';
import { monthBounds } from '../calendar/month';
import { scopeFor } from '../sync/scope';

type M = typeof rosterMethods;

export const shiftTypes: Handler<M['roster.shiftTypes']> = async (ctx) => ctx.store.roster.shiftTypes();

export const rosterMonth: Handler<M['roster.month']> = async (ctx, input) => {
  // Agents and leads see their own team, whatever team the request names: the rows their desk holds.
  const scope = scopeFor(ctx.actor, 'roster');
  const teamId = scope.kind === 'eq' && scope.column === 'team_id' ? scope.value : (input.teamId ?? null);
  const { from, to } = monthBounds(input.month);
  const [types, teams, people, cells, away, overrides] = await Promise.all([
    ctx.store.roster.shiftTypes(),
    ctx.store.roster.teams(),
    ctx.store.roster.people(teamId),
    ctx.store.roster.monthCells({ teamId, from, to }),
    ctx.store.leave.approvedBetween({ teamId, from, to }),
    ctx.store.calendar.overrides(from, to),
  ]);
  const days = daysBetween(from, to, overrides);
  const grid = new Map(people.map((p) => [p.userId, { ...p, shifts: days.map(() => ''), pending: [] as number[], leave: [] as number[] }]));
  const dayIndex = new Map(days.map((d, i) => [d.date, i]));
  // Day indexes on approved leave, per person (a set: two approvals touching one day mark it once for coverage).
  const awayDays = new Map<string, Set<number>>();
  for (const l of away)
    for (let d = l.fromDate < from ? from : l.fromDate; d <= l.toDate && d <= to; d = addDays(d, 1)) {
      const i = dayIndex.get(d);
      if (i === undefined) continue;
      let set = awayDays.get(l.userId);
      if (!set) awayDays.set(l.userId, (set = new Set()));
      set.add(i);
      grid.get(l.userId)?.leave.push(i);
    }
  // Someone on approved leave is not on the floor: their shift does not count towards the minimum.
  const perCode = new Map<string, Int32Array>(); // people on each day, per shift code
  // One row per day, in date order (so each person's pending days come in order): `id␟CODE[*]` joined by ␞.
  for (const day of cells) {
    const i = dayIndex.get(day.date);
    if (i === undefined) continue;
    const text = day.cells;
    let n: Int32Array | undefined;
    let counted = '';
    for (let at = 0; at < text.length; ) {
      let end = text.indexOf('\u001e', at);
      if (end < 0) end = text.length;
      const unit = text.indexOf('\u001f', at);
      const userId = text.slice(at, unit);
      const pending = text.charCodeAt(end - 1) === 42; // '*'
      const code = text.slice(unit + 1, pending ? end - 1 : end);
      at = end + 1;
      if (!awayDays.get(userId)?.has(i)) {
        if (code !== counted) {
          counted = code;
          n = perCode.get(code);
          if (!n) perCode.set(code, (n = new Int32Array(days.length)));
        }
        n![i]!++;
      }
      const row = grid.get(userId);
      if (!row) continue;
      row.shifts[i] = code;
      if (pending) row.pending.push(i);
    }
  }
  const counts = new Map<string, number>();
  for (const [code, n] of perCode) n.forEach((k, i) => k > 0 && counts.set(`${days[i]!.date}|${code}`, k));
  // The answer's shape (RosterMonth): team ids and names only.
  return { days, teams: teams.map((t) => ({ id: t.id, name: t.name })), people: [...grid.values()], coverage: coverageOf(days.map((d) => d.date), types, counts, teamId) };
};

export const myShifts: Handler<M['roster.mine']> = async (ctx, input) => {
  const to = addDays(input.from, input.days - 1);
  const [types, entries, policy] = await Promise.all([ctx.store.roster.shiftTypes(), ctx.store.roster.entries({ teamId: null, userId: ctx.actor.userId, from: input.from, to }), policyAt(ctx.store, ctx.now)]);
  const tz = policy.timezone;
  const days = new Map(daysBetween(input.from, to, await ctx.store.calendar.overrides(input.from, to)).map((d) => [d.date, d]));
  return entries.flatMap((e) => {
    const t = types.find((x) => x.code === e.shiftCode);
    if (!t) return [];
    const i = shiftInterval(e.date, t, tz);
    return [{ date: e.date, shiftCode: t.code, shiftName: t.name, startsAt: new Date(i.start).toISOString(), endsAt: new Date(i.end).toISOString(), day: days.get(e.date)!, entryId: e.id }];
  });
};

/** Puts a person on a shift for a day (or clears the day), within the editor's team and without double-booking. */
export const assignShift: Handler<M['roster.assign']> = async (ctx, input) => {
  const person = await ctx.store.roster.person(input.userId);
  if (!person) throw new DeskError({ code: 'not_found', message: 'No such person on the roster', fields: [{ path: 'userId', code: 'err.unknownPerson', message: 'Unknown person' }] });
  if (ctx.actor.role === 'team_lead' && person.teamId !== ctx.actor.teamId)
    throw new DeskError({ code: 'forbidden', message: 'A team lead rosters their own team only', ruleIds: [ROSTER_RULES.teamScope] });
  // roster.later-edit-wins: an edit made offline earlier than one already here does not overwrite it.
  const cell = await ctx.store.roster.cell(input.userId, input.date);
  if (newerEditThan(cell, ctx.now)) {
    const by = (await ctx.store.org.person(cell!.updatedBy))?.displayName ?? cell!.updatedBy;
    throw ruleError({ code: 'conflict', message: 'A later edit of this cell stands', ruleIds: [ROSTER_RULES.laterEditWins], params: { name: person.name, date: input.date, by, at: cell!.updatedAt } });
  }
  const stamp = { updatedBy: ctx.actor.userId, updatedAt: ctx.now };
  if (input.shiftCode === null) {
    await ctx.store.roster.clear({ id: input.id, userId: input.userId, teamId: person.teamId, date: input.date, ...stamp });
    return null;
  }
  const types = await ctx.store.roster.shiftTypes();
  const shift = types.find((t) => t.code === input.shiftCode);
  if (!shift)
    throw new DeskError({ code: 'invalid_input', message: `No shift type ${input.shiftCode}`, ruleIds: [ROSTER_RULES.knownShift], fields: [{ path: 'shiftCode', code: 'err.unknownShift', message: 'Unknown shift type' }] });
  const tz = (await policyAt(ctx.store, ctx.now)).timezone;
  const [before, after] = neighbourDates(input.date);
  const near = await ctx.store.roster.entries({ teamId: null, userId: input.userId, from: before!, to: after! });
  const neighbours = near.flatMap((e) => {
    const t = types.find((x) => x.code === e.shiftCode);
    return t && e.date !== input.date ? [{ date: e.date, shift: t }] : [];
  });
  const clash = overlappingNeighbour(input.date, shift, neighbours, tz);
  if (clash)
    throw new DeskError({
      code: 'rule_violation',
      message: `${shift.code} on ${input.date} overlaps ${clash.shift.code} on ${clash.date}`,
      ruleIds: [ROSTER_RULES.noOverlap],
      params: { date: input.date, shift: shift.code, otherDate: clash.date, otherShift: clash.shift.code },
    });
  await ctx.store.roster.put({ id: input.id, userId: input.userId, teamId: person.teamId, date: input.date, shiftCode: shift.code, ...stamp });
  const saved = (await ctx.store.roster.entries({ teamId: null, userId: input.userId, from: input.date, to: input.date }))[0];
  if (!saved) throw new Error('roster entry vanished inside its own transaction');
  return saved;
};

/** Writes a whole month from a spreadsheet once every row passes; otherwise reports every bad cell. */
export const importRoster: Handler<M['roster.import']> = (ctx, input) => runAllChunks(rosterImportChunked, ctx, input);

/** Saves a shift type; coverage minimums may name existing teams only. */
export const saveShiftType: Handler<M['roster.saveShiftType']> = async (ctx, input) => {
  const teams = new Set((await ctx.store.roster.teams()).map((t) => t.id));
  const unknown = Object.keys(input.minCoverage).filter((id) => !teams.has(id));
  if (unknown.length > 0)
    throw new DeskError({ code: 'invalid_input', message: `Unknown team(s): ${unknown.join(', ')}`, fields: unknown.map((id) => ({ path: `minCoverage.${id}`, code: 'err.unknownTeam', message: id })) });
  if (input.start === input.end) throw new DeskError({ code: 'invalid_input', message: 'A shift cannot start and end at the same time', fields: [{ path: 'end', code: 'err.sameTimes', message: 'Same start and end' }] });
  await ctx.store.roster.putShiftType(input);
  return input;
};

export const rosterHandlers = {
  'roster.saveShiftType': saveShiftType, 'roster.shiftTypes': shiftTypes, 'roster.month': rosterMonth, 'roster.mine': myShifts, 'roster.assign': assignShift, 'roster.import': importRoster };
