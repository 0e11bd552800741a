import { PostgresAdapter } from 'kysely';

/**
 * What a call's text search looks in. Typed text never holds a control character (shared/api/fields.ts), so
 * fields joined by the unit separator (U+001F, char(31)) hold a query exactly when one of the fields does:
 * one index over the joined text answers "in any of these fields".
 */

/** SQLite (desk): number as typed, name, summary, outcome, all in the FTS5 table's one column. */
export function callTextSqlite(prefix = ''): string {
  return ['customer_phone', 'customer_name', 'summary', 'outcome'].map((c) => `${prefix}${c}`).join(' || char(31) || ');
}

/**
 * PostgreSQL (server): two expressions, each with its own pg_trgm GIN index — the notes (summary, outcome),
 * which every reader searches, and who called (number, name), which only readers who see customers in full
 * search (customer.confidential). Each expression also gets planner statistics from its index, so a common
 * word is known to be common (with one OR over four fields the planner took it for rare and sorted 18 000 rows).
 */
export const callNotesPg = (prefix = '') => `lower(${prefix}summary || chr(31) || ${prefix}outcome)`;
export const callWhoPg = (prefix = '') => `lower(${prefix}customer_phone || chr(31) || ${prefix}customer_name)`;

/** PostgreSQL: all four fields in one text (number, name, summary, outcome) — what a reader who sees customers searches. */
export const callAllPg = (prefix = '') => `lower(${prefix}customer_phone || chr(31) || ${prefix}customer_name || chr(31) || ${prefix}summary || chr(31) || ${prefix}outcome)`;

/**
 * PostgreSQL: every character and every pair of neighbouring characters of an expression (migration 035's
 * `zb_call_grams`, GIN-indexed over the notes and over all four fields). A one- or two-character query is in
 * the text exactly when it is one of these, so `@> array[q]` is one index key where pg_trgm has none. One
 * index per reader kind (not notes OR who): an OR made the planner re-run the costly function on every match.
 */
export const callGramsPg = (expr: string) => `zb_call_grams(${expr})`;

/** Longest query the one-and-two-character index answers exactly. */
export const MAX_GRAM_CHARS = 2;

/** True on PostgreSQL and PGlite (PostgreSQL dialect), false on the desk's SQLite. */
export function isPostgres(db: { getExecutor(): { adapter: unknown } }): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/**
 * Shortest query a trigram index can serve (three characters make a trigram). Shorter ones are answered by
 * walking the date range newest first (docs/DECISIONS.md, "Searching calls").
 */
export const MIN_INDEXED_CHARS = 3;
