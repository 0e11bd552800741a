import { randomUUID } from 'node:crypto';
import { addMonths } from '../../../../shared/calendar/month';
import { example } from './example';

export const rosterExamples = {
  'roster.shiftTypes': example<'roster.shiftTypes'>('agent01', () => ({})),
  'roster.month': example<'roster.month'>('lead01', (fx) => ({ month: fx.today.slice(0, 7) })),
  'roster.mine': example<'roster.mine'>('agent01', (fx) => ({ from: fx.today, days: 14 })),
  'roster.assign': example<'roster.assign'>('lead01', async (fx) => {
    // A day agent02 rests: a day shift (08–16) there overlaps neither an evening before nor a night after.
    const shifts = await fx.shifts('agent02');
    for (let d = 2; d < 24; d++) {
      const date = fx.day(d);
      if (!shifts.has(date)) return { id: randomUUID(), userId: fx.userId('agent02'), date, shiftCode: 'D' };
    }
    throw new Error('no free day for agent02');
  }),
  'roster.saveShiftType': example<'roster.saveShiftType'>('dept01', () => ({ code: 'M', name: '早班', start: '06:00', end: '14:00', night: false, minCoverage: { 'team-a': 1 } })),
  'roster.import': example<'roster.import'>('lead01', (fx) => {
    const month = addMonths(fx.today.slice(0, 7), 2);
    // Two months ahead: nothing rostered yet, so no overlap with neighbours.
    return { month, rows: [['工号', '1', '2', '3', '4'], ['agent01', 'D', 'D', '', 'E']] };
  }),
  'calendar.days': example<'calendar.days'>('agent01', (fx) => ({ from: fx.today, to: fx.day(30) })),
  'calendar.overrides': example<'calendar.overrides'>('agent01', () => ({})),
  'calendar.import': example<'calendar.import'>('dept01', (fx) => ({ days: [{ date: fx.day(40), kind: 'holiday', name: '中心年会' }] })),
};
