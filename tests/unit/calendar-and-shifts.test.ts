import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, dayInfo, daysBetween, isPublicHoliday } from '../../shared/calendar/day-kind';
import { CN_HOLIDAYS } from '../../shared/calendar/cn-holidays';
import { backToBack, crossesMidnight, overlaps, shiftInterval } from '../../shared/roster/shift-time';
import { zonedToInstant, zoneOffsetMs } from '../../shared/roster/zoned-time';

const iso = (ms: number) => new Date(ms).toISOString();

describe('mainland-China holiday calendar (feeds leave.holiday, swap.holiday)', () => {
  it.each([
    ['2026-02-15', 'holiday', 'springFestival'],
    ['2026-02-23', 'holiday', 'springFestival'],
    ['2026-02-14', 'makeUpWorkday', null], // Saturday worked for Spring Festival (调休)
    ['2026-02-28', 'makeUpWorkday', null],
    ['2026-01-04', 'makeUpWorkday', null], // Sunday worked for New Year
    ['2026-10-07', 'holiday', 'nationalDay'],
    ['2026-10-08', 'workday', null],
    ['2026-09-26', 'holiday', 'midAutumn'],
    ['2025-10-08', 'holiday', 'nationalDay'], // 2025: National Day and Mid-Autumn together, 8 days
    ['2025-01-01', 'holiday', 'newYear'],
    ['2026-11-21', 'weekend', null],
    ['2026-11-23', 'workday', null],
    ['2027-02-06', 'weekend', null], // a year with no built-in list: weekends only
  ])('%s is a %s', (date, kind, holiday) => {
    expect(dayInfo(date)).toEqual({ date, kind, holiday });
  });

  it('lets a center\u2019s own calendar add a holiday or turn one into a working day', () => {
    expect(isPublicHoliday('2026-11-23', [{ date: '2026-11-23', kind: 'holiday', name: '中心周年' }])).toBe(true);
    expect(dayInfo('2026-10-02', [{ date: '2026-10-02', kind: 'workday', name: '' }]).kind).toBe('workday');
  });

  it('built-in spans are well-formed: make-up days are weekends and never inside a break', () => {
    for (const spans of Object.values(CN_HOLIDAYS))
      for (const s of spans) {
        expect(s.from <= s.to).toBe(true);
        for (const d of s.makeUpWorkdays) {
          expect([0, 6]).toContain(new Date(`${d}T00:00:00Z`).getUTCDay());
          expect(d < s.from || d > s.to).toBe(true);
        }
      }
    expect(daysBetween('2026-02-01', '2026-02-28').filter((d) => d.kind === 'holiday')).toHaveLength(9);
  });
});

describe('shift times in the center\u2019s zone', () => {
  const day = { start: '08:00', end: '16:00' };
  const night = { start: '22:00', end: '06:00' };

  it('places a shift that crosses midnight on the next morning', () => {
    expect(crossesMidnight(night)).toBe(true);
    const i = shiftInterval('2026-11-23', night, 'Asia/Shanghai');
    expect([iso(i.start), iso(i.end)]).toEqual(['2026-11-23T14:00:00.000Z', '2026-11-23T22:00:00.000Z']);
  });

  it.each([
    // New York: clocks forward 2026-03-08 02:00, back 2026-11-01 02:00.
    ['a night across spring-forward is 7 h', '2026-03-07', night, 'America/New_York', 7],
    ['a night across fall-back is 9 h', '2026-10-31', night, 'America/New_York', 9],
    ['a day shift on the change day is 8 h', '2026-03-08', day, 'America/New_York', 8],
    ['Shanghai has no DST: always 8 h', '2026-03-07', night, 'Asia/Shanghai', 8],
  ])('%s', (_label, date, shift, zone, hours) => {
    const i = shiftInterval(date, shift, zone);
    expect((i.end - i.start) / 3_600_000).toBe(hours);
  });

  it('resolves skipped and repeated local times', () => {
    expect(iso(zonedToInstant('2026-03-08', '02:30', 'America/New_York'))).toBe('2026-03-08T07:30:00.000Z'); // = 03:30 EDT
    expect(iso(zonedToInstant('2026-11-01', '01:30', 'America/New_York'))).toBe('2026-11-01T05:30:00.000Z'); // earlier, EDT
    expect(iso(zonedToInstant('2026-10-25', '02:30', 'Europe/Berlin'))).toBe('2026-10-25T00:30:00.000Z'); // earlier, CEST
  });

  it('detects overlap and back-to-back shifts (swap.no-back-to-back)', () => {
    const n = shiftInterval('2026-11-23', night, 'Asia/Shanghai');
    const nextDay = shiftInterval('2026-11-24', day, 'Asia/Shanghai');
    const sameDay = shiftInterval('2026-11-23', day, 'Asia/Shanghai');
    expect(overlaps(n, nextDay)).toBe(false);
    expect(backToBack(n, nextDay, 8)).toBe(true); // 2 h rest after a night
    expect(backToBack(sameDay, n, 0)).toBe(false); // 6 h between 16:00 and 22:00
    expect(backToBack(sameDay, n, 6)).toBe(true);
  });

  it('round-trips every local time that exists, in zones with and without DST (property)', () => {
    const zones = ['Asia/Shanghai', 'America/New_York', 'Europe/Berlin', 'Australia/Sydney'];
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 730 }), fc.integer({ min: 0, max: 95 }), fc.constantFrom(...zones), (dayOffset, quarter, zone) => {
        const date = addDays('2025-01-01', dayOffset);
        const time = `${String(Math.floor(quarter / 4)).padStart(2, '0')}:${String((quarter % 4) * 15).padStart(2, '0')}`;
        const instant = zonedToInstant(date, time, zone);
        const back = new Date(instant + zoneOffsetMs(instant, zone)).toISOString();
        const exists = back.slice(0, 16) === `${date}T${time}`;
        // Either it maps back exactly, or the time was skipped and we moved forward by at most an hour.
        if (!exists) expect(Date.parse(back) - Date.parse(`${date}T${time}:00Z`)).toBeLessThanOrEqual(3_600_000);
        expect(Date.parse(back) >= Date.parse(`${date}T${time}:00Z`)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('a shift never has negative length and lasts 8 h ± 1 h for an 8-hour type, any day, any zone (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 730 }), fc.constantFrom('Asia/Shanghai', 'America/New_York', 'Europe/Berlin'), fc.integer({ min: 0, max: 23 }), (dayOffset, zone, startHour) => {
        const start = `${String(startHour).padStart(2, '0')}:00`;
        const end = `${String((startHour + 8) % 24).padStart(2, '0')}:00`;
        const i = shiftInterval(addDays('2025-01-01', dayOffset), { start, end }, zone);
        const hours = (i.end - i.start) / 3_600_000;
        expect(hours).toBeGreaterThanOrEqual(7);
        expect(hours).toBeLessThanOrEqual(9);
      }),
      { numRuns: 1000 },
    );
  });
});
