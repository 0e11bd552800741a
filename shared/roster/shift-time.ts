import { addDays } from '../calendar/day-kind';
import { zonedToInstant } from './zoned-time';

/** A shift type as a center defines it: local start and end; an end at or before the start crosses midnight. */
export interface ShiftTimes {
  start: string;
  end: string;
}

export interface Interval {
  start: number;
  end: number;
}

export function crossesMidnight(s: ShiftTimes): boolean {
  return s.end <= s.start;
}

/** The real interval a shift on `date` occupies, in the center's zone (so 8 h may be 7 or 9 across DST). */
export function shiftInterval(date: string, s: ShiftTimes, timeZone: string): Interval {
  const start = zonedToInstant(date, s.start, timeZone);
  const end = zonedToInstant(crossesMidnight(s) ? addDays(date, 1) : date, s.end, timeZone);
  return { start, end };
}

export function overlaps(a: Interval, b: Interval): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Hours between the end of one and the start of the next (negative when they overlap). */
export function restHours(earlier: Interval, later: Interval): number {
  return (later.start - earlier.end) / 3_600_000;
}

/**
 * Two shifts are back-to-back (連班) when the second starts no later than the first ends plus
 * `minRestHours` (0: touching or overlapping). Feeds `swap.no-back-to-back`.
 */
export function backToBack(a: Interval, b: Interval, minRestHours = 0): boolean {
  const [first, second] = a.start <= b.start ? [a, b] : [b, a];
  return restHours(first, second) <= minRestHours;
}
