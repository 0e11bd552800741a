import { describe, expect, it } from 'vitest';
import { dateConfig, formatDate, fromDay, parseDate, toDay } from '../../renderer/features/calendar/date-config';

/** The date picker's calendar arithmetic and words (renderer/features/calendar/date-config.ts): no dayjs, Intl names. */
describe('date picker config', () => {
  const d = new Date(2026, 2, 17); // Tuesday 17 March 2026, local

  it('formats the tokens the picker asks for, in the UI language', () => {
    expect(formatDate('zh_CN', d, 'YYYY-MM-DD')).toBe('2026-03-17');
    expect(formatDate('zh_CN', d, 'YYYY年')).toBe('2026年');
    expect(formatDate('zh_CN', d, 'M月')).toBe('3月');
    expect(formatDate('en_US', d, 'MMM')).toBe('Mar');
    expect(formatDate('en_US', d, 'D')).toBe('17');
    expect(formatDate('en_US', d, '[Q]Q')).toBe('Q1');
    expect(formatDate('zh_TW', d, 'ddd')).toMatch(/週二|周二/);
  });

  it('parses only real dates in the given formats', () => {
    expect(parseDate('2026-03-17', ['YYYY-MM-DD'])?.getDate()).toBe(17);
    expect(parseDate('2026-02-30', ['YYYY-MM-DD'])).toBeNull();
    expect(parseDate('17/03/2026', ['YYYY-MM-DD'])).toBeNull();
    expect(parseDate('2026-3-7', ['YYYY-M-D'])?.getMonth()).toBe(2);
    expect(toDay(fromDay('2026-12-31')!)).toBe('2026-12-31');
    expect(fromDay('')).toBeNull();
  });

  it('does month and week arithmetic on calendar days', () => {
    expect(toDay(dateConfig.addMonth(new Date(2026, 0, 31), 1))).toBe('2026-02-28');
    expect(toDay(dateConfig.addYear(new Date(2024, 1, 29), 1))).toBe('2025-02-28');
    expect(toDay(dateConfig.getEndDate(d))).toBe('2026-03-31');
    expect(toDay(dateConfig.setMonth(new Date(2026, 0, 31), 1))).toBe('2026-02-28');
    // Weeks start on Monday in China, on Sunday in US English.
    expect(toDay(dateConfig.locale.getWeekFirstDate('zh_CN', d))).toBe('2026-03-16');
    expect(toDay(dateConfig.locale.getWeekFirstDate('en_US', d))).toBe('2026-03-15');
    expect(dateConfig.locale.getShortWeekDays!('zh_CN')).toEqual(['日', '一', '二', '三', '四', '五', '六']);
    expect(dateConfig.locale.getShortMonths!('en_US')[2]).toBe('Mar');
  });
});
