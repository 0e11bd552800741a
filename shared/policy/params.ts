import type { PolicyKey } from './schema';
import type { RuleId } from '../rules/registry';

export type PolicyUnit = 'zone' | 'days' | 'hours' | 'minutes' | 'count' | 'levels' | 'time' | 'dayOfMonth' | 'percent' | 'points';
export type PolicyGroup = 'center' | 'leave' | 'swap' | 'handover' | 'escalate' | 'qa' | 'report' | 'service' | 'eval' | 'sync';

/** Which rule each parameter feeds, and how the editor shows it. The order is the editor's order. */
export const POLICY_PARAMS: Record<PolicyKey, { group: PolicyGroup; unit: PolicyUnit; ruleIds: readonly RuleId[] }> = {
  timezone: { group: 'center', unit: 'zone', ruleIds: [] },
  ordinaryLeaveNoticeDays: { group: 'leave', unit: 'days', ruleIds: ['leave.advance'] },
  specialLeaveNoticeHours: { group: 'leave', unit: 'hours', ruleIds: ['leave.advance'] },
  leaveDeptDirectorMaxDays: { group: 'leave', unit: 'days', ruleIds: ['leave.authority'] },
  sickCertificateFromDays: { group: 'leave', unit: 'days', ruleIds: ['leave.sick-certificate'] },
  nightLeaveRequestDeadline: { group: 'leave', unit: 'time', ruleIds: ['leave.night-shift'] },
  holidayLeaveNoticeDays: { group: 'leave', unit: 'days', ruleIds: ['leave.holiday'] },
  lateThresholdMinutes: { group: 'leave', unit: 'minutes', ruleIds: ['leave.discipline'] },
  awayThresholdMinutes: { group: 'leave', unit: 'minutes', ruleIds: ['leave.discipline'] },
  maxSwapsPerMonth: { group: 'swap', unit: 'count', ruleIds: ['swap.monthly-limit'] },
  swapSkillTolerance: { group: 'swap', unit: 'levels', ruleIds: ['swap.same-role-skill'] },
  earlyArrivalMinutes: { group: 'handover', unit: 'minutes', ruleIds: ['handover.early-arrival'] },
  escalateResponseMinutesUrgent: { group: 'escalate', unit: 'minutes', ruleIds: ['escalate.must-report', 'escalate.level-by-level'] },
  escalateResponseMinutesOrdinary: { group: 'escalate', unit: 'minutes', ruleIds: ['escalate.must-report', 'escalate.level-by-level'] },
  escalateResolutionHoursUrgent: { group: 'escalate', unit: 'hours', ruleIds: ['escalate.must-report'] },
  escalateResolutionHoursOrdinary: { group: 'escalate', unit: 'hours', ruleIds: ['escalate.must-report'] },
  escalateWarnMinutes: { group: 'escalate', unit: 'minutes', ruleIds: ['escalate.must-report'] },
  qaMonthlyQuota: { group: 'qa', unit: 'count', ruleIds: ['qa.quota'] },
  qaDisputeDays: { group: 'qa', unit: 'days', ruleIds: ['qa.dispute'] },
  monthlyQualityReportDueDay: { group: 'report', unit: 'dayOfMonth', ruleIds: ['report.monthly-quality'] },
  monthlyMeetingBeforeDay: { group: 'report', unit: 'dayOfMonth', ruleIds: ['meeting.monthly'] },
  workOrderDueHours: { group: 'service', unit: 'hours', ruleIds: ['workorder.due'] },
  complaintDueHours: { group: 'service', unit: 'hours', ruleIds: ['workorder.due', 'complaint.resolve'] },
  callbackDueHours: { group: 'service', unit: 'hours', ruleIds: ['workorder.due', 'report.weekly-followups'] },
  workOrderWarnHours: { group: 'service', unit: 'hours', ruleIds: ['workorder.pre-breach'] },
  complaintDeductionPercent: { group: 'eval', unit: 'percent', ruleIds: ['eval.complaint-deduction'] },
  weightSatisfaction: { group: 'eval', unit: 'percent', ruleIds: ['eval.weights'] },
  weightResolution: { group: 'eval', unit: 'percent', ruleIds: ['eval.weights'] },
  weightPlanSatisfaction: { group: 'eval', unit: 'percent', ruleIds: ['eval.weights'] },
  surveyScalePoints: { group: 'eval', unit: 'points', ruleIds: ['eval.satisfaction'] },
  clockDriftMinutes: { group: 'sync', unit: 'minutes', ruleIds: ['sync.clock-drift'] },
  maxOfflineDays: { group: 'sync', unit: 'days', ruleIds: ['sync.max-offline-age'] },
};

/** Keys whose value differs between two versions, in editor order (the audit's "what changed"). */
export function changedKeys(before: Record<PolicyKey, unknown> | null, after: Record<PolicyKey, unknown>): PolicyKey[] {
  return (Object.keys(POLICY_PARAMS) as PolicyKey[]).filter((k) => !before || before[k] !== after[k]);
}
