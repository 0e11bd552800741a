import { addDays } from '../../../shared/calendar/day-kind';
import { zonedToInstant } from '../../../shared/roster/zoned-time';
import { dateFormat } from '../../i18n/date-format';

/** Calendar days [fromDay, toDay] on the center's clock as the instants the history asks for (toDay included). */
export function daysRange(fromDay: string, toDay: string, timeZone: string): { from: string; to: string } {
  return { from: new Date(zonedToInstant(fromDay, '00:00', timeZone)).toISOString(), to: new Date(zonedToInstant(addDays(toDay, 1), '00:00', timeZone)).toISOString() };
}

/** "2026-03-17 10:30" on the center's clock: the history spans days, so its times carry the date. */
export function formatDateTime(iso: string, locale: string, timeZone?: string): string {
  const parts = dateFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false, timeZone }).formatToParts(new Date(iso));
  const p = (type: string) => parts.find((x) => x.type === type)?.value ?? '';
  // The numeric form reads the same in all three languages; `locale` is kept for a center that wants otherwise.
  void locale;
  return `${p('year')}-${p('month')}-${p('day')} ${p('hour') === '24' ? '00' : p('hour')}:${p('minute')}`;
}
