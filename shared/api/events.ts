import type { SyncStatus } from '../sync/status';

/** What the backend tells screens, so they refresh without polling. */
export type DeskEvent =
  | { type: 'changed'; method: string; tables: readonly string[] }
  | { type: 'sync'; status: SyncStatus };
