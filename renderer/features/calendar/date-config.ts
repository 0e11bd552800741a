import type { DatePicker } from 'antd';

/**
 * antd's date picker over plain `Date`s (local calendar days), with month and weekday names from Intl in
 * the UI language. antd's own DatePicker runs on dayjs, which is not one of our declared packages; this is
 * the small part of a date library a date-only picker needs. Dates leave the picker as `YYYY-MM-DD`.
 */
export type DateConfig = Parameters<typeof DatePicker.generatePicker<Date>>[0];

/** antd's locale names ('zh_CN', 'en_US') as BCP 47 tags. */
const bcp47 = (locale: string) => locale.replace('_', '-');

const copy = (d: Date, f: (c: Date) => void) => {
  const c = new Date(d.getTime());
  f(c);
  return c;
};

/** Adds months, keeping the day in range (31 January + 1 month = 28/29 February). */
function addMonths(d: Date, n: number): Date {
  const c = new Date(d.getFullYear(), d.getMonth() + n, 1, d.getHours(), d.getMinutes(), d.getSeconds(), d.getMilliseconds());
  c.setDate(Math.min(d.getDate(), new Date(c.getFullYear(), c.getMonth() + 1, 0).getDate()));
  return c;
}

function weekFirstDay(locale: string): number {
  // Monday in China and most of the world; the US English calendar starts on Sunday.
  return /^en_US$|^en$/i.test(locale) ? 0 : 1;
}

function names(locale: string, kind: 'month' | 'weekday', width: 'short' | 'long' | 'narrow'): string[] {
  const fmt = new Intl.DateTimeFormat(bcp47(locale), kind === 'month' ? { month: width, timeZone: 'UTC' } : { weekday: width, timeZone: 'UTC' });
  // 2023-01-01 was a Sunday.
  return kind === 'month' ? Array.from({ length: 12 }, (_, m) => fmt.format(Date.UTC(2023, m, 1))) : Array.from({ length: 7 }, (_, w) => fmt.format(Date.UTC(2023, 0, 1 + w)));
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** dayjs-style tokens the picker asks for: YYYY YY Q MMMM MMM MM M DD D Do dddd ddd dd d HH H hh h mm m ss s A a, [literal]. */
const TOKENS = /\[([^\]]*)]|YYYY|YY|Q|MMMM|MMM|MM|M|Do|DD|D|dddd|ddd|dd|d|HH|H|hh|h|mm|m|ss|s|SSS|A|a|wo|ww|w|gggg/g;

export function formatDate(locale: string, d: Date, format: string): string {
  const h12 = d.getHours() % 12 || 12;
  return format.replace(TOKENS, (tok, literal: string | undefined) => {
    if (literal !== undefined) return literal;
    switch (tok) {
      case 'YYYY':
      case 'gggg':
        return pad(d.getFullYear(), 4);
      case 'YY':
        return pad(d.getFullYear() % 100);
      case 'Q':
        return String(Math.floor(d.getMonth() / 3) + 1);
      case 'MMMM':
        return names(locale, 'month', 'long')[d.getMonth()]!;
      case 'MMM':
        return names(locale, 'month', 'short')[d.getMonth()]!;
      case 'MM':
        return pad(d.getMonth() + 1);
      case 'M':
        return String(d.getMonth() + 1);
      case 'DD':
        return pad(d.getDate());
      case 'D':
      case 'Do':
        return String(d.getDate());
      case 'dddd':
        return names(locale, 'weekday', 'long')[d.getDay()]!;
      case 'ddd':
        return names(locale, 'weekday', 'short')[d.getDay()]!;
      case 'dd':
      case 'd':
        return names(locale, 'weekday', 'narrow')[d.getDay()]!;
      case 'HH':
        return pad(d.getHours());
      case 'H':
        return String(d.getHours());
      case 'hh':
        return pad(h12);
      case 'h':
        return String(h12);
      case 'mm':
        return pad(d.getMinutes());
      case 'm':
        return String(d.getMinutes());
      case 'ss':
        return pad(d.getSeconds());
      case 's':
        return String(d.getSeconds());
      case 'SSS':
        return pad(d.getMilliseconds(), 3);
      case 'A':
        return d.getHours() < 12 ? 'AM' : 'PM';
      case 'a':
        return d.getHours() < 12 ? 'am' : 'pm';
      default:
        return String(weekOf(locale, d));
    }
  });
}

function weekOf(locale: string, d: Date): number {
  const first = weekFirstDay(locale);
  const start = new Date(d.getFullYear(), 0, 1);
  const offset = (start.getDay() - first + 7) % 7;
  return Math.floor((Math.round((d.getTime() - start.getTime()) / 86_400_000) + offset) / 7) + 1;
}

/** Strict: the text must be exactly a date in one of the formats (only numeric year, month, day tokens). */
export function parseDate(text: string, formats: readonly string[]): Date | null {
  for (const format of formats) {
    const parts: string[] = [];
    const re = format.replace(/\[([^\]]*)]|YYYY|MM|M|DD|D|[.*+?^${}()|\\]/g, (tok, literal: string | undefined) => {
      if (literal !== undefined) return literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      if (/^[.*+?^${}()|\\]$/.test(tok)) return `\\${tok}`;
      parts.push(tok);
      return tok === 'YYYY' ? '(\\d{4})' : tok.length === 2 ? '(\\d{2})' : '(\\d{1,2})';
    });
    const m = new RegExp(`^${re}$`).exec(text.trim());
    if (!m || !parts.includes('YYYY')) continue;
    const get = (k: string) => Number(m[parts.findIndex((p) => p[0] === k) + 1] ?? 1);
    const [y, mo, day] = [get('Y'), get('M'), get('D')];
    const d = new Date(y, mo - 1, day);
    if (d.getFullYear() === y && d.getMonth() === mo - 1 && d.getDate() === day) return d;
  }
  return null;
}

export const dateConfig: DateConfig = {
  getNow: () => new Date(),
  getFixedDate: (s) => parseDate(s, ['YYYY-MM-DD', 'YYYY-M-D']) ?? new Date(s),
  getEndDate: (d) => new Date(d.getFullYear(), d.getMonth() + 1, 0, d.getHours(), d.getMinutes(), d.getSeconds()),
  getWeekDay: (d) => d.getDay(),
  getYear: (d) => d.getFullYear(),
  getMonth: (d) => d.getMonth(),
  getDate: (d) => d.getDate(),
  getHour: (d) => d.getHours(),
  getMinute: (d) => d.getMinutes(),
  getSecond: (d) => d.getSeconds(),
  getMillisecond: (d) => d.getMilliseconds(),
  addYear: (d, n) => addMonths(d, 12 * n),
  addMonth: (d, n) => addMonths(d, n),
  addDate: (d, n) => copy(d, (c) => c.setDate(c.getDate() + n)),
  setYear: (d, y) => copy(d, (c) => c.setFullYear(y)),
  setMonth: (d, m) => addMonths(d, m - d.getMonth()),
  setDate: (d, n) => copy(d, (c) => c.setDate(n)),
  setHour: (d, h) => copy(d, (c) => c.setHours(h)),
  setMinute: (d, m) => copy(d, (c) => c.setMinutes(m)),
  setSecond: (d, s) => copy(d, (c) => c.setSeconds(s)),
  setMillisecond: (d, ms) => copy(d, (c) => c.setMilliseconds(ms)),
  isAfter: (a, b) => a.getTime() > b.getTime(),
  isValidate: (d) => !Number.isNaN(d.getTime()),
  locale: {
    getWeekFirstDay: weekFirstDay,
    getWeekFirstDate: (locale, d) => copy(d, (c) => c.setDate(c.getDate() - ((c.getDay() - weekFirstDay(locale) + 7) % 7))),
    getWeek: weekOf,
    getShortWeekDays: (locale) => names(locale, 'weekday', bcp47(locale).startsWith('zh') ? 'narrow' : 'short'),
    getShortMonths: (locale) => names(locale, 'month', 'short'),
    format: formatDate,
    parse: (_locale, text, formats) => parseDate(text, formats),
  },
};

/** `YYYY-MM-DD` ↔ the picker's local calendar day. */
export const toDay = (d: Date): string => `${pad(d.getFullYear(), 4)}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
export const fromDay = (s: string | null | undefined): Date | null => (s ? parseDate(s, ['YYYY-MM-DD']) : null);
