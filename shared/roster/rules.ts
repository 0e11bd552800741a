import { addDays } from '../calendar/day-kind';
import { overlaps, shiftInterval } from './shift-time';
import type { ShiftType } from './schemas';
import type { RuleId } from '../rules/registry';

export const ROSTER_RULES = {
  /** A team lead rosters their own team only; directors the whole center. */
  teamScope: 'roster.team-scope',
  /** One person cannot be on two shifts at once (a night ending as a morning starts). */
  noOverlap: 'roster.no-overlap',
  knownShift: 'roster.known-shift',
  /** Two edits of one cell (two desks offline): the later act wins, whichever reaches the server first. */
  laterEditWins: 'roster.later-edit-wins',
} as const satisfies Record<string, RuleId>;

/**
 * roster.later-edit-wins: an edit acted at `at` may change a cell only if nobody changed it later. Equal act
 * times: the one that arrives later wins (one of them has to).
 */
export function newerEditThan(cell: { updatedAt: string } | null, at: string): boolean {
  return cell !== null && cell.updatedAt > at;
}

/** The neighbouring day's shift that would overlap `shift` on `date` for the same person, if any. */
export function overlappingNeighbour(
  date: string,
  shift: ShiftType,
  neighbours: { date: string; shift: ShiftType }[],
  timeZone: string,
): { date: string; shift: ShiftType } | null {
  const mine = shiftInterval(date, shift, timeZone);
  return neighbours.find((n) => n.date !== date && overlaps(mine, shiftInterval(n.date, n.shift, timeZone))) ?? null;
}

export const neighbourDates = (date: string) => [addDays(date, -1), addDays(date, 1)];

/** Number of people on each (date, shift) against the minimum for a team. */
export function coverage(
  dates: readonly string[],
  types: readonly ShiftType[],
  entries: readonly { date: string; shiftCode: string; teamId: string | null }[],
  teamId: string | null,
): { date: string; shiftCode: string; count: number; min: number }[] {
  // One pass over the entries: a 500-person month has ~11 000 of them.
  const counts = new Map<string, number>();
  for (const e of entries) if (!teamId || e.teamId === teamId) counts.set(`${e.date}|${e.shiftCode}`, (counts.get(`${e.date}|${e.shiftCode}`) ?? 0) + 1);
  return coverageOf(dates, types, counts, teamId);
}

/** Coverage from people counted per `date|shiftCode` (already of the team, when there is one). */
export function coverageOf(
  dates: readonly string[],
  types: readonly ShiftType[],
  counts: ReadonlyMap<string, number>,
  teamId: string | null,
): { date: string; shiftCode: string; count: number; min: number }[] {
  const out: { date: string; shiftCode: string; count: number; min: number }[] = [];
  for (const date of dates)
    for (const t of types) {
      const count = counts.get(`${date}|${t.code}`) ?? 0;
      const min = teamId ? (t.minCoverage[teamId] ?? 0) : Object.values(t.minCoverage).reduce((a, b) => a + b, 0);
      out.push({ date, shiftCode: t.code, count, min });
    }
  return out;
}
