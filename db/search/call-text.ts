import { PostgresAdapter, sql, type RawBuilder } from 'kysely';

/**
 * What a call's text search looks in, as one string: number as typed, name, summary, outcome, joined by the
 * unit separator (U+001F). Typed text never holds a control character (shared/api/fields.ts), so a query
 * found in this string is found inside one of the four fields: the same answer as asking each field.
 */
export const CALL_TEXT_SEPARATOR = '\u001f';

/** The SQL expression of that string over `calls` (the same spelling on SQLite and PostgreSQL). */
export function callTextSql(prefix = ''): string {
  const c = (name: string) => `${prefix}${name}`;
  return `${c('customer_phone')} || char(31) || ${c('customer_name')} || char(31) || ${c('summary')} || char(31) || ${c('outcome')}`;
}

/** PostgreSQL has chr(), SQLite char(); the index expression must be spelled exactly as the query spells it. */
export function callTextPg(prefix = ''): string {
  return `lower(${callTextSql(prefix).replaceAll('char(31)', 'chr(31)')})`;
}

/** True on PostgreSQL and PGlite (PostgreSQL dialect), false on the desk's SQLite. */
export function isPostgres(db: { getExecutor(): { adapter: unknown } }): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** Raw SQL helper for an expression string built above (never user input). */
export const rawExpr = (text: string): RawBuilder<unknown> => sql.raw(text);

/**
 * Shortest query the trigram indexes can serve (three characters make a trigram). Shorter ones are answered
 * by scanning the date range newest first (docs/DECISIONS.md, "Searching calls").
 */
export const MIN_INDEXED_CHARS = 3;
