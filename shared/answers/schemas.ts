import { z } from 'zod';
import { CalendarDay, Id, Text } from '../api/fields';
import { CALL_CATEGORIES, CallCategorySchema } from '../calls/schemas';

/**
 * A unified answer (统一答复口径, meeting.weekly): a difficult case as customers ask it and the answer the
 * weekly team-lead meeting agreed, center-wide. Revising keeps every earlier version readable; agents
 * acknowledge each version; withdrawing keeps it in history.
 */
export const ANSWER_STATUSES = ['published', 'withdrawn'] as const;
export type AnswerStatus = (typeof ANSWER_STATUSES)[number];

/** The words of one version: what changes when an answer is revised. */
export const AnswerTextSchema = z.object({
  title: z.string(),
  question: z.string(),
  answer: z.string(),
  keywords: z.array(z.string()),
  categories: z.array(CallCategorySchema),
  meetingDate: z.string(),
  /** The meeting's ISO week (2026-W11), from its date. */
  meetingWeek: z.string(),
});
export type AnswerText = z.infer<typeof AnswerTextSchema>;

/** An earlier version, as it read, who wrote it and when. */
export const AnswerVersionSchema = AnswerTextSchema.extend({ revision: z.number().int(), by: z.string(), byName: z.string(), at: z.string(), note: z.string() });
export type AnswerVersion = z.infer<typeof AnswerVersionSchema>;

export const AnswerSchema = AnswerTextSchema.extend({
  id: z.string(),
  /** 1 when published, one more at each revision. */
  revision: z.number().int(),
  status: z.enum(ANSWER_STATUSES),
  publishedBy: z.string(),
  publishedByName: z.string(),
  publishedAt: z.string(),
  /** Who wrote the current version, when, and what changed (the first version: the publisher, no note). */
  revisedBy: z.string(),
  revisedByName: z.string(),
  revisedAt: z.string(),
  note: z.string(),
  withdrawnAt: z.string().nullable(),
  withdrawnByName: z.string().nullable(),
  withdrawReason: z.string(),
  /** Earlier versions, oldest first. */
  history: z.array(AnswerVersionSchema),
  /** The reader's acknowledgement of the current version (null: still to acknowledge), and the last version they acknowledged. */
  ackedAt: z.string().nullable(),
  ackedRevision: z.number().int().nullable(),
  /** For leads and directors: the agents they watch who have not acknowledged the current version (names), and how many they watch. */
  missing: z.array(z.string()),
  expected: z.number().int(),
  synced: z.boolean(),
});
export type Answer = z.infer<typeof AnswerSchema>;

export const AnswerAckSchema = z.object({ id: z.string(), answerId: z.string(), revision: z.number().int(), userId: z.string(), userName: z.string(), teamId: z.string().nullable(), ackedAt: z.string() });
export type AnswerAck = z.infer<typeof AnswerAckSchema>;

/** What a lead writes: the case, the agreed answer, words to find it by, the call categories it fits, the meeting's date. */
export const AnswerInputFields = z.object({
  title: Text(80, { required: true }),
  question: Text(1000, { required: true, multiline: true }),
  answer: Text(4000, { required: true, multiline: true }),
  keywords: z.array(Text(20, { required: true })).max(12),
  categories: z.array(CallCategorySchema).max(CALL_CATEGORIES.length),
  meetingDate: CalendarDay,
});

export const PublishInputSchema = AnswerInputFields.extend({ id: z.uuid() });
/** `revision`: the version the writer read; a newer one meanwhile is a conflict (read it first). */
export const ReviseInputSchema = AnswerInputFields.extend({ id: Id(), revision: z.number().int().min(1), note: Text(200) });
export const WithdrawInputSchema = z.object({ id: Id(), reason: Text(200, { required: true }) });
export const AckInputSchema = z.object({ id: Id(), revision: z.number().int().min(1) });
