import type { Migration } from './types';

/**
 * The server trusts a desk's act time only back to that desk's last successful pull (its clock was set to the
 * server's then, and it saw everything up to then): `sync_clients.last_pull_at`. Requests acted offline for
 * long carry when they were acted, so an approver sees "done offline at …".
 */
export const m012ActTimeBounds: Migration = {
  version: 12,
  name: 'act-time-bounds',
  async up(db) {
    await db.schema.alterTable('sync_clients').addColumn('last_pull_at', 'text').execute();
    await db.schema.alterTable('leave_requests').addColumn('acted_offline_at', 'text').execute();
    await db.schema.alterTable('swaps').addColumn('acted_offline_at', 'text').execute();
  },
};
