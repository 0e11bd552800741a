import type { Kysely } from 'kysely';
import type { Database } from '../schema';
import { onSqlite, q, run } from '../compiled';
import { SYNCED_TABLES, type Row, type SyncedTable } from './synced-tables';

/** Untyped access for generic row moves; every caller passes a table from SYNCED_TABLES. */
type AnyDb = Kysely<Record<string, Row>>;
const any = (db: Kysely<Database>) => db as unknown as AnyDb;

/** `select *` by key per table, as fixed SQL text on the desk (every desk write reads its row first). */
const readSql = new Map<string, string>();

export async function readRow(db: Kysely<Database>, table: SyncedTable, pk: string): Promise<Row | null> {
  const key = SYNCED_TABLES[table].pk;
  if (onSqlite(db)) {
    let text = readSql.get(table);
    if (!text) readSql.set(table, (text = `select * from ${q(table)} where ${q(key)} = ?`));
    return (await run<Row>(db, text, [pk]))[0] ?? null;
  }
  const row = await any(db).selectFrom(table).selectAll().where(key, '=', pk).executeTakeFirst();
  return row ?? null;
}

/**
 * Writes a row as given: update if the key exists, else insert. `keep` names columns an existing row
 * keeps (a desk's cached password hash is never overwritten by a patch that does not carry it).
 */
export async function putRow(db: Kysely<Database>, table: SyncedTable, row: Row, keep: readonly string[] = []): Promise<void> {
  const key = SYNCED_TABLES[table].pk;
  const pk = row[key] as string;
  const exists = await any(db).selectFrom(table).select(key).where(key, '=', pk).executeTakeFirst();
  if (exists) {
    const set = Object.fromEntries(Object.entries(row).filter(([c]) => c !== key && !keep.includes(c)));
    if (Object.keys(set).length > 0) await any(db).updateTable(table).set(set).where(key, '=', pk).execute();
  } else {
    await any(db).insertInto(table).values(row).execute();
  }
}

export async function deleteRow(db: Kysely<Database>, table: SyncedTable, pk: string): Promise<void> {
  await any(db).deleteFrom(table).where(SYNCED_TABLES[table].pk, '=', pk).execute();
}

/** Numbers come back as strings from PostgreSQL bigint columns; rows on the wire carry numbers. */
export function normaliseRow(row: Row): Row {
  const out: Row = {};
  for (const [k, v] of Object.entries(row)) out[k] = k === 'version' ? Number(v) : v;
  return out;
}

export function publicRow(table: SyncedTable, row: Row): Row {
  const hidden: readonly string[] = SYNCED_TABLES[table].privateColumns;
  return Object.fromEntries(Object.entries(normaliseRow(row)).filter(([c]) => !hidden.includes(c)));
}
