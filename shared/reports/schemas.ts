import { z } from 'zod';
import { CalendarDay, Id, Month, Text } from '../api/fields';
import { CALLBACK_OUTCOMES } from '../workorders/schemas';

/** daily: the day-shift lead's day (report.daily); monthly: the service-quality analysis (report.monthly-quality). */
export const REPORT_KINDS = ['daily', 'monthly'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export const REPORT_STATUSES = ['draft', 'submitted'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** The text sections each kind of report has, in the order the form shows them. */
export const REPORT_SECTIONS = {
  /** 系统问题、疑难汇总, and anything else the lead wants the director to know. */
  daily: ['systemProblems', 'difficultIssues', 'notes'],
  /** 总体情况、存在问题、改进措施. */
  monthly: ['summary', 'problems', 'improvements'],
} as const satisfies Record<ReportKind, readonly string[]>;
export const SECTION_KEYS = ['systemProblems', 'difficultIssues', 'notes', 'summary', 'problems', 'improvements'] as const;
export type SectionKey = (typeof SECTION_KEYS)[number];

/**
 * The figures of one team over one period, counted from its calls, work orders and escalations. Workload
 * (report.daily): consultations = calls of category consultation, queries = category query, proactive
 * service = callbacks (回访) the team made — the calls the center places itself. Events count in the period
 * they happened in (a work order closed today counts today, whenever it was created); complaints and their
 * resolution count by the day they were created, as workorders.stats does.
 */
export const FiguresSchema = z.object({
  calls: z.number().int(),
  consultations: z.number().int(),
  queries: z.number().int(),
  proactive: z.number().int(),
  /** Calls of the other categories (registration, suggestion): in the total, not in the three workload lines. */
  otherCalls: z.number().int(),
  complaintCalls: z.number().int(),
  /** Calls the agent flagged for a follow-up. */
  followUps: z.number().int(),
  workOrders: z.number().int(),
  workOrdersDone: z.number().int(),
  complaints: z.number().int(),
  complaintsResolved: z.number().int(),
  /** complaintsResolved / complaints, 0–1; null when there were none. */
  resolutionRate: z.number().nullable(),
  supervised: z.number().int(),
  callbacks: z.number().int(),
  callbacksByOutcome: z.record(z.enum(CALLBACK_OUTCOMES), z.number().int()),
  escalations: z.number().int(),
});
export type Figures = z.infer<typeof FiguresSchema>;

export const CorrectionSchema = z.object({ at: z.string(), by: z.string(), byName: z.string(), text: z.string() });
export type Correction = z.infer<typeof CorrectionSchema>;

export const ReportSchema = z.object({
  id: z.string(),
  kind: z.enum(REPORT_KINDS),
  teamId: z.string(),
  /** The day (daily) or month (monthly) it reports. */
  period: z.string(),
  authorId: z.string(),
  authorName: z.string(),
  status: z.enum(REPORT_STATUSES),
  /** Counted live while a draft; frozen when submitted. */
  figures: FiguresSchema,
  sections: z.partialRecord(z.enum(SECTION_KEYS), z.string()),
  /** Appended after submission; the submitted text itself never changes. */
  corrections: z.array(CorrectionSchema),
  submittedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** False until stored: a draft the form starts from, prefilled. */
  saved: z.boolean(),
  synced: z.boolean(),
  ruleIds: z.array(z.string()),
});
export type Report = z.infer<typeof ReportSchema>;

/** A report's period: a day for a daily report, a month for the monthly one (checked against the kind by the handler). */
const Period = z.union([CalendarDay, Month]);

export const ReportKeySchema = z.object({
  kind: z.enum(REPORT_KINDS),
  period: Period,
  /** The lead's own team when absent; a director names one. */
  teamId: Id().optional(),
});

export const SaveReportSchema = ReportKeySchema.extend({
  sections: z.partialRecord(z.enum(SECTION_KEYS), Text(4000, { multiline: true })),
  /** Submit to the director: afterwards the report only takes corrections. */
  submit: z.boolean().default(false),
});

export const CorrectReportSchema = z.object({ id: Id(100), text: Text(2000, { required: true, multiline: true }) });

export const ListReportsSchema = z.object({ kind: z.enum(REPORT_KINDS).optional(), teamId: Id().optional() });

export const WeeklyInputSchema = z.object({
  /** Any day of the week (Monday to Sunday) to sum. */
  week: CalendarDay,
  teamId: Id().optional(),
});
export const WeeklyReportSchema = z.object({
  teamId: z.string(),
  from: z.string(),
  to: z.string(),
  days: z.array(z.object({ date: z.string(), figures: FiguresSchema.nullable(), status: z.enum(REPORT_STATUSES).nullable() })),
  /** The submitted dailies' figures summed (the rate recomputed from the sums). */
  totals: FiguresSchema,
  /** Every submitted daily's text sections, day by day. */
  texts: z.array(z.object({ date: z.string(), key: z.enum(SECTION_KEYS), text: z.string() })),
  ruleIds: z.array(z.string()),
});
export type WeeklyReport = z.infer<typeof WeeklyReportSchema>;

export const FollowupsInputSchema = z.object({
  /** Any day of the last week to show; weeks run Monday to Sunday. */
  week: CalendarDay,
  weeks: z.number().int().min(1).max(12).default(4),
});
export const FollowupRowSchema = z.object({
  /** The week's Monday. */
  week: z.string(),
  teamId: z.string().nullable(),
  /** 督办: work orders pressed for this week. */
  supervised: z.number().int(),
  /** 反馈: work orders closed with an answer to the customer this week. */
  feedback: z.number().int(),
  /** 回访: callbacks made this week, and by outcome. */
  callbacks: z.number().int(),
  callbacksByOutcome: z.record(z.enum(CALLBACK_OUTCOMES), z.number().int()),
});
export type FollowupRow = z.infer<typeof FollowupRowSchema>;
export const FollowupsSchema = z.object({ weeks: z.array(z.string()), rows: z.array(FollowupRowSchema), ruleIds: z.array(z.string()) });
export type Followups = z.infer<typeof FollowupsSchema>;

export const AWARD_KINDS = ['reward', 'penalty'] as const;
export const AwardSchema = z.object({ personId: Id(), kind: z.enum(AWARD_KINDS), reason: Text(500, { required: true, multiline: true }) });
export const AwardViewSchema = z.object({ personId: z.string(), personName: z.string(), kind: z.enum(AWARD_KINDS), reason: z.string() });

export const MeetingSchema = z.object({
  id: z.string(),
  month: z.string(),
  /** The day it was held (the Friday before the 25th unless moved). */
  heldOn: z.string(),
  /** The center's month, counted when recorded. */
  figures: FiguresSchema,
  notes: z.string(),
  awards: z.array(AwardViewSchema),
  /**
   * QA results (质检检查情况) the rewards and penalties rest on. QA scorecards do not exist yet: always null
   * until the qa domain feeds its monthly results in here.
   */
  qaResults: z.null(),
  recordedBy: z.string(),
  recordedAt: z.string(),
  updatedAt: z.string(),
  synced: z.boolean(),
  ruleIds: z.array(z.string()),
});
export type Meeting = z.infer<typeof MeetingSchema>;

export const RecordMeetingSchema = z.object({
  month: Month,
  heldOn: CalendarDay,
  notes: Text(4000, { multiline: true }).default(''),
  awards: z.array(AwardSchema).max(200).default([]),
});

export const MeetingInputSchema = z.object({ month: Month });
export const MeetingViewSchema = z.object({
  month: z.string(),
  /** meeting.monthly: the Friday before the 25th (policy's day). */
  date: z.string(),
  record: MeetingSchema.nullable(),
  /** The month's figures as of now (the record's own when recorded). */
  figures: FiguresSchema,
  ruleIds: z.array(z.string()),
});
