import type { T } from '../../i18n/i18n-store';

/** "3 h 20 min left" / "1 h overdue": time to due in the units people use, from now. */
export function dueText(t: T, dueAt: string, now: number): string {
  const ms = Date.parse(dueAt) - now;
  const mins = Math.floor(Math.abs(ms) / 60_000);
  const h = Math.floor(mins / 60);
  const m = mins % 60;
  // Ten hours and more read to the nearest hour (23 h 59 min left is "24 hours"); less, to the minute.
  const time = h >= 10 ? t('wo.hours', { h: Math.round(mins / 60) }) : h === 0 ? t('wo.minutes', { m }) : m === 0 ? t('wo.hours', { h }) : t('wo.hoursMinutes', { h, m });
  return ms >= 0 ? t('wo.left', { time }) : t('wo.late', { time });
}
