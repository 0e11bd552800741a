import { z } from 'zod';

export const SyncStatusSchema = z.object({
  /** standalone: no server configured; signedOut: the server no longer accepts this person's token. */
  state: z.enum(['standalone', 'offline', 'syncing', 'online', 'signedOut']),
  pending: z.number().int().nonnegative(),
  lastSyncedAt: z.string().nullable(),
  /** Rows received / expected during a first (or reset) sync; null otherwise. */
  firstSync: z.object({ received: z.number().int(), total: z.number().int() }).nullable(),
  /** Seconds until the next attempt after a failure. */
  retryInSeconds: z.number().int().nullable(),
  serverUrl: z.string().nullable(),
});
export type SyncStatus = z.infer<typeof SyncStatusSchema>;
