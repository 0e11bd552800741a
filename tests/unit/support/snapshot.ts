import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema';
import { SYNCED_TABLES, SYNCED_TABLE_NAMES, type SyncedTable } from '../../../db/sync/synced-tables';

type Row = Record<string, unknown>;
export type Snapshot = Record<SyncedTable, Map<string, string>>;

/** Every synced row, by table and key, as canonical JSON (numbers from PostgreSQL bigints made numbers). */
export async function snapshot(db: Kysely<Database>): Promise<Snapshot> {
  const out = {} as Snapshot;
  for (const t of SYNCED_TABLE_NAMES) {
    const pk = SYNCED_TABLES[t].pk;
    const rows = (await (db as unknown as Kysely<Record<string, Row>>).selectFrom(t).selectAll().execute()) as Row[];
    out[t] = new Map(rows.map((r) => [String(r[pk]), JSON.stringify(Object.fromEntries(Object.entries(r).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v])))]));
  }
  return out;
}

/** Rows added or changed between two snapshots (and keys removed), per table. */
export function diff(before: Snapshot, after: Snapshot): { table: SyncedTable; key: string; row: Row | null }[] {
  const out: { table: SyncedTable; key: string; row: Row | null }[] = [];
  for (const t of SYNCED_TABLE_NAMES) {
    for (const [k, v] of after[t]) if (before[t].get(k) !== v) out.push({ table: t, key: k, row: JSON.parse(v) as Row });
    for (const k of before[t].keys()) if (!after[t].has(k)) out.push({ table: t, key: k, row: null });
  }
  return out;
}
