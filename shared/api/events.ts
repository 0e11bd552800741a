import type { SyncStatus } from '../sync/status';

/** What the backend tells screens, so they refresh without polling. */
export type DeskEvent =
  | { type: 'changed'; method: string; tables: readonly string[] }
  | { type: 'sync'; status: SyncStatus }
  /** The phone system's hook (electron/backend/telephony-hook.ts): a ringing call pops a prefilled log. */
  | { type: 'telephony'; event: 'ringing' | 'answered' | 'ended'; callId: string; phone: string; at: string };
