import { z } from 'zod';
import { Id, Month, Text } from '../api/fields';
import { CallCategorySchema } from '../calls/schemas';

/** Answer scales: yes/no (1 = yes) and Likert 5/7/10 points (1 = worst). */
export const SCALES = ['yesno', 'likert5', 'likert7', 'likert10'] as const;
export type Scale = (typeof SCALES)[number];

/** What a critical criterion fails when it scores its lowest: nothing, its own section, or the whole evaluation. */
export const CRITICAL = ['none', 'section', 'evaluation'] as const;
export type Critical = (typeof CRITICAL)[number];

/** A name in each UI language (zh-CN required: the center's own). */
export const NamesSchema = z.object({ 'zh-CN': Text(80, { required: true }), 'zh-TW': Text(80).default(''), en: Text(80).default('') });
export type Names = z.infer<typeof NamesSchema>;

const Weight = z.number().int().min(0).max(1000);

export const CriterionSchema = z.object({
  id: Id(40),
  names: NamesSchema,
  weight: Weight,
  scale: z.enum(SCALES),
  critical: z.enum(CRITICAL).default('none'),
  /** May be marked not applicable: its weight is then spread over the rest (docs/DECISIONS.md). */
  allowNa: z.boolean().default(false),
});
export type Criterion = z.infer<typeof CriterionSchema>;

export const SectionSchema = z.object({
  id: Id(40),
  names: NamesSchema,
  weight: Weight,
  criteria: z.array(CriterionSchema).max(40),
});
export type Section = z.infer<typeof SectionSchema>;

/** The shape of a scorecard; `weightTotal` is what section weights, and each section's criterion weights, sum to. */
export const TemplateBodySchema = z.object({
  names: NamesSchema,
  weightTotal: z.number().int().min(1).max(1000).default(100),
  sections: z.array(SectionSchema).max(20),
});
export type TemplateBody = z.infer<typeof TemplateBodySchema>;

/** One published version of a template: never edited; editing publishes the next version. */
export const TemplateSchema = TemplateBodySchema.extend({
  /** This version's id (what an evaluation names). */
  id: z.string(),
  templateId: z.string(),
  version: z.number().int().min(1),
  createdBy: z.string(),
  createdAt: z.string(),
  /** Built into the desk (the default qa.criteria scorecard), not a stored row. */
  builtin: z.boolean(),
});
export type Template = z.infer<typeof TemplateSchema>;

export const PublishTemplateSchema = TemplateBodySchema.extend({
  /** The new version's id, chosen by the desk (a replay writes the same row). */
  id: z.uuid(),
  /** The template this is a new version of; a new template names a fresh id. */
  templateId: Id(64),
  /** The version this edit started from (0: a new template): a stale edit is refused, not silently forked. */
  basedOn: z.number().int().min(0).max(100_000),
});

/** One criterion's answer: a point of its scale, or null for not applicable. */
export const AnswerSchema = z.object({ criterionId: Id(40), value: z.number().int().min(0).max(10).nullable() });
export type Answer = z.infer<typeof AnswerSchema>;

/** A comment on the call, optionally pinned to a moment of its recording (seconds from the start). */
export const CommentSchema = z.object({
  atSec: z.number().int().min(0).max(24 * 3600).nullable().default(null),
  criterionId: Id(40).nullable().default(null),
  text: Text(1000, { required: true, multiline: true }),
});
export type Comment = z.infer<typeof CommentSchema>;

export const EvaluateInputSchema = z.object({
  id: z.uuid(),
  callId: Id(),
  /** The template version the inspector scored with: a newer one published meanwhile is refused. */
  templateVersionId: Id(),
  answers: z.array(AnswerSchema).max(400),
  comments: z.array(CommentSchema).max(100).default([]),
  details: Text(4000, { multiline: true }).default(''),
  /** The score the desk showed; the handler recomputes it and refuses a different one. */
  expectedScore: z.number().min(0).max(100),
});

export const DISPUTE_STATUSES = ['open', 'upheld', 'amended'] as const;
export const DisputeSchema = z.object({
  criterionId: z.string(),
  reason: z.string(),
  at: z.string(),
  status: z.enum(DISPUTE_STATUSES),
  ruling: z.object({ by: z.string(), at: z.string(), value: z.number().nullable(), note: z.string() }).nullable(),
});
export type Dispute = z.infer<typeof DisputeSchema>;

export const LOG_KINDS = ['scored', 'acknowledged', 'disputed', 'upheld', 'amended'] as const;
export const LogEventSchema = z.object({
  at: z.string(),
  by: z.string(),
  kind: z.enum(LOG_KINDS),
  criterionId: z.string().nullable(),
  /** The evaluation's score before and after (a ruling that amends recomputes it). */
  from: z.number().nullable(),
  to: z.number().nullable(),
  text: z.string(),
  ruleIds: z.array(z.string()),
});
export type LogEvent = z.infer<typeof LogEventSchema>;

export const EvaluationSchema = z.object({
  id: z.string(),
  callId: z.string(),
  agentId: z.string(),
  agentName: z.string(),
  teamId: z.string().nullable(),
  inspectorId: z.string(),
  inspectorName: z.string(),
  templateVersionId: z.string(),
  /** The center month of the call (YYYY-MM): what the quota counts. */
  month: z.string(),
  callStartedAt: z.string(),
  answers: z.array(AnswerSchema),
  comments: z.array(CommentSchema),
  details: z.string(),
  score: z.number(),
  /** A critical criterion failed ('none' otherwise): the score shows why it is 0. */
  critical: z.enum(CRITICAL),
  acknowledgedAt: z.string().nullable(),
  disputes: z.array(DisputeSchema),
  log: z.array(LogEventSchema),
  createdAt: z.string(),
  updatedAt: z.string(),
  synced: z.boolean(),
});
export type Evaluation = z.infer<typeof EvaluationSchema>;

export const EvaluationViewSchema = EvaluationSchema.extend({
  /** Until when the agent may dispute (createdAt + the policy's dispute days). */
  disputeBy: z.string(),
  mine: z.object({ asAgent: z.boolean(), asArbitrator: z.boolean() }),
});
export type EvaluationView = z.infer<typeof EvaluationViewSchema>;

export const ListInputSchema = z.object({ month: Month.optional(), agentId: Id().optional() });

export const DisputeInputSchema = z.object({ id: Id(), criterionId: Id(40), reason: Text(2000, { required: true, multiline: true }) });
export const RuleInputSchema = z.object({
  id: Id(),
  criterionId: Id(40),
  outcome: z.enum(['upheld', 'amended']),
  /** The amended point of the scale (null: not applicable); ignored when upheld. */
  value: z.number().int().min(0).max(10).nullable().default(null),
  note: Text(2000, { multiline: true }).default(''),
});

export const SampleInputSchema = z.object({
  month: Month,
  /** Same seed, same calls: the pick can be repeated and checked. */
  seed: Text(64).default(''),
  limit: z.number().int().min(1).max(200).default(20),
});
export const SampledCallSchema = z.object({
  callId: z.string(),
  agentId: z.string(),
  agentName: z.string(),
  shift: z.string(),
  category: CallCategorySchema,
  startedAt: z.string(),
  summary: z.string(),
});

export const ProgressSchema = z.object({
  month: z.string(),
  quota: z.number().int(),
  agents: z.array(z.object({ agentId: z.string(), agentName: z.string(), teamId: z.string().nullable(), calls: z.number().int(), evaluated: z.number().int() })),
  inspectors: z.array(z.object({ inspectorId: z.string(), inspectorName: z.string(), evaluated: z.number().int() })),
  /** Evaluations still owed this month to reach every agent's quota (agents with calls only). */
  left: z.number().int(),
});

export const SummaryRowSchema = z.object({
  agentId: z.string(),
  agentName: z.string(),
  teamId: z.string().nullable(),
  average: z.number().nullable(),
  count: z.number().int(),
  quota: z.number().int(),
  flagged: z.number().int(),
  /** Lowest-scoring criteria this month (average 0..100), weakest first. */
  weakest: z.array(z.object({ criterionId: z.string(), names: NamesSchema, average: z.number() })),
  /** The average of each of the last six months, oldest first (null: no evaluation). */
  trend: z.array(z.object({ month: z.string(), average: z.number().nullable() })),
});
export type SummaryRow = z.infer<typeof SummaryRowSchema>;
