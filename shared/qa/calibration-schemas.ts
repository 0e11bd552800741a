import { z } from 'zod';
import { Id, Text } from '../api/fields';
import { CallCategorySchema } from '../calls/schemas';
import { AnswerSchema, CommentSchema, CRITICAL } from './schemas';

/** Who may run and score calibration sessions: QA inspectors and the directors (qa.calibration). */
export const CALIBRATORS = ['qa_inspector', 'department_director', 'center_director'] as const;

export const OpenCalibrationSchema = z.object({
  id: z.uuid(),
  callId: Id(),
  /** The scorecard version everyone scores with (any published version: all score the same form). */
  templateVersionId: Id(),
  /** The inspectors invited to score blind (the owner may be one of them). */
  participants: z.array(Id()).max(12),
  /** The reference scorer (one of the participants), or null: the participants' mean is the reference. */
  referenceId: Id().nullable().default(null),
  note: Text(500, { multiline: true }).default(''),
});

export const ScoreCalibrationSchema = z.object({
  /** The score row's id, chosen by the desk (a replay writes the same row). */
  id: z.uuid(),
  sessionId: Id(),
  answers: z.array(AnswerSchema).max(400),
  comments: z.array(CommentSchema).max(100).default([]),
  details: Text(4000, { multiline: true }).default(''),
  /** The score the desk showed; the handler recomputes it and refuses a different one. */
  expectedScore: z.number().min(0).max(100),
});

export const CALIBRATION_STATUSES = ['open', 'closed'] as const;

/** A session as stored: who scored is public within the session (a list of ids, no values). */
export const CalibrationSchema = z.object({
  id: z.string(),
  callId: z.string(),
  templateVersionId: z.string(),
  ownerId: z.string(),
  participants: z.array(z.string()),
  referenceId: z.string().nullable(),
  note: z.string(),
  /** Who has submitted, oldest first (ids and times only: the scores stay in their own rows). */
  scored: z.array(z.object({ inspectorId: z.string(), at: z.string() })),
  status: z.enum(CALIBRATION_STATUSES),
  closedAt: z.string().nullable(),
  closedBy: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Calibration = z.infer<typeof CalibrationSchema>;

/** One inspector's blind score of the session's call. */
export const CalibrationScoreSchema = z.object({
  id: z.string(),
  sessionId: z.string(),
  inspectorId: z.string(),
  answers: z.array(AnswerSchema),
  comments: z.array(CommentSchema),
  details: z.string(),
  score: z.number(),
  critical: z.enum(CRITICAL),
  createdAt: z.string(),
});
export type CalibrationScore = z.infer<typeof CalibrationScoreSchema>;

export const AGREEMENT_READINGS = ['good', 'acceptable', 'poor', 'undefined'] as const;
export type AgreementReading = (typeof AGREEMENT_READINGS)[number];

/** The outcome of a closed session: each one's score and deviation, and how far they agree. */
export const CalibrationResultsSchema = z.object({
  /** 'mean' or the reference scorer's id. */
  reference: z.object({ kind: z.enum(['mean', 'scorer']), inspectorId: z.string().nullable(), total: z.number(), criteria: z.record(z.string(), z.number().nullable()) }),
  inspectors: z.array(
    z.object({
      inspectorId: z.string(),
      inspectorName: z.string(),
      score: z.number(),
      critical: z.enum(CRITICAL),
      answers: z.array(AnswerSchema),
      details: z.string(),
      /** score − reference total (score points, 0..100 scale). */
      deviation: z.number(),
      /** Per criterion: answer − reference answer, in points of the criterion's scale (null: N/A on either side). */
      criteria: z.record(z.string(), z.number().nullable()),
    }),
  ),
  /** Krippendorff's alpha (interval), units = criteria, coders = inspectors; null when undefined. */
  alpha: z.number().nullable(),
  alphaReading: z.enum(AGREEMENT_READINGS),
  /** ICC(2,1) (absolute agreement) over the criteria every inspector answered; null when undefined. */
  icc: z.number().nullable(),
  iccReading: z.enum(AGREEMENT_READINGS),
  /** Mean absolute deviation of the totals from the reference. */
  meanAbsDeviation: z.number(),
});
export type CalibrationResults = z.infer<typeof CalibrationResultsSchema>;

export const CalibrationViewSchema = CalibrationSchema.extend({
  ownerName: z.string(),
  participantNames: z.record(z.string(), z.string()),
  call: z.object({ agentName: z.string(), startedAt: z.string(), category: CallCategorySchema, summary: z.string() }).nullable(),
  /** The reader's own score, if submitted. */
  myScore: CalibrationScoreSchema.nullable(),
  mine: z.object({ invited: z.boolean(), owner: z.boolean(), mayScore: z.boolean(), mayClose: z.boolean() }),
  /** Everyone's scores and the agreement: only once the session is closed (blind until then). */
  results: CalibrationResultsSchema.nullable(),
  /**
   * The session is closed but this desk does not hold the others' scores (they are only ever synced to
   * their own inspector): the results come from the server when it can be reached.
   */
  resultsElsewhere: z.boolean(),
});
export type CalibrationView = z.infer<typeof CalibrationViewSchema>;
