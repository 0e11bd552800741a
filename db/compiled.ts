import { CompiledQuery, SqliteAdapter, type Kysely } from 'kysely';

/**
 * Fixed statements of the desk's mutation path as SQL text (issue #16): Kysely's builder and compiler cost more
 * than SQLite's own work for a one-row statement, and the desk's driver reuses a prepared statement per text
 * (db/open-sqlite.ts). SQLite only (the desk): the server keeps the builder, whose SQL fits its dialect.
 * Only for statements whose shape is fixed; identifiers are the code's own names, values always parameters.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any database's Kysely: only the executor is used
type AnyKysely = Kysely<any>;

export function onSqlite(db: AnyKysely): boolean {
  return db.getExecutor().adapter instanceof SqliteAdapter;
}

export function run<R = Record<string, unknown>>(db: AnyKysely, sql: string, params: readonly unknown[]): Promise<R[]> {
  return db.executeQuery<R>(CompiledQuery.raw(sql, params as unknown[])).then((r) => r.rows);
}

/** `"name"`: an identifier quoted as Kysely quotes it. */
export const q = (name: string): string => `"${name.replace(/"/g, '""')}"`;
