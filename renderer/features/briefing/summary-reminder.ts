import type { Actor } from '../../../shared/auth/roles';
import { lastMonth, summaryReminder } from '../../../shared/briefing/rules';
import { REPORT_REMINDER_DAYS } from '../../../shared/reports/deadlines';
import { useCenterToday, usePolicy } from '../../client/use-policy';
import { useQuery } from '../../client/use-query';

/**
 * A duty lead's reminder of last month's duty summary (report.monthly-quality): from a week before the policy's
 * due day until it is saved. Null for everyone else, or when nothing is due.
 */
export function useSummaryReminder(actor: Actor): { month: string; due: string; daysLeft: number } | null {
  const { today } = useCenterToday();
  const { values } = usePolicy();
  const lead = actor.role === 'team_lead' && actor.teamId !== null;
  const month = lastMonth(today);
  const q = useQuery('briefing.dutyLog', lead ? { from: `${month}-01` } : null, { tables: ['duty_summaries', 'duty_log'] });
  if (!lead || !q.data) return null;
  const saved = q.data.summaries.some((s) => s.teamId === actor.teamId && s.month === month);
  return summaryReminder({ today, dueDay: values.monthlyQualityReportDueDay, aheadDays: REPORT_REMINDER_DAYS, saved });
}
