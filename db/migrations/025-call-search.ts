import { sql } from 'kysely';
import { callNotesPg, callTextSqlite, callWhoPg, isPostgres } from '../search/call-text';
import type { Migration } from './types';

/**
 * Fast call search (#13): substring search over number, name, summary and outcome, Chinese included.
 * - SQLite (desk): an FTS5 trigram index `calls_fts` (contentless, rowid = the call's rowid), kept in step
 *   by triggers, so every write path (the Writer, pulls, rebase, undo) keeps it without knowing of it.
 * - PostgreSQL / PGlite (server): pg_trgm GIN indexes over the notes and over number and name (db/search/call-text.ts). The extension is optional: where
 *   it cannot be created (a PGlite built without it, a role that may not), the search still answers, by scan.
 * Both: an index on (started_at, id) for keyset paging, newest first.
 */
export const m025CallSearch: Migration = {
  version: 25,
  name: 'call-search',
  async up(db) {
    await db.schema.createIndex('calls_started_id').on('calls').columns(['started_at', 'id']).execute();
    if (isPostgres(db)) {
      await sql`savepoint call_search_trgm`.execute(db);
      try {
        await sql`create extension if not exists pg_trgm`.execute(db);
      } catch {
        await sql`rollback to savepoint call_search_trgm`.execute(db);
        return;
      }
      await sql`release savepoint call_search_trgm`.execute(db);
      await sql.raw(`create index calls_notes_trgm on calls using gin ((${callNotesPg()}) gin_trgm_ops)`).execute(db);
      await sql.raw(`create index calls_who_trgm on calls using gin ((${callWhoPg()}) gin_trgm_ops)`).execute(db);
      return;
    }
    const text = (row: string) => callTextSqlite(`${row}.`);
    await sql`create virtual table calls_fts using fts5(body, tokenize = 'trigram', content = '', contentless_delete = 1)`.execute(db);
    await sql.raw(`insert into calls_fts(rowid, body) select rowid, ${callTextSqlite()} from calls`).execute(db);
    await sql.raw(`create trigger calls_fts_insert after insert on calls begin insert into calls_fts(rowid, body) values (new.rowid, ${text('new')}); end`).execute(db);
    await sql.raw(`create trigger calls_fts_delete after delete on calls begin delete from calls_fts where rowid = old.rowid; end`).execute(db);
    await sql
      .raw(
        `create trigger calls_fts_update after update of customer_phone, customer_name, summary, outcome on calls begin ` +
          `delete from calls_fts where rowid = old.rowid; insert into calls_fts(rowid, body) values (new.rowid, ${text('new')}); end`,
      )
      .execute(db);
  },
};
