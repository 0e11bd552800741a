import { z } from 'zod';
import { Instant, Text } from '../api/fields';
import { PHONE_RE } from './schemas';

/**
 * What the center's phone system tells a desk (screen pop): a call rings (with the caller's number), is
 * answered, ends. `callId` is the phone system's own id, so "ended" finds the log its "ringing" opened.
 */
export const TELEPHONY_EVENTS = ['ringing', 'answered', 'ended'] as const;
export type TelephonyEventKind = (typeof TELEPHONY_EVENTS)[number];

export const TelephonyEventSchema = z
  .object({
    event: z.enum(TELEPHONY_EVENTS),
    callId: Text(64, { required: true }),
    phone: Text(32).regex(PHONE_RE, { error: 'err.phone' }).optional(),
    /** When it happened on the phone system's clock; the desk's clock when absent. */
    at: Instant.optional(),
  })
  .refine((e) => e.event !== 'ringing' || e.phone !== undefined, { path: ['phone'], error: 'err.required' });
export type TelephonyEvent = z.infer<typeof TelephonyEventSchema>;

/** A flood (a stuck phone system, a loop) is refused beyond this: a burst of 20, then 5 a second. */
export const TELEPHONY_BURST = 20;
export const TELEPHONY_PER_SECOND = 5;
