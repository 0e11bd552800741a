import { z } from 'zod';

const int = (min: number, max: number) => z.number().int().min(min).max(max);
const percent = int(0, 100);

/** Zones Intl has accepted (a few hundred exist at most, and policies name one): checked once each. */
const knownZones = new Set<string>();

/** An IANA zone the runtime knows, e.g. Asia/Shanghai. */
const TimeZone = z.string().min(1).max(64).refine(
  (tz) => {
    if (knownZones.has(tz)) return true;
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
    } catch {
      return false;
    }
    if (knownZones.size >= 64) knownZones.clear();
    knownZones.add(tz);
    return true;
  },
  { error: 'err.timezone' },
);

/**
 * Every parameter of the rulebook, with the range a center may set it to. Each key names the rule it
 * feeds (see POLICY_PARAMS); ranges keep a typo from switching a rule off.
 */
export const PolicyValuesSchema = z
  .object({
    timezone: TimeZone,
    ordinaryLeaveNoticeDays: int(0, 30),
    specialLeaveNoticeHours: int(0, 72),
    leaveDeptDirectorMaxDays: int(1, 30),
    sickCertificateFromDays: int(1, 30),
    nightLeaveRequestDeadline: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'err.timeOfDay' }),
    holidayLeaveNoticeDays: int(0, 30),
    lateThresholdMinutes: int(1, 240),
    awayThresholdMinutes: int(1, 240),
    maxSwapsPerMonth: int(0, 31),
    swapSkillTolerance: int(0, 10),
    earlyArrivalMinutes: int(0, 120),
    escalateResponseMinutesUrgent: int(1, 1440),
    escalateResponseMinutesOrdinary: int(1, 1440),
    escalateResolutionHoursUrgent: int(1, 720),
    escalateResolutionHoursOrdinary: int(1, 720),
    escalateWarnMinutes: int(0, 240),
    qaMonthlyQuota: int(1, 31),
    qaDisputeDays: int(1, 30),
    monthlyQualityReportDueDay: int(1, 28),
    monthlyMeetingBeforeDay: int(1, 28),
    complaintDeductionPercent: z.number().min(0).max(100),
    weightSatisfaction: percent,
    weightResolution: percent,
    weightPlanSatisfaction: percent,
    surveyScalePoints: z.union([z.literal(5), z.literal(7), z.literal(10)]),
    workOrderDueHours: int(1, 720),
    complaintDueHours: int(1, 720),
    callbackDueHours: int(1, 720),
    workOrderWarnHours: int(1, 72),
    clockDriftMinutes: int(1, 120),
    maxOfflineDays: int(1, 90),
  })
  .refine((v) => v.weightSatisfaction + v.weightResolution + v.weightPlanSatisfaction === 100, {
    path: ['weightSatisfaction'],
    error: 'err.weightsSum',
  });
export type PolicyValues = z.infer<typeof PolicyValuesSchema>;
export type PolicyKey = keyof PolicyValues;

export const PolicyVersionSchema = z.object({
  id: z.string(),
  effectiveFrom: z.iso.date(),
  values: PolicyValuesSchema,
  note: z.string(),
  createdBy: z.string(),
  createdByName: z.string(),
  createdAt: z.string(),
});
export type PolicyVersion = z.infer<typeof PolicyVersionSchema>;
