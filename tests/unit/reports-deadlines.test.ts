import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, weekday } from '../../shared/calendar/day-kind';
import { POLICY_DEFAULTS } from '../../shared/policy/defaults';
import { monthlyMeetingDate, qualityReportDue, REPORT_REMINDER_DAYS } from '../../shared/reports/deadlines';
import { countFigures, emptyFigures, mondayOf, periodRange, sumFigures } from '../../shared/reports/rules';
import type { Figures } from '../../shared/reports/schemas';

/** Deadlines of the reports domain, on fixed dates (never today's). */
describe('meeting.monthly: the all-agent meeting is the Friday before the 25th', () => {
  it.each([
    ['meeting.monthly', '2026-03', 25, '2026-03-20'], // the 25th is a Wednesday
    ['meeting.monthly', '2026-09', 25, '2026-09-18'], // the 25th is itself a Friday: the Friday before it
    ['meeting.monthly', '2026-04', 25, '2026-04-24'], // the 24th is a Friday
    ['meeting.monthly', '2026-02', 25, '2026-02-20'],
    ['meeting.monthly', '2026-12', 25, '2026-12-18'], // Christmas is a Friday
    ['meeting.monthly', '2026-03', 20, '2026-03-13'], // a center that meets before the 20th
  ])('%s: %s before day %i → %s', (_rule, month, day, expected) => {
    expect(monthlyMeetingDate(month, day)).toBe(expected);
  });

  it('meeting.monthly: always a Friday, strictly before the day, within the week before it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2099 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 8, max: 28 }), (y, m, day) => {
        const month = `${y}-${String(m).padStart(2, '0')}`;
        const d = monthlyMeetingDate(month, day);
        const limit = `${month}-${String(day).padStart(2, '0')}`;
        return weekday(d) === 5 && d < limit && d >= addDays(limit, -7);
      }),
    );
  });
});

describe('report.monthly-quality: due on the 22nd, reminded a week before', () => {
  it.each([
    ['report.monthly-quality', '2026-03-17', 22, '2026-03-22', 5, true],
    ['report.monthly-quality', '2026-03-22', 22, '2026-03-22', 0, true],
    ['report.monthly-quality', '2026-03-14', 22, '2026-03-22', 8, false],
    ['report.monthly-quality', '2026-03-15', 22, '2026-03-22', 7, true],
    ['report.monthly-quality', '2026-03-23', 22, '2026-03-22', -1, false],
  ])('%s: on %s (due day %i) → due %s, %i days left, reminding: %s', (_rule, today, dueDay, due, days, remind) => {
    const r = qualityReportDue(today, dueDay);
    expect([r.due, r.daysLeft]).toEqual([due, days]);
    expect(r.daysLeft >= 0 && r.daysLeft <= REPORT_REMINDER_DAYS).toBe(remind);
  });

  it('the policy defaults are the seed’s: the 22nd and the 25th', () => {
    expect([POLICY_DEFAULTS.monthlyQualityReportDueDay, POLICY_DEFAULTS.monthlyMeetingBeforeDay]).toEqual([22, 25]);
  });
});

describe('report.daily: periods on the center’s clock and weeks Monday to Sunday', () => {
  it.each([
    ['report.daily', 'daily', '2026-03-12', '2026-03-11T16:00:00.000Z', '2026-03-12T16:00:00.000Z'],
    ['report.monthly-quality', 'monthly', '2026-03', '2026-02-28T16:00:00.000Z', '2026-03-31T16:00:00.000Z'],
    ['report.monthly-quality', 'monthly', '2026-12', '2026-11-30T16:00:00.000Z', '2026-12-31T16:00:00.000Z'],
  ] as const)('%s: %s %s in Shanghai is [%s, %s)', (_rule, kind, period, from, to) => {
    expect(periodRange(kind, period, 'Asia/Shanghai')).toEqual({ from, to });
  });

  it.each([
    ['2026-03-09', '2026-03-09'],
    ['2026-03-15', '2026-03-09'],
    ['2026-03-12', '2026-03-09'],
    ['2026-03-01', '2026-02-23'],
  ])('report.daily: the week of %s starts %s', (day, monday) => {
    expect(mondayOf(day)).toBe(monday);
  });
});

const arbFigures: fc.Arbitrary<Figures> = fc
  .record({ consultations: fc.nat(50), queries: fc.nat(50), otherCalls: fc.nat(50), complaintCalls: fc.nat(50), complaints: fc.nat(20), resolved: fc.nat(20), satisfied: fc.nat(9), unreachable: fc.nat(9) })
  .map((r) => {
    const f = emptyFigures();
    Object.assign(f, { consultations: r.consultations, queries: r.queries, otherCalls: r.otherCalls, complaintCalls: r.complaintCalls, calls: r.consultations + r.queries + r.otherCalls + r.complaintCalls });
    f.complaints = r.complaints;
    f.complaintsResolved = Math.min(r.resolved, r.complaints);
    f.resolutionRate = f.complaints ? f.complaintsResolved / f.complaints : null;
    f.callbacksByOutcome = { satisfied: r.satisfied, unsatisfied: 0, unreachable: r.unreachable };
    f.callbacks = f.proactive = r.satisfied + r.unreachable;
    return f;
  });

describe('report.daily (周报): the week is the sum of its days', () => {
  it('sums every count, keeps the workload lines adding up to the calls, and recomputes the rate from the sums', () => {
    fc.assert(
      fc.property(fc.array(arbFigures, { maxLength: 7 }), (days) => {
        const w = sumFigures(days);
        const total = (k: keyof Figures) => days.reduce((s, d) => s + (d[k] as number), 0);
        return (
          w.calls === total('calls') &&
          w.calls === w.consultations + w.queries + w.otherCalls + w.complaintCalls &&
          w.callbacks === w.callbacksByOutcome.satisfied + w.callbacksByOutcome.unsatisfied + w.callbacksByOutcome.unreachable &&
          (w.complaints === 0 ? w.resolutionRate === null : w.resolutionRate === w.complaintsResolved / w.complaints)
        );
      }),
    );
  });

  it('counting a range split in two equals counting it whole', () => {
    const calls = fc.array(fc.record({ category: fc.constantFrom('consultation', 'query', 'registration', 'complaint', 'suggestion' as const), startedAt: fc.integer({ min: 0, max: 7 * 86_400_000 - 1 }).map((ms) => new Date(Date.UTC(2026, 2, 9) + ms).toISOString()), followUp: fc.boolean() }));
    fc.assert(
      fc.property(calls, fc.integer({ min: 1, max: 6 }), (cs, split) => {
        const a = '2026-03-09T00:00:00.000Z';
        const mid = new Date(Date.UTC(2026, 2, 9 + split)).toISOString();
        const b = '2026-03-16T00:00:00.000Z';
        const facts = { calls: cs, workOrders: [], escalations: [] };
        expect(sumFigures([countFigures(facts, a, mid), countFigures(facts, mid, b)])).toEqual(countFigures(facts, a, b));
      }),
    );
  });
});
