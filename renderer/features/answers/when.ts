import { dateFormat } from '../../i18n/date-format';

/** An instant as the center's clock reads it, `YYYY-MM-DD HH:mm` (the same in every UI language). */
export function when(instant: string, timeZone: string): string {
  return dateFormat('sv-SE', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(instant));
}
