import { calendarDay, calendarMonth, clockTime } from '../../../shared/rules/units';
import type { UiLocale } from '../../../shared/i18n/local-names';
import type { T } from '../../i18n/i18n-store';
import { shiftName } from '../../client/names';

interface SwapLike {
  requesterId: string;
  requesterName: string;
  partnerId: string;
  partnerName: string;
  giveDate: string;
  giveShift: string | null;
  takeDate: string;
  takeShift: string | null;
}

/** A day as people say it, and the shift of that day by name (or "to be checked by the server", never "?"). */
export const dayText = (locale: UiLocale, date: string) => calendarDay(locale, date);
export const monthText = (locale: UiLocale, month: string) => calendarMonth(locale, month);
const shiftText = (t: T, code: string | null) => (code ? shiftName(code) : t('swap.shiftUnknown'));

/**
 * A swap read from the reader's own side: the requester gives and takes back, the colleague works one and is
 * paid back, a lead sees both people ("you give your Dec 10 day shift and take Zhao Lei's Dec 14 evening shift").
 */
export function swapSideLine(t: T, locale: UiLocale, s: SwapLike, me: string): string {
  const params = {
    requester: s.requesterName,
    partner: s.partnerName,
    giveDay: dayText(locale, s.giveDate),
    give: shiftText(t, s.giveShift),
    takeDay: dayText(locale, s.takeDate),
    take: shiftText(t, s.takeShift),
  };
  if (s.requesterId === me) return t('swap.side.requester', params);
  if (s.partnerId === me) return t('swap.side.partner', params);
  return t('swap.side.other', params);
}

/** The pay-back still owed, from the reader's side. */
export function owedLine(t: T, locale: UiLocale, s: SwapLike, me: string): string {
  const params = { who: s.requesterName, to: s.partnerName, date: dayText(locale, s.takeDate), shift: shiftText(t, s.takeShift) };
  if (s.requesterId === me) return t('swap.iOweLine', params);
  if (s.partnerId === me) return t('swap.owedMeLine', params);
  return t('swap.owed', params);
}

/** "Done offline at …": a request acted on a desk long offline, as an approver should weigh it. */
export function actedOfflineLine(t: T, locale: UiLocale, at: string, zone: string): string {
  return t('request.actedOffline', { at: clockTime(locale, at, zone) });
}
