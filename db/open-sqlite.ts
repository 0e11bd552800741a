import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database } from './schema';

export interface SqliteOptions {
  /** Path to a better_sqlite3.node built for another ABI (Electron); Node's build otherwise. */
  nativeBinding?: string;
  readonly?: boolean;
  /**
   * Enforce foreign keys (default on). A synced desk turns them off: it holds a partial replica that
   * arrives in pages and changes scope, and the server, which has every row, enforces integrity.
   */
  foreignKeys?: boolean;
}

/**
 * SQLite rolls a transaction back by itself after some errors (SQLITE_FULL, SQLITE_IOERR, SQLITE_NOMEM…). Kysely's
 * ROLLBACK then fails with "no transaction is active", and that error replaced the real one: a desk with a full
 * disk answered `internal` instead of `unavailable` (found by tests/faults). Roll back only what is still open.
 */
class DeskSqliteDialect extends SqliteDialect {
  constructor(private readonly raw: BetterSqlite3.Database) {
    super({ database: cachingStatements(raw) });
  }

  override createDriver(): ReturnType<SqliteDialect['createDriver']> {
    const driver = super.createDriver();
    const rollback = driver.rollbackTransaction.bind(driver);
    driver.rollbackTransaction = async (connection) => {
      if (this.raw.inTransaction) await rollback(connection);
    };
    return driver;
  }
}

/** Distinct SQL texts kept prepared; queries with inlined lists (`in (?, ?, …)`) vary, the hot path does not. */
export const STATEMENT_CACHE_SIZE = 500;

/**
 * Kysely's SQLite driver prepares every query it runs; preparing was the largest single cost of a desk
 * mutation (~18 % of its CPU, issue #16). The same SQL text reuses its prepared statement (least recently
 * used dropped first). A statement still being iterated (a streamed query) is busy: then a fresh one is made.
 */
function cachingStatements(raw: BetterSqlite3.Database): { prepare(sql: string): BetterSqlite3.Statement; close(): void } {
  const cache = new Map<string, BetterSqlite3.Statement>();
  return {
    prepare(sql) {
      const hit = cache.get(sql);
      if (hit && !hit.busy) {
        cache.delete(sql);
        cache.set(sql, hit);
        return hit;
      }
      const stmt = raw.prepare(sql);
      if (!hit) {
        cache.set(sql, stmt);
        if (cache.size > STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
      }
      return stmt;
    },
    close: () => raw.close(),
  };
}

/** The handle under each desk Kysely this module opened: hot paths (a pull's rows) use prepared statements on it. */
const RAW = new WeakMap<Kysely<Database>, BetterSqlite3.Database>();
export const rawSqliteOf = (db: Kysely<Database>): BetterSqlite3.Database | null => RAW.get(db) ?? null;

/**
 * Opens the desk's SQLite file. WAL lets the UI read while a write commits; synchronous=FULL
 * makes every acknowledged commit survive power loss (see docs/DECISIONS.md).
 */
export function openSqlite(file: string, opts: SqliteOptions = {}): { db: Kysely<Database>; raw: BetterSqlite3.Database } {
  const raw = new BetterSqlite3(file, { nativeBinding: opts.nativeBinding, readonly: opts.readonly ?? false });
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = FULL');
  raw.pragma(`foreign_keys = ${opts.foreignKeys === false ? 'OFF' : 'ON'}`);
  raw.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new DeskSqliteDialect(raw) });
  RAW.set(db, raw);
  return { db, raw };
}
