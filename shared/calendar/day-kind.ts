import { CN_HOLIDAYS, type HolidaySpan } from './cn-holidays';

export type DayKind = 'holiday' | 'makeUpWorkday' | 'weekend' | 'workday';

/** A center's own additions or corrections (from an imported calendar); they win over the built-in list. */
export interface CalendarOverride {
  date: string;
  kind: 'holiday' | 'workday';
  name: string;
}

export interface DayInfo {
  date: string;
  kind: DayKind;
  /** The holiday's name key (built-in) or the imported summary; null on ordinary days. */
  holiday: HolidaySpan['name'] | string | null;
}

const DAY_MS = 86_400_000;
const toMs = (date: string) => Date.parse(`${date}T00:00:00Z`);
const toDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function addDays(date: string, n: number): string {
  return toDate(toMs(date) + n * DAY_MS);
}

/** 0 = Sunday … 6 = Saturday, for a calendar date (no time zone involved). */
export function weekday(date: string): number {
  return new Date(toMs(date)).getUTCDay();
}

/**
 * What kind of day a calendar date is: a public holiday, a make-up working day (调休), a weekend or a
 * working day. Feeds `leave.holiday` and `swap.holiday`.
 */
export function dayInfo(date: string, overrides: readonly CalendarOverride[] = []): DayInfo {
  const own = overrides.find((o) => o.date === date);
  if (own) return { date, kind: own.kind === 'holiday' ? 'holiday' : weekday(date) % 6 === 0 ? 'makeUpWorkday' : 'workday', holiday: own.kind === 'holiday' ? own.name : null };
  for (const span of CN_HOLIDAYS[Number(date.slice(0, 4))] ?? []) {
    if (date >= span.from && date <= span.to) return { date, kind: 'holiday', holiday: span.name };
    if (span.makeUpWorkdays.includes(date)) return { date, kind: 'makeUpWorkday', holiday: null };
  }
  return { date, kind: weekday(date) % 6 === 0 ? 'weekend' : 'workday', holiday: null };
}

export function isPublicHoliday(date: string, overrides: readonly CalendarOverride[] = []): boolean {
  return dayInfo(date, overrides).kind === 'holiday';
}

/** Every day from `from` to `to` inclusive (at most ~1 year, as a month grid or a report needs). */
export function daysBetween(from: string, to: string, overrides: readonly CalendarOverride[] = []): DayInfo[] {
  const out: DayInfo[] = [];
  for (let d = from; d <= to && out.length < 400; d = addDays(d, 1)) out.push(dayInfo(d, overrides));
  return out;
}
