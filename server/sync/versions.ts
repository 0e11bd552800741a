import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { SYNCED_TABLES, type Row, type SyncedTable } from '../../db/sync/synced-tables';

/**
 * Takes the next commit version. The UPDATE locks the single sync_state row until the transaction
 * ends, so every writing transaction on the server runs one after another: a limit that spans people
 * (two swaps a month, a coverage minimum) is read and written with nobody else in between, whatever
 * the isolation level, and versions become visible in order (pull never skips one).
 */
export async function takeVersion(tx: Kysely<Database>): Promise<number> {
  const row = await tx
    .updateTable('sync_state')
    .set((eb) => ({ version: eb('version', '+', 1) }))
    .where('id', '=', 1)
    .returning('version')
    .executeTakeFirstOrThrow();
  return Number(row.version);
}

export async function currentVersion(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom('sync_state').select('version').where('id', '=', 1).executeTakeFirstOrThrow();
  return Number(row.version);
}

/** The rows a commit wrote, by key (the writer knows them: no scan), to decide whom to poke. */
export async function rowsWritten(db: Kysely<Database>, written: ReadonlyMap<SyncedTable, ReadonlySet<string>>): Promise<{ table: SyncedTable; row: Row }[]> {
  const out: { table: SyncedTable; row: Row }[] = [];
  for (const [table, keys] of written) {
    const list = [...keys];
    for (let i = 0; i < list.length; i += 500) {
      const rows = await (db as unknown as Kysely<Record<string, Row>>).selectFrom(table).selectAll().where(SYNCED_TABLES[table].pk, 'in', list.slice(i, i + 500)).execute();
      for (const row of rows) out.push({ table, row });
    }
  }
  return out;
}

/**
 * Moves the version on to `to` inside a transaction that already took it (takeVersion, so the row is locked):
 * a push whose mutations each used the next number in memory records the last of them once.
 */
export async function advanceVersion(tx: Kysely<Database>, to: number): Promise<void> {
  await tx.updateTable('sync_state').set({ version: to }).where('id', '=', 1).execute();
}
