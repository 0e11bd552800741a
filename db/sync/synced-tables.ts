import type { Database } from '../schema';

/** Tables that travel between server and desks, with their key and columns that never leave the server side. */
export const SYNCED_TABLES = {
  teams: { pk: 'id', privateColumns: [] },
  users: { pk: 'id', privateColumns: ['password_hash'] },
  calls: { pk: 'id', privateColumns: [] },
  policy_versions: { pk: 'id', privateColumns: [] },
  shift_types: { pk: 'code', privateColumns: [] },
  roster: { pk: 'id', privateColumns: [] },
  calendar_overrides: { pk: 'date', privateColumns: [] },
  swaps: { pk: 'id', privateColumns: [] },
  leave_requests: { pk: 'id', privateColumns: [] },
  violations: { pk: 'id', privateColumns: [] },
} as const satisfies Record<string, { pk: string; privateColumns: readonly string[] }>;

export type SyncedTable = keyof typeof SYNCED_TABLES & keyof Database;
export const SYNCED_TABLE_NAMES = Object.keys(SYNCED_TABLES) as SyncedTable[];

export type Row = Record<string, unknown>;
