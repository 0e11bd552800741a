import { addDays } from '../../../shared/calendar/day-kind';
import { zonedToInstant } from '../../../shared/roster/zoned-time';
import { dateFormat } from '../../i18n/date-format';

/** 65 → "1:05", 3725 → "1:02:05". */
export function formatDuration(totalSec: number): string {
  const s = Math.max(0, Math.floor(totalSec));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}

export function formatClock(iso: string, locale: string, timeZone?: string): string {
  return dateFormat(locale, { hour: '2-digit', minute: '2-digit', hour12: false, timeZone }).format(new Date(iso));
}

/** [start of `today`, start of the next day) on the center's clock, as ISO instants. */
export function dayRange(today: string, timeZone: string): { from: string; to: string } {
  return { from: new Date(zonedToInstant(today, '00:00', timeZone)).toISOString(), to: new Date(zonedToInstant(addDays(today, 1), '00:00', timeZone)).toISOString() };
}
