import { z } from 'zod';
import { Id, Text } from '../api/fields';
import { PHONE_RE } from '../calls/schemas';

/**
 * Customer value tiers of seeds/003 (客户关系维护创新): most valuable (MVC: keep the relationship), most
 * growable (MGC: develop it), other. The seed's third tier, 负值客户 (BZC), is not a label an agent should
 * read out on a call; it stays "other".
 */
export const VALUE_TAGS = ['mvc', 'mgc', 'other'] as const;
export const ValueTagSchema = z.enum(VALUE_TAGS);
export type ValueTag = z.infer<typeof ValueTagSchema>;

/** One customer of the directory: every call from one number (however typed) the reader may see. */
export const CustomerSchema = z.object({
  /** The latest call from this number: what a masked reader names the customer by (reveal, open). */
  ref: z.string(),
  phone: z.string(),
  name: z.string(),
  calls: z.number().int().nonnegative(),
  lastCallAt: z.string(),
  valueTag: ValueTagSchema.nullable(),
  /** True when phone and name are shown masked for this reader (rule customer.confidential). */
  masked: z.boolean(),
});
export type Customer = z.infer<typeof CustomerSchema>;

export const DirectoryInputSchema = z.object({
  /** Phone or name contains (readers who see them in full; a masked reader cannot search by what is hidden). */
  q: Text(32).default(''),
  offset: z.number().int().min(0).max(10_000_000).default(0),
  limit: z.number().int().min(1).max(200).default(50),
});

export const SetTagInputSchema = z.object({
  phone: Text(32, { required: true }).regex(PHONE_RE, { error: 'err.phone' }),
  tag: ValueTagSchema,
});

export const TagRecordSchema = z.object({ key: z.string(), tag: ValueTagSchema, taggedBy: z.string(), taggedAt: z.string() });

export const RevealInputSchema = z.object({
  /** Chosen by the desk, so a replayed reveal is recorded once. */
  id: z.uuid(),
  callId: Id(),
  /** Why this reader needs the number (a QA callback, a complaint investigation): kept with the record. */
  reason: Text(200, { required: true, multiline: true }),
});

export const RevealRecordSchema = z.object({ id: z.string(), callId: z.string(), actorId: z.string(), reason: z.string(), at: z.string() });
export type RevealRecord = z.infer<typeof RevealRecordSchema>;
