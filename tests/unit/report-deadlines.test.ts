import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { weekday } from '../../shared/calendar/day-kind';
import { POLICY_DEFAULTS } from '../../shared/policy/defaults';
import { monthlyMeetingDate, qualityReportDue } from '../../shared/reports/deadlines';

describe('meeting.monthly: the Friday before the 25th', () => {
  it.each([
    ['2026-03', '2026-03-20'], // the 25th is a Wednesday
    ['2026-09', '2026-09-18'], // the 25th is a Friday: the Friday before it
    ['2026-04', '2026-04-24'], // the 24th is a Friday
    ['2027-02', '2027-02-19'],
  ])('%s → %s', (month, date) => expect(monthlyMeetingDate(month, POLICY_DEFAULTS.monthlyMeetingBeforeDay)).toBe(date));

  it('is always a Friday, before the day, and within the week before it (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2099 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 8, max: 28 }), (y, m, before) => {
        const month = `${y}-${String(m).padStart(2, '0')}`;
        const d = monthlyMeetingDate(month, before);
        expect(weekday(d)).toBe(5);
        const day = Number(d.slice(8));
        expect(d.slice(0, 7)).toBe(month);
        expect(day).toBeLessThan(before);
        expect(before - day).toBeLessThanOrEqual(7);
      }),
    );
  });
});

describe('report.monthly-quality: due by the 22nd', () => {
  it.each([
    ['2026-03-17', { due: '2026-03-22', daysLeft: 5 }],
    ['2026-03-22', { due: '2026-03-22', daysLeft: 0 }],
    ['2026-03-23', { due: '2026-03-22', daysLeft: -1 }],
  ])('on %s', (today, expected) => expect(qualityReportDue(today, POLICY_DEFAULTS.monthlyQualityReportDueDay)).toEqual(expected));
});
