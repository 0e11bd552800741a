import type { Database } from '../schema';
import { SYNCED_TABLES, SYNCED_TABLE_NAMES, type SyncedTable } from '../../shared/sync/registry';

export { SYNCED_TABLES, SYNCED_TABLE_NAMES, type SyncedTable };

/** Fails the typecheck when the registry names a table the schema does not have. */
type Missing = Exclude<SyncedTable, keyof Database>;
export const EVERY_SYNCED_TABLE_IS_IN_THE_SCHEMA: Missing extends never ? true : Missing = true;

export type Row = Record<string, unknown>;
