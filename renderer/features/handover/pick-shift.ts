/** The shape `duty.mine` answers with, as far as choosing among days needs it. */
export interface DayShift {
  date: string;
  shift: { start: string; end: string } | null;
  attendance: { checkedOutAt: string | null } | null;
  opensAt: string | null;
}

/**
 * Which day's shift the one key acts on at `now`: a shift still checked in from yesterday (an evening shift
 * ends at midnight, its check-out falls on the next calendar day), else tomorrow's once its check-in has opened
 * and today's is over or absent (a night shift from 00:00 is checked in for before midnight), else today's.
 */
export function pickShift<T extends DayShift>(days: { yesterday?: T; today?: T; tomorrow?: T }, now: number): T | undefined {
  const { yesterday, today, tomorrow } = days;
  if (yesterday?.attendance && !yesterday.attendance.checkedOutAt) return yesterday;
  const todayOver = !today?.shift || Date.parse(today.shift.end) <= now || Boolean(today.attendance?.checkedOutAt);
  const todayOpen = today?.attendance && !today.attendance.checkedOutAt;
  if (!todayOpen && todayOver && tomorrow?.shift && tomorrow.opensAt && Date.parse(tomorrow.opensAt) <= now) return tomorrow;
  return today;
}
