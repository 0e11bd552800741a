import { sql } from 'kysely';
import { callAllPg, callGramsPg, callNotesPg, isPostgres } from '../search/call-text';
import type { Migration } from './types';

/**
 * #16: one- and two-character call search on the server. pg_trgm has no trigram in a two-character query and
 * reads its whole index, so those queries walked up to 31 days of calls with strpos (a rare word over a million
 * calls: 1.7 s). `zb_call_grams(text)` lists every character and every pair of neighbouring characters of a
 * text; a GIN index over it for the notes (masked readers) and for all four fields (the others) answers "contains these one or two characters"
 * with one index key (`@>`). The desk's SQLite is unchanged (its replica is small and walked by date).
 */
export const m035CallSearchBigrams: Migration = {
  version: 35,
  name: 'call-search-bigrams',
  async up(db) {
    if (!isPostgres(db)) return;
    // IMMUTABLE so an index may use it; no DISTINCT (GIN keeps each key once per row anyway).
    await sql`create or replace function zb_call_grams(t text) returns text[] language sql immutable strict parallel safe as $$
      select array(select substr(t, i, 1) from generate_series(1, length(t)) i
                   union all
                   select substr(t, i, 2) from generate_series(1, length(t) - 1) i)
    $$`.execute(db);
    await sql.raw(`create index calls_notes_grams on calls using gin (${callGramsPg(callNotesPg())})`).execute(db);
    await sql.raw(`create index calls_text_grams on calls using gin (${callGramsPg(callAllPg())})`).execute(db);
    // A finer sample for the planner (1 000 instead of 100 per expression): with 100 a word in 0.1 % of calls
    // was guessed at 1 %, and the capped count walked a whole year newest first (12 s) instead of its 946 rows.
    for (const index of ['calls_notes_grams', 'calls_text_grams', 'calls_notes_trgm', 'calls_who_trgm']) {
      await sql.raw(`alter index if exists ${index} alter column 1 set statistics 1000`).execute(db);
    }
  },
};
