import { z } from 'zod';
import { CalendarDay, Text } from '../api/fields';

export const AUDIT_OUTCOMES = ['applied', 'success', 'failure'] as const;

export const AuditEntrySchema = z.object({
  id: z.string(),
  seq: z.number().int(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string(),
  action: z.string(),
  /** The input it acted on, without secrets. */
  subject: z.unknown(),
  outcome: z.enum(AUDIT_OUTCOMES),
  clientId: z.string().nullable(),
  hash: z.string(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

export const AuditFilterSchema = z.object({
  actorId: Text(64, { trim: false }).optional(),
  action: Text(64, { trim: false }).optional(),
  from: CalendarDay.optional(),
  to: CalendarDay.optional(),
  /** Entries before this position in the chain (paging back); `seq` is a 32-bit integer column. */
  beforeSeq: z.number().int().positive().max(2_147_483_647).optional(),
  limit: z.number().int().min(1).max(500).default(100),
});
export type AuditFilter = z.infer<typeof AuditFilterSchema>;

export const AuditVerdictSchema = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  /** The first entry whose hash or link does not hold, and why. */
  broken: z.object({ seq: z.number().int(), reason: z.enum(['hash', 'link', 'gap']) }).nullable(),
});
