import { sql, type Insertable, type Kysely, type Updateable } from 'kysely';
import type { Database } from '../schema';
import { onSqlite, q, run } from '../compiled';
import { readRow } from './rows';
import { SYNCED_TABLES, type Row, type SyncedTable } from './synced-tables';

/** A synced row as a store gives it: every column but `version`, which the writer stamps. */
export type Columns<T extends SyncedTable> = Omit<Insertable<Database[T]>, 'version'>;
export type Changes<T extends SyncedTable> = Omit<Updateable<Database[T]>, 'version'>;

export interface UndoRecorder {
  /** Called before every write of (table, pk) on a desk: the before-image a rebase restores. */
  capture(table: SyncedTable, pk: string): Promise<void>;
}

/**
 * The one write path for synced rows (as Replicache's storage layer stamps every entry): each write gets
 * the commit's version (0 on a desk until the server confirms it), its before-image on a desk, and is
 * remembered, so a mutation's touched tables and a commit's pokes come from what was really written.
 * Stores get one per transaction; nothing else writes synced tables (tests/unit/write-path.test.ts).
 */
export interface Writer {
  readonly version: number;
  /** Inserts the row, or replaces every given column of the row with its key. */
  put<T extends SyncedTable>(table: T, row: Columns<T>): Promise<void>;
  /** Inserts the row unless one with its key exists, in one statement (no read first); false when it existed. */
  insertNew<T extends SyncedTable>(table: T, row: Columns<T>): Promise<boolean>;
  /** `put` for many rows of one table in few statements (a month's import): same stamping, capture and notes. */
  putMany<T extends SyncedTable>(table: T, rows: readonly Columns<T>[]): Promise<void>;
  /** Baseline data in bulk (demo seed, defaults): rows that already exist are left as they are. */
  seed<T extends SyncedTable>(table: T, rows: readonly Columns<T>[]): Promise<void>;
  /** Changes columns of an existing row; false when there is none. */
  update<T extends SyncedTable>(table: T, pk: string, changes: Changes<T>): Promise<boolean>;
  /** What this transaction wrote, per table: keys. */
  readonly written: ReadonlyMap<SyncedTable, ReadonlySet<string>>;
}

type AnyDb = Kysely<Record<string, Row>>;

/** Columns Kysely would write: it leaves out keys holding `undefined`, and so does the desk's fixed SQL. */
const given = (row: Row): string[] => Object.keys(row).filter((c) => row[c] !== undefined);

/** SQL text per (table, columns), built once: the desk's put and update without the query builder. */
const upsertSql = new Map<string, string>();
function upsertText(table: string, key: string, cols: readonly string[]): string {
  const id = `${table}\u0000${cols.join('\u0000')}`;
  let text = upsertSql.get(id);
  if (!text) {
    const set = cols.filter((c) => c !== key).map((c) => `${q(c)} = excluded.${q(c)}`);
    text = `insert into ${q(table)} (${cols.map(q).join(', ')}) values (${cols.map(() => '?').join(', ')}) on conflict (${q(key)}) do ${set.length > 0 ? `update set ${set.join(', ')}` : 'nothing'}`;
    upsertSql.set(id, text);
  }
  return text;
}
const insertNewSql = new Map<string, string>();
function insertNewText(table: string, key: string, cols: readonly string[]): string {
  const id = `${table}\u0000${cols.join('\u0000')}`;
  let text = insertNewSql.get(id);
  if (!text) {
    text = `insert into ${q(table)} (${cols.map(q).join(', ')}) values (${cols.map(() => '?').join(', ')}) on conflict (${q(key)}) do nothing returning ${q(key)}`;
    insertNewSql.set(id, text);
  }
  return text;
}
const updateSql = new Map<string, string>();
function updateText(table: string, key: string, cols: readonly string[]): string {
  const id = `${table}\u0000${cols.join('\u0000')}`;
  let text = updateSql.get(id);
  if (!text) {
    text = `update ${q(table)} set ${cols.map((c) => `${q(c)} = ?`).join(', ')} where ${q(key)} = ?`;
    updateSql.set(id, text);
  }
  return text;
}

export function createWriter(db: Kysely<Database>, o: { version: number; undo: UndoRecorder | null }): Writer {
  const any = db as unknown as AnyDb;
  // The desk (SQLite) writes through fixed SQL text; the server keeps the builder (its dialect, its own work).
  const fixed = onSqlite(db);
  const written = new Map<SyncedTable, Set<string>>();
  const note = (table: SyncedTable, pk: string) => {
    let keys = written.get(table);
    if (!keys) written.set(table, (keys = new Set()));
    keys.add(pk);
  };
  return {
    version: o.version,
    written,
    async put(table, row) {
      const key = SYNCED_TABLES[table].pk;
      const pk = String((row as Row)[key]);
      await o.undo?.capture(table, pk);
      const values: Row = { ...(row as Row), version: o.version };
      if (fixed) {
        const cols = given(values);
        await run(db, upsertText(table, key, cols), cols.map((c) => values[c]));
        note(table, pk);
        return;
      }
      const set: Row = Object.fromEntries(Object.keys(values).filter((c) => c !== key).map((c) => [c, sql.ref(`excluded.${c}`)]));
      await any.insertInto(table as string).values(values).onConflict((oc) => oc.column(key).doUpdateSet(set)).execute();
      note(table, pk);
    },
    async insertNew(table, row) {
      const key = SYNCED_TABLES[table].pk;
      const pk = String((row as Row)[key]);
      await o.undo?.capture(table, pk);
      const values: Row = { ...(row as Row), version: o.version };
      const cols = given(values);
      const inserted = fixed
        ? await run(db, insertNewText(table, key, cols), cols.map((c) => values[c]))
        : await any.insertInto(table as string).values(values).onConflict((oc) => oc.column(key).doNothing()).returning(key).execute();
      if (inserted.length === 0) return false;
      note(table, pk);
      return true;
    },
    async putMany(table, rows) {
      if (rows.length === 0) return;
      const key = SYNCED_TABLES[table].pk;
      const columns = Object.keys({ ...(rows[0] as Row), version: o.version }).filter((c) => c !== key);
      const set: Row = Object.fromEntries(columns.map((c) => [c, sql.ref(`excluded.${c}`)]));
      // 200 rows a statement keeps the bound parameters under SQLite's and PostgreSQL's limits.
      for (let i = 0; i < rows.length; i += 200) {
        const chunk: Row[] = rows.slice(i, i + 200).map((r) => ({ ...(r as Row), version: o.version }));
        for (const r of chunk) await o.undo?.capture(table, String(r[key]));
        await any.insertInto(table as string).values(chunk).onConflict((oc) => oc.column(key).doUpdateSet(set)).execute();
        for (const r of chunk) note(table, String(r[key]));
      }
    },
    async seed(table, rows) {
      const key = SYNCED_TABLES[table].pk;
      for (let i = 0; i < rows.length; i += 200) {
        const chunk: Row[] = rows.slice(i, i + 200).map((r) => ({ ...(r as Row), version: o.version }));
        for (const r of chunk) await o.undo?.capture(table, String(r[key]));
        await any.insertInto(table as string).values(chunk).onConflict((oc) => oc.column(key).doNothing()).execute();
        for (const r of chunk) note(table, String(r[key]));
      }
    },
    async update(table, pk, changes) {
      const key = SYNCED_TABLES[table].pk;
      if (!(await readRow(db, table, pk))) return false;
      await o.undo?.capture(table, pk);
      const set: Row = { ...(changes as Row), version: o.version };
      if (fixed) {
        const cols = given(set);
        await run(db, updateText(table, key, cols), [...cols.map((c) => set[c]), pk]);
        note(table, pk);
        return true;
      }
      await any.updateTable(table as string).set(set).where(key, '=', pk).execute();
      note(table, pk);
      return true;
    },
  };
}

/** Queries run with this: a read that tries to write is a bug, not a silent unversioned row. */
export const READ_ONLY: Writer = {
  version: 0,
  written: new Map(),
  put: () => Promise.reject(new Error('write inside a query')),
  insertNew: () => Promise.reject(new Error('write inside a query')),
  putMany: () => Promise.reject(new Error('write inside a query')),
  seed: () => Promise.reject(new Error('write inside a query')),
  update: () => Promise.reject(new Error('write inside a query')),
};
