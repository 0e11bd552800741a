import type { T } from '../../i18n/i18n-store';
import { isMessageKey } from '../../i18n/catalogues';

/** "Spring Festival", "Make-up working day"… for a day's kind and holiday name. */
export function dayLabel(t: T, day: { kind: string; holiday: string | null }): string | null {
  if (day.kind === 'holiday') {
    const key = `calendar.holiday.${day.holiday}`;
    return isMessageKey(key) ? t(key) : (day.holiday ?? t('day.holiday'));
  }
  if (day.kind === 'makeUpWorkday') return t('day.makeUpWorkday');
  return null;
}

export const DAY_COLORS: Record<string, string> = { holiday: '#fff1f0', makeUpWorkday: '#fffbe6', weekend: '#fafafa', workday: 'transparent' };
