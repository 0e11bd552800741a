import { addDays, weekday } from '../calendar/day-kind';

/**
 * meeting.monthly: the all-agent meeting is "the Friday before the {beforeDay}th" (每月25日前的周五). We read
 * "before" as strictly before: the last Friday on or before day beforeDay − 1 of the month (when the 25th is
 * itself a Friday, the meeting is the 18th).
 */
export function monthlyMeetingDate(month: string, beforeDay: number): string {
  let d = addDays(`${month}-${String(beforeDay).padStart(2, '0')}`, -1);
  while (weekday(d) !== 5) d = addDays(d, -1);
  return d;
}

/**
 * report.monthly-quality: this month's service-quality analysis report is due on day `dueDay` (22日前交: on or
 * before the 22nd). Days left counts from `today` (0: due today; negative: late).
 */
export function qualityReportDue(today: string, dueDay: number): { due: string; daysLeft: number } {
  const due = `${today.slice(0, 7)}-${String(dueDay).padStart(2, '0')}`;
  return { due, daysLeft: Math.round((Date.parse(`${due}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000) };
}

/** How many days ahead the desk starts reminding a lead of the monthly report. */
export const REPORT_REMINDER_DAYS = 7;
