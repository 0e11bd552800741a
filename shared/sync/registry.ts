import { orgTables } from '../org/tables';
import { callTables } from '../calls/tables';
import { policyTables } from '../policy/tables';
import { rosterTables } from '../roster/tables';
import { calendarTables } from '../calendar/tables';
import { swapTables } from '../swap/tables';
import { leaveTables } from '../leave/tables';
import { auditTables } from '../audit/tables';

/**
 * Every table that travels between server and desks, composed from the domains' own declarations (as
 * shared/api/table.ts composes their methods). Order: parents before children, for readers of a patch.
 */
export const SYNCED_TABLES = {
  ...orgTables,
  ...callTables,
  ...policyTables,
  ...rosterTables,
  ...calendarTables,
  ...swapTables,
  ...leaveTables,
  ...auditTables,
} as const;

export type SyncedTable = keyof typeof SYNCED_TABLES;
export const SYNCED_TABLE_NAMES = Object.keys(SYNCED_TABLES) as SyncedTable[];
