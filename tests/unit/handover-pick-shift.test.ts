import { describe, expect, it } from 'vitest';
import { pickShift, type DayShift } from '../../renderer/features/handover/pick-shift';

const iso = (d: string, hhmm: string) => new Date(`${d}T${hhmm}:00+08:00`).toISOString();
const day = (date: string, shift: [string, string, string] | null, attendance: DayShift['attendance'] = null): DayShift => ({
  date,
  shift: shift ? { start: iso(date, shift[0]), end: iso(shift[2], shift[1]) } : null,
  attendance,
  opensAt: shift ? new Date(Date.parse(iso(date, shift[0])) - 120 * 60_000).toISOString() : null,
});
const now = (d: string, hhmm: string) => Date.parse(iso(d, hhmm));

describe("the one key acts on the shift that matters now, not only the calendar day's", () => {
  it("today's day shift in the morning", () => {
    const today = day('2026-03-11', ['08:00', '16:00', '2026-03-11']);
    expect(pickShift({ today, tomorrow: day('2026-03-12', null) }, now('2026-03-11', '07:45'))).toBe(today);
  });
  it("an evening shift ending at midnight is checked out of after midnight, on the day before's record", () => {
    const yesterday = day('2026-03-10', ['16:00', '00:00', '2026-03-11'], { checkedOutAt: null });
    expect(pickShift({ yesterday, today: day('2026-03-11', null) }, now('2026-03-11', '00:05'))).toBe(yesterday);
  });
  it('a night shift from 00:00 is checked in for before midnight', () => {
    const tomorrow = day('2026-03-12', ['00:00', '08:00', '2026-03-12']);
    expect(pickShift({ today: day('2026-03-11', null), tomorrow }, now('2026-03-11', '23:50'))).toBe(tomorrow);
  });
  it("not while today's shift is still being worked", () => {
    const today = day('2026-03-11', ['16:00', '00:00', '2026-03-12'], { checkedOutAt: null });
    const tomorrow = day('2026-03-12', ['00:00', '08:00', '2026-03-12']);
    expect(pickShift({ today, tomorrow }, now('2026-03-11', '23:50'))).toBe(today);
  });
});
