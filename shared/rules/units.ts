import type { RuleLocale } from './catalogue';

const UNITS = {
  'zh-CN': { day: (n: number) => `${n} 天`, hour: (n: number) => `${n} 小时`, minute: (n: number) => `${n} 分钟` },
  'zh-TW': { day: (n: number) => `${n} 天`, hour: (n: number) => `${n} 小時`, minute: (n: number) => `${n} 分鐘` },
  en: {
    day: (n: number) => `${n} ${n === 1 ? 'day' : 'days'}`,
    hour: (n: number) => `${n} ${n === 1 ? 'hour' : 'hours'}`,
    minute: (n: number) => `${n} ${n === 1 ? 'minute' : 'minutes'}`,
  },
} as const;

/**
 * A span in the unit people use: whole days from two days on (9 天, not 218 小时), hours and minutes from two
 * hours on (迟到 2 小时 30 分钟, not 150 分钟, and not a bare 2 小时 that drops half an hour), minutes below.
 * Exact days stay days (须提前 1 天), exact hours stay hours.
 */
export function duration(locale: RuleLocale, minutes: number): string {
  const u = UNITS[locale];
  const m = Math.max(0, Math.round(minutes));
  if (m > 0 && m % 1440 === 0) return u.day(m / 1440);
  if (m >= 2880) return u.day(Math.floor(m / 1440));
  if (m >= 60 && m % 60 === 0) return u.hour(m / 60);
  if (m >= 120) return `${u.hour(Math.floor(m / 60))} ${u.minute(m % 60)}`;
  return u.minute(m);
}

// Formatters are built once per locale: constructing Intl.DateTimeFormat is the expensive part.
const dayFormats = new Map<string, Intl.DateTimeFormat>();
function dayFormat(locale: RuleLocale, month: boolean): Intl.DateTimeFormat {
  const key = `${locale}|${month}`;
  let f = dayFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, month ? { year: 'numeric', month: 'long', timeZone: 'UTC' } : { month: 'short', day: 'numeric', weekday: 'short', timeZone: 'UTC' });
    dayFormats.set(key, f);
  }
  return f;
}

/** A calendar date as the reader says it: 12月5日周六 / Sat, Dec 5. */
export function calendarDay(locale: RuleLocale, date: string): string {
  return dayFormat(locale, false).format(new Date(`${date}T00:00:00Z`));
}

/** A calendar month: 2026年12月 / December 2026. */
export function calendarMonth(locale: RuleLocale, month: string): string {
  return dayFormat(locale, true).format(new Date(`${month}-01T00:00:00Z`));
}

const instantFormats = new Map<string, Intl.DateTimeFormat>();
/** An instant on the center's clock: 12月5日 14:05 / Dec 5, 14:05. */
export function clockTime(locale: RuleLocale, iso: string, timeZone: string): string {
  const key = `${locale}|${timeZone}`;
  let f = instantFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false, timeZone });
    instantFormats.set(key, f);
  }
  return f.format(new Date(iso));
}
