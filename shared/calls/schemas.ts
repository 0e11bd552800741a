import { z } from 'zod';
import { Instant, Text } from '../api/fields';

/** 咨询、查询、业务登记、投诉、建议 */
export const CALL_CATEGORIES = ['consultation', 'query', 'registration', 'complaint', 'suggestion'] as const;
export const CallCategorySchema = z.enum(CALL_CATEGORIES);
export type CallCategory = z.infer<typeof CallCategorySchema>;

/** Longest call we accept as one log; longer ones are almost certainly a forgotten timer. */
export const MAX_CALL_SECONDS = 4 * 60 * 60;
/** How far a desk clock may run ahead of the one judging it before an end time counts as "in the future". */
export const CLOCK_DRIFT_MS = 5 * 60 * 1000;

/** At least three digits, with the separators people type: +86 138-0013-8000, (021) 6234 5678, 95588. */
export const PHONE_RE = /^(?=(?:\D*\d){3})\+?[0-9 ()-]{3,31}$/;

export const CallLogInputSchema = z.object({
  /** Chosen by the desk, so a replayed mutation writes the same row. */
  id: z.uuid(),
  customerPhone: Text(32, { required: true }).regex(PHONE_RE, { error: 'err.phone' }),
  customerName: Text(64).default(''),
  category: CallCategorySchema,
  summary: Text(2000, { required: true, multiline: true }),
  outcome: Text(500, { required: true, multiline: true }),
  followUp: z.boolean(),
  startedAt: Instant,
  endedAt: Instant,
});
export type CallLogInput = z.input<typeof CallLogInputSchema>;

export const CallRecordSchema = z.object({
  id: z.string(),
  agentId: z.string(),
  agentName: z.string(),
  teamId: z.string().nullable(),
  customerPhone: z.string(),
  customerName: z.string(),
  category: CallCategorySchema,
  summary: z.string(),
  outcome: z.string(),
  followUp: z.boolean(),
  startedAt: z.string(),
  endedAt: z.string(),
  durationSec: z.number().int().nonnegative(),
  /** False while only this desk has it (saved here, waiting for the server). */
  synced: z.boolean(),
  /** Phone and name shown masked for this reader (rule customer.confidential); absent: in full. */
  masked: z.boolean().optional(),
});
export type CallRecord = z.infer<typeof CallRecordSchema>;

export const CallListInputSchema = z
  .object({
    from: Instant,
    to: Instant,
    q: Text(64).default(''),
    limit: z.number().int().min(1).max(500).default(200),
  })
  .refine((v) => Date.parse(v.from) < Date.parse(v.to), { path: ['to'], error: 'err.range' });
