import type { CallbackOutcome } from '../../../shared/workorders/schemas';
import type { Figures, ReportKind } from '../../../shared/reports/schemas';

/** One line of figures as a report shows it: a count, the resolution rate, or callbacks of one outcome. */
export type FigureLine = Exclude<keyof Figures, 'callbacksByOutcome'> | `cb.${CallbackOutcome}`;

/**
 * The lines each report shows, in order. The daily report leads with the workload of report.daily
 * (consultations, queries, proactive service); the monthly one with complaints and their resolution.
 */
export const FIGURE_LINES: Record<ReportKind | 'meeting', readonly FigureLine[]> = {
  daily: ['calls', 'consultations', 'queries', 'proactive', 'otherCalls', 'complaintCalls', 'followUps', 'workOrders', 'workOrdersDone', 'complaints', 'complaintsResolved', 'resolutionRate', 'supervised', 'callbacks', 'escalations'],
  monthly: ['calls', 'consultations', 'queries', 'proactive', 'complaintCalls', 'followUps', 'complaints', 'complaintsResolved', 'resolutionRate', 'workOrders', 'workOrdersDone', 'supervised', 'callbacks', 'cb.satisfied', 'cb.unsatisfied', 'cb.unreachable', 'escalations'],
  meeting: ['calls', 'consultations', 'queries', 'proactive', 'complaints', 'complaintsResolved', 'resolutionRate', 'workOrders', 'workOrdersDone', 'supervised', 'callbacks', 'cb.satisfied', 'cb.unsatisfied', 'cb.unreachable'],
};

/** The weekly table's columns: the workload and what became of it. */
export const WEEKLY_LINES: readonly FigureLine[] = ['calls', 'consultations', 'queries', 'proactive', 'complaintCalls', 'workOrders', 'workOrdersDone', 'complaints', 'callbacks', 'escalations'];

/** A line's value: a count, a share 0–1 (the rate), or null when there is nothing to divide. */
export function figureValue(f: Figures, line: FigureLine): number | null {
  if (line.startsWith('cb.')) return f.callbacksByOutcome[line.slice(3) as CallbackOutcome];
  return f[line as Exclude<FigureLine, `cb.${string}`>];
}

/** "50%": a share as people say it; a dash when there was nothing to count. */
export function shareText(v: number | null): string {
  return v === null ? '—' : `${Math.round(v * 100)}%`;
}
