import { z } from 'zod';
import { CalendarDay as Day, Id, Text } from '../api/fields';
import { RuleCheckSchema } from '../rules/check';

export const SWAP_STATUSES = ['requested', 'accepted', 'approved', 'declined', 'rejected', 'cancelled'] as const;
export type SwapStatus = (typeof SWAP_STATUSES)[number];
/** Statuses after which nothing changes any more. */
export const SWAP_CLOSED: readonly SwapStatus[] = ['approved', 'declined', 'rejected', 'cancelled'];

/**
 * The swap registration form (換班登記表): the requester gives their shift on `giveDate` to the partner,
 * and works the partner's shift on `takeDate` in return (還班, the pay-back).
 */
export const SwapDraftSchema = z.object({
  partnerId: Id(),
  giveDate: Day,
  takeDate: Day,
});
export type SwapDraft = z.infer<typeof SwapDraftSchema>;

export const SwapRequestSchema = SwapDraftSchema.extend({
  id: z.uuid(),
  reason: Text(200, { required: true, multiline: true }),
});

export const SwapSchema = z.object({
  id: z.string(),
  requesterId: z.string(),
  requesterName: z.string(),
  requesterTeam: z.string().nullable(),
  partnerId: z.string(),
  partnerName: z.string(),
  partnerTeam: z.string().nullable(),
  /** A party who is a team lead cannot approve their own side; the department director does (the next level up). */
  requesterIsLead: z.boolean(),
  partnerIsLead: z.boolean(),
  giveDate: z.string(),
  giveShift: z.string().nullable(),
  takeDate: z.string(),
  takeShift: z.string().nullable(),
  reason: z.string(),
  status: z.enum(SWAP_STATUSES),
  /** Approval by the requester's team lead, and by the partner's (the same one inside a team). */
  leadA: z.object({ by: z.string(), at: z.string() }).nullable(),
  leadB: z.object({ by: z.string(), at: z.string() }).nullable(),
  /** Rule IDs the last decision applied (approval or rejection). */
  decisionRules: z.array(z.string()),
  note: z.string(),
  actedOfflineAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  synced: z.boolean(),
});
export type Swap = z.infer<typeof SwapSchema>;

export const SwapWithChecksSchema = SwapSchema.extend({
  checks: z.array(RuleCheckSchema),
  /** For an approved swap: the pay-back shift has been worked (its end has passed). */
  paidBack: z.boolean(),
});
