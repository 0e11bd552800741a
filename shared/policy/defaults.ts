import type { PolicyValues } from './schema';

/** The center's written rules as the originals state them (seeds/), before any center edits its policy. */
export const POLICY_DEFAULTS: PolicyValues = {
  timezone: 'Asia/Shanghai',
  ordinaryLeaveNoticeDays: 1, // 請假制度: 一般事假 提前一天
  specialLeaveNoticeHours: 1, // 請假制度: 特殊事假 提前一小時
  leaveDeptDirectorMaxDays: 1, // 請假制度: 一天以內 客服部主任批准
  sickCertificateFromDays: 1, // 請假制度: 病假一天以上 需醫院證明
  nightLeaveRequestDeadline: '12:00', // 請假制度: 夜班 當天中午十二點前
  holidayLeaveNoticeDays: 2, // 請假制度: 節假日 提前兩天
  lateThresholdMinutes: 20, // 請假制度: 遲到二十分鐘以上
  awayThresholdMinutes: 20, // 請假制度: 離崗二十分鐘以上
  maxSwapsPerMonth: 2, // 換班制度: 每人每月不超過兩次
  swapSkillTolerance: 1, // 換班制度: 工種、技能相當 (our reading: one level apart)
  earlyArrivalMinutes: 10, // 交接班制度: 提前十分鐘到崗
  // 請示報告制度 says 及時 (promptly), no number: these are the desk's starting values, a center sets its own.
  escalateResponseMinutesUrgent: 15, // leak, accident, danger: a level that has not answered in 15 min is passed over
  escalateResponseMinutesOrdinary: 60, // beyond remit, customer trouble
  escalateResolutionHoursUrgent: 4,
  escalateResolutionHoursOrdinary: 24,
  escalateWarnMinutes: 5, // warn this long before a target passes
  qaMonthlyQuota: 3, // 質檢員的職責: 每月監聽 1–5 次 (default 3)
  qaDisputeDays: 3, // the originals name no appeal; the desk's own rule qa.dispute: 3 days to dispute an evaluation
  monthlyQualityReportDueDay: 22, // 班長責任制: 每月22日前
  monthlyMeetingBeforeDay: 25, // 會議制度: 每月25日前的週五
  complaintDeductionPercent: 1, // 评价体系: 每起投诉扣减满意率 (amount set by the center)
  weightSatisfaction: 50, // 评价体系: weights are the center's choice
  weightResolution: 30,
  weightPlanSatisfaction: 20,
  surveyScalePoints: 5, // seed 004: 5, 7 or 10 point Likert scales
  // 服務承諾 (seed 001 Ⅲ): the center promises a time; the originals name none, so these are our defaults.
  workOrderDueHours: 48,
  complaintDueHours: 24,
  callbackDueHours: 72,
  workOrderWarnHours: 4,
  clockDriftMinutes: 5, // sync.clock-drift
  maxOfflineDays: 14, // sync.max-offline-age
};
