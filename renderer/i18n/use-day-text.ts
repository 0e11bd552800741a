import { calendarDay } from '../../shared/rules/units';
import { useI18n } from './i18n-store';

/** A calendar date (YYYY-MM-DD) as the reader says it, in their language: 3月20日周五 / Fri, Mar 20. */
export function useDayText(): (date: string) => string {
  const locale = useI18n((s) => s.locale);
  return (date) => calendarDay(locale, date);
}
