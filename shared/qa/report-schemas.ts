import { z } from 'zod';
import { CalendarDay, Id, Month, Text } from '../api/fields';
import { NamesSchema } from './schemas';

const Avg = z.number().nullable();
const CriterionFigureSchema = z.object({
  criterionId: z.string(),
  names: NamesSchema,
  average: z.number(),
  agents: z.number().int(),
  weak: z.array(z.object({ agentId: z.string(), agentName: z.string(), average: z.number() })),
});

export const PlanItemSchema = z.object({
  scope: z.enum(['team', 'agent']),
  criterionId: z.string(),
  names: NamesSchema,
  agentIds: z.array(z.string()),
  agentNames: z.array(z.string()),
  average: z.number(),
});
export type PlanItemView = z.infer<typeof PlanItemSchema>;

export const WeeklyInputSchema = z.object({ teamId: Id(), week: CalendarDay });

/** qa.weekly: one team's week of QA (Monday to Sunday, by the day each evaluation was written). */
export const WeeklyFiguresSchema = z.object({
  teamId: z.string(),
  /** Monday and Sunday of the week. */
  week: z.string(),
  weekEnd: z.string(),
  /** Active agents of the team, and how many of them were evaluated this week. */
  agents: z.number().int(),
  evaluatedAgents: z.number().int(),
  /** Evaluations written this week; the month (of the Monday) so far against every agent's monthly quota. */
  done: z.number().int(),
  month: z.string(),
  monthDone: z.number().int(),
  monthQuota: z.number().int(),
  average: Avg,
  /** The previous week's average (null: none), and the last six weeks oldest first. */
  previousAverage: Avg,
  trend: z.array(z.object({ week: z.string(), average: Avg, count: z.number().int() })),
  criticalFails: z.number().int(),
  criteria: z.array(CriterionFigureSchema),
  perAgent: z.array(z.object({ agentId: z.string(), agentName: z.string(), count: z.number().int(), average: Avg, criticalFails: z.number().int() })),
  plan: z.array(PlanItemSchema),
  /** The derivation's thresholds, shown beside the plan. */
  weakBelow: z.number(),
  teamShare: z.number(),
});
export type WeeklyFigures = z.infer<typeof WeeklyFiguresSchema>;

/** A training item as the QA inspector publishes it: the derived one, edited (agents, what to do). */
export const PublishedPlanItemSchema = z.object({
  scope: z.enum(['team', 'agent']),
  criterionId: Id(40),
  agentIds: z.array(Id()).max(200),
  action: Text(500).default(''),
});

export const PublishWeeklyInputSchema = z.object({
  teamId: Id(),
  /** Any day of the week: the Monday is what is kept. */
  week: CalendarDay,
  notes: Text(4000, { multiline: true }).default(''),
  plan: z.array(PublishedPlanItemSchema).max(100),
});

export const CorrectWeeklyInputSchema = z.object({ id: Id(), text: Text(1000, { required: true, multiline: true }) });

/** qa.weekly: a published weekly summary. Never edited: the figures are kept as published; corrections are appended. */
export const WeeklyRecordSchema = z.object({
  id: z.string(),
  teamId: z.string(),
  week: z.string(),
  publishedBy: z.string(),
  publishedByName: z.string(),
  publishedAt: z.string(),
  notes: z.string(),
  plan: z.array(PublishedPlanItemSchema.extend({ names: NamesSchema, agentNames: z.array(z.string()) })),
  figures: WeeklyFiguresSchema,
  corrections: z.array(z.object({ at: z.string(), by: z.string(), byName: z.string(), text: z.string() })),
  synced: z.boolean(),
});
export type WeeklyRecord = z.infer<typeof WeeklyRecordSchema>;

export const WeeklySummarySchema = WeeklyFiguresSchema.extend({ published: WeeklyRecordSchema.nullable() });
export type WeeklySummary = z.infer<typeof WeeklySummarySchema>;

/** qa.weekly "质检分析报告": the month across teams for the department director. */
export const AnalysisSchema = z.object({
  month: z.string(),
  months: z.array(z.string()),
  teams: z.array(
    z.object({
      teamId: z.string().nullable(),
      count: z.number().int(),
      average: Avg,
      criticalFails: z.number().int(),
      trend: z.array(z.object({ month: z.string(), average: Avg })),
      criteria: z.array(z.object({ criterionId: z.string(), names: NamesSchema, average: z.number() })),
    }),
  ),
  /** Center-wide per criterion: this month's average and its six-month trend. */
  criteria: z.array(z.object({ criterionId: z.string(), names: NamesSchema, average: Avg, trend: z.array(z.object({ month: z.string(), average: Avg })) })),
  /** Disputes raised on this month's evaluations and how they ended. */
  disputes: z.object({
    total: z.number().int(),
    open: z.number().int(),
    upheld: z.number().int(),
    amended: z.number().int(),
    byCriterion: z.array(z.object({ criterionId: z.string(), names: NamesSchema, open: z.number().int(), upheld: z.number().int(), amended: z.number().int() })),
  }),
  /** qa.rollcall: criteria weak for many agents center-wide (the team-wide rule of qa.weekly). */
  common: z.array(PlanItemSchema),
  evaluatedAgents: z.number().int(),
});
export type Analysis = z.infer<typeof AnalysisSchema>;

export const AnalysisInputSchema = z.object({ month: Month });
