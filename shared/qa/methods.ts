import { z } from 'zod';
import { Id, Month } from '../api/fields';
import { defineMethod } from '../api/method';
import {
  DisputeInputSchema,
  EvaluateInputSchema,
  EvaluationViewSchema,
  ListInputSchema,
  ProgressSchema,
  PublishTemplateSchema,
  RuleInputSchema,
  SampledCallSchema,
  SampleInputSchema,
  SummaryRowSchema,
  TemplateSchema,
} from './schemas';
import { CALIBRATORS, CalibrationViewSchema, OpenCalibrationSchema, ScoreCalibrationSchema } from './calibration-schemas';
import { AnalysisInputSchema, AnalysisSchema, CorrectWeeklyInputSchema, PublishWeeklyInputSchema, WeeklyInputSchema, WeeklyRecordSchema, WeeklySummarySchema } from './report-schemas';

const READERS = ['agent', 'team_lead', 'qa_inspector', 'department_director', 'center_director'] as const;
const OVERSEERS = ['team_lead', 'qa_inspector', 'department_director', 'center_director'] as const;
/** No "senior QA" post exists on the desk: the directors arbitrate disputes (docs/DECISIONS.md). */
export const ARBITRATORS = ['department_director', 'center_director'] as const;

export const qaMethods = {
  /** Every published version of every scorecard template (the built-in default included). */
  'qa.templates': defineMethod({ kind: 'query', access: READERS, input: z.object({}), output: z.array(TemplateSchema) }),
  /** A new template, or the next version of one (an evaluation keeps the version it was scored with). */
  'qa.publishTemplate': defineMethod({ kind: 'mutation', audit: true, access: ['qa_inspector', 'department_director'], input: PublishTemplateSchema, output: TemplateSchema }),
  /** qa.quota: calls to monitor next, spread over agents, shifts and categories (same seed, same list). */
  'qa.sample': defineMethod({ kind: 'query', access: ['qa_inspector'], input: SampleInputSchema, output: z.array(SampledCallSchema) }),
  /** qa.quota: a month's evaluations per agent against the quota, and per QA inspector. */
  'qa.progress': defineMethod({ kind: 'query', access: OVERSEERS, input: z.object({ month: Month }), output: ProgressSchema }),
  /** qa.form: a scored evaluation of one call, with comments pinned to times and details. */
  'qa.evaluate': defineMethod({ kind: 'mutation', access: ['qa_inspector'], input: EvaluateInputSchema, output: EvaluationViewSchema }),
  /** Evaluations in the reader's scope: an agent their own, a lead the team's, QA and directors all. */
  'qa.list': defineMethod({ kind: 'query', access: READERS, input: ListInputSchema, output: z.array(EvaluationViewSchema) }),
  'qa.get': defineMethod({ kind: 'query', access: READERS, input: z.object({ id: Id() }), output: EvaluationViewSchema }),
  /** The agent has read their evaluation. */
  'qa.acknowledge': defineMethod({ kind: 'mutation', access: ['agent'], input: z.object({ id: Id() }), output: EvaluationViewSchema }),
  /** qa.dispute: the agent disputes one criterion, with a reason, within the policy's days. */
  'qa.dispute': defineMethod({ kind: 'mutation', access: ['agent'], input: DisputeInputSchema, output: EvaluationViewSchema }),
  /** qa.dispute: a director upholds or amends the disputed criterion; the score is recomputed and the ruling logged. */
  'qa.rule': defineMethod({ kind: 'mutation', audit: true, access: ARBITRATORS, input: RuleInputSchema, output: EvaluationViewSchema }),
  /** qa.form: the monthly summary per agent (average, count against quota, weakest criteria, six-month trend). */
  'qa.summary': defineMethod({ kind: 'query', access: READERS, input: z.object({ month: Month }), output: z.array(SummaryRowSchema) }),
  /** qa.calibration: a session on one call (one template version) with the inspectors invited to score it blind. */
  'qa.calibrationOpen': defineMethod({ kind: 'mutation', access: CALIBRATORS, input: OpenCalibrationSchema, output: CalibrationViewSchema }),
  /** qa.calibration: an invited inspector's blind score, on the same form and scoring function as evaluations. */
  'qa.calibrationScore': defineMethod({ kind: 'mutation', access: CALIBRATORS, input: ScoreCalibrationSchema, output: CalibrationViewSchema }),
  /** qa.calibration: the owner closes the session (it closes by itself once everyone has scored). */
  'qa.calibrationClose': defineMethod({ kind: 'mutation', access: CALIBRATORS, input: z.object({ id: Id() }), output: CalibrationViewSchema }),
  /**
   * qa.calibration: the sessions, newest first; everyone's scores, deviations and the agreement only once a
   * session is closed. Asked of the server when online: a desk holds only its own inspector's scores.
   */
  'qa.calibrations': defineMethod({ kind: 'query', serverFirst: true, access: CALIBRATORS, input: z.object({}), output: z.array(CalibrationViewSchema) }),
  /** qa.weekly: a team's weekly QA summary and the training plan it calls for (a lead: own team; agents: none). */
  'qa.weekly': defineMethod({ kind: 'query', access: OVERSEERS, input: WeeklyInputSchema, output: WeeklySummarySchema }),
  /** qa.weekly: the QA inspector publishes a team's weekly summary and training plan (then immutable). */
  'qa.publishWeekly': defineMethod({ kind: 'mutation', audit: true, access: ['qa_inspector'], input: PublishWeeklyInputSchema, output: WeeklyRecordSchema }),
  /** qa.weekly: a correction appended to a published weekly summary (its figures stay as published). */
  'qa.correctWeekly': defineMethod({ kind: 'mutation', audit: true, access: ['qa_inspector', 'department_director', 'center_director'], input: CorrectWeeklyInputSchema, output: WeeklyRecordSchema }),
  /** Published weekly summaries in the reader's scope (a lead: own team), newest week first. */
  'qa.weeklyReports': defineMethod({ kind: 'query', access: OVERSEERS, input: z.object({ teamId: Id().optional() }), output: z.array(WeeklyRecordSchema) }),
  /** qa.weekly: the monthly QA analysis report for the department director (per team and criterion, trends, disputes, common problems). */
  'qa.analysis': defineMethod({ kind: 'query', access: ['qa_inspector', 'department_director', 'center_director'], input: AnalysisInputSchema, output: AnalysisSchema }),
};
