import { z } from 'zod';
import { CalendarDay, Id, Month, Text } from '../api/fields';
import { RuleCheckSchema } from '../rules/check';

/** Likert scales the surveys use (seeds/004: 五级、七级或十级量表). */
export const SURVEY_SCALES = [5, 7, 10] as const;
export type SurveyScale = (typeof SURVEY_SCALES)[number];

/**
 * The four kinds of major incident of seeds/000 四(五)1(5): 客户举报、有价票证重大安全事件、
 * 重大业务差错事故、重大违规违纪. Any one sets the unit's satisfaction rate for the period to zero.
 */
export const INCIDENT_KINDS = ['customerReport', 'valuablesSecurity', 'businessError', 'violation'] as const;
export type IncidentKind = (typeof INCIDENT_KINDS)[number];

/** Where the complaint counts came from: the desk's work orders (type complaint) or typed in by hand. */
export const COUNT_SOURCES = ['workorders', 'manual'] as const;

/** A count people enter: a whole number from 0 to a million (`err.count`). */
const Count = z.number({ error: 'err.count' }).int({ error: 'err.count' }).min(0, { error: 'err.count' }).max(1_000_000, { error: 'err.count' });

export const IncidentSchema = z.object({
  kind: z.enum(INCIDENT_KINDS),
  date: CalendarDay,
  description: Text(500, { required: true, multiline: true }),
});
export type Incident = z.infer<typeof IncidentSchema>;

/** One unit's (team's) inputs for one month, as entered. Counts per Likert point: point 1 first. */
export const SaveEvaluationSchema = z
  .object({
    teamId: Id(),
    month: Month,
    surveyScale: z.union([z.literal(5), z.literal(7), z.literal(10)], { error: 'err.surveyScale' }),
    /** Answers per point of the scale; a point the scale lacks is refused (`err.likertPoint`). */
    surveyCounts: z.array(z.object({ point: z.number().int({ error: 'err.likertPoint' }), count: Count })).max(10),
    complaintSource: z.enum(COUNT_SOURCES),
    complaints: Count,
    complaintsResolved: Count,
    suggestions: Count,
    suggestionsResolved: Count,
    plansRated: Count,
    plansSatisfied: Count,
    incidents: z.array(IncidentSchema).max(20),
  })
  .superRefine((v, ctx) => {
    const seen = new Set<number>();
    v.surveyCounts.forEach((c, i) => {
      if (c.point < 1 || c.point > v.surveyScale) ctx.addIssue({ code: 'custom', path: ['surveyCounts', i, 'point'], message: 'err.likertPoint', params: { scale: v.surveyScale } });
      else if (seen.has(c.point)) ctx.addIssue({ code: 'custom', path: ['surveyCounts', i, 'point'], message: 'err.likertPointTwice' });
      seen.add(c.point);
    });
    const atMost = (resolved: keyof typeof v, of: keyof typeof v) => {
      if ((v[resolved] as number) > (v[of] as number)) ctx.addIssue({ code: 'custom', path: [resolved], message: 'err.moreThanReceived' });
    };
    atMost('complaintsResolved', 'complaints');
    atMost('suggestionsResolved', 'suggestions');
    atMost('plansSatisfied', 'plansRated');
    v.incidents.forEach((inc, i) => {
      if (!inc.date.startsWith(`${v.month}-`)) ctx.addIssue({ code: 'custom', path: ['incidents', i, 'date'], message: 'err.incidentOutsideMonth' });
    });
  });
export type SaveEvaluation = z.infer<typeof SaveEvaluationSchema>;

export const ListEvaluationsSchema = z
  .object({ from: Month, to: Month, teamId: Id().optional() })
  .refine((v) => v.from <= v.to, { path: ['to'], error: 'err.range' });

/** The indicators of one unit and month, in percent (0–100); null where there was nothing to measure. */
export const EvaluationResultSchema = z.object({
  surveyed: z.number().int(),
  satisfied: z.number().int(),
  /** The lowest point that counts as satisfied on this scale (top-two-box). */
  satisfiedFrom: z.number().int(),
  /** Satisfied answers / answers, before deductions. */
  surveyRate: z.number().nullable(),
  /** Percentage points taken off for complaints (eval.complaint-deduction). */
  deduction: z.number(),
  /** The rate that counts: after deductions, zero after a major incident. */
  satisfactionRate: z.number().nullable(),
  resolutionRate: z.number(),
  planRate: z.number().nullable(),
  /** The weighted composite, 0–100 (eval.weights); null only when nothing at all was measured. */
  composite: z.number().nullable(),
  checks: z.array(RuleCheckSchema),
});
export type EvaluationResult = z.infer<typeof EvaluationResultSchema>;

export const EvaluationSchema = z.object({
  id: z.string(),
  teamId: z.string(),
  month: z.string(),
  surveyScale: z.number().int(),
  /** Answers per point, point 1 first (length = the scale). */
  surveyCounts: z.array(z.number().int()),
  complaintSource: z.enum(COUNT_SOURCES),
  complaints: z.number().int(),
  complaintsResolved: z.number().int(),
  suggestions: z.number().int(),
  suggestionsResolved: z.number().int(),
  plansRated: z.number().int(),
  plansSatisfied: z.number().int(),
  incidents: z.array(IncidentSchema),
  enteredBy: z.string(),
  enteredByName: z.string(),
  updatedAt: z.string(),
  synced: z.boolean(),
  result: EvaluationResultSchema,
});
export type Evaluation = z.infer<typeof EvaluationSchema>;
