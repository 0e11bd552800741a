/**
 * Mainland-China public holidays with their make-up working days (调休), as the State Council's yearly
 * notices set them (国务院办公厅关于2025年/2026年部分节假日安排的通知). Centers add or correct days by
 * importing their own calendar; a year not listed here has no built-in holidays.
 */
export interface HolidaySpan {
  /** Key of the holiday's name in every language (calendar.holiday.<name>). */
  name: 'newYear' | 'springFestival' | 'qingming' | 'labourDay' | 'dragonBoat' | 'midAutumn' | 'nationalDay';
  from: string;
  to: string;
  /** Weekend days that become working days to make up for the break. */
  makeUpWorkdays: readonly string[];
}

export const CN_HOLIDAYS: Readonly<Record<number, readonly HolidaySpan[]>> = {
  2025: [
    { name: 'newYear', from: '2025-01-01', to: '2025-01-01', makeUpWorkdays: [] },
    { name: 'springFestival', from: '2025-01-28', to: '2025-02-04', makeUpWorkdays: ['2025-01-26', '2025-02-08'] },
    { name: 'qingming', from: '2025-04-04', to: '2025-04-06', makeUpWorkdays: [] },
    { name: 'labourDay', from: '2025-05-01', to: '2025-05-05', makeUpWorkdays: ['2025-04-27'] },
    { name: 'dragonBoat', from: '2025-05-31', to: '2025-06-02', makeUpWorkdays: [] },
    // National Day and Mid-Autumn fall together in 2025: one 8-day break.
    { name: 'nationalDay', from: '2025-10-01', to: '2025-10-08', makeUpWorkdays: ['2025-09-28', '2025-10-11'] },
  ],
  2026: [
    { name: 'newYear', from: '2026-01-01', to: '2026-01-03', makeUpWorkdays: ['2026-01-04'] },
    { name: 'springFestival', from: '2026-02-15', to: '2026-02-23', makeUpWorkdays: ['2026-02-14', '2026-02-28'] },
    { name: 'qingming', from: '2026-04-04', to: '2026-04-06', makeUpWorkdays: [] },
    { name: 'labourDay', from: '2026-05-01', to: '2026-05-05', makeUpWorkdays: ['2026-05-09'] },
    { name: 'dragonBoat', from: '2026-06-19', to: '2026-06-21', makeUpWorkdays: [] },
    { name: 'midAutumn', from: '2026-09-25', to: '2026-09-27', makeUpWorkdays: [] },
    { name: 'nationalDay', from: '2026-10-01', to: '2026-10-07', makeUpWorkdays: ['2026-09-20', '2026-10-10'] },
  ],
};
