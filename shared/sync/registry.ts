import { merged } from '../domains';

/**
 * Every table that travels between server and desks, composed from the domains' own declarations
 * (shared/domains.ts, in its order: parents before children, for readers of a patch).
 */
export const SYNCED_TABLES = merged('tables');

export type SyncedTable = keyof typeof SYNCED_TABLES;
export const SYNCED_TABLE_NAMES = Object.keys(SYNCED_TABLES) as SyncedTable[];
