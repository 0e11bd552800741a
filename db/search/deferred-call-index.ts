import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema';
import { getMeta, setMeta } from '../stores/meta-store';
import { callTextSqlite } from './call-text';

/**
 * A desk's call search index (calls_fts, migration 025) filled in one pass instead of row by row. Its triggers
 * tokenise every inserted call (~1 500 rows/s on a busy machine, 10× slower than the insert itself), which made
 * the calls of a first sync the desk's slowest part. A sequence that starts over (a reset) puts the triggers
 * aside, as their own SQL, and empties the index; the sequence's last page indexes every call at once and puts
 * the same triggers back. In between the desk's search finds nothing (it is still syncing), never a wrong call.
 * Nothing here runs on a desk without the index (the server, an old schema): then every call does nothing.
 */
const KEY = 'calls_fts_deferred';

const indexTriggers = async (tx: Kysely<Database>) =>
  (await sql<{ name: string; sql: string }>`select name, sql from sqlite_master where type = 'trigger' and tbl_name = 'calls' and name like 'calls_fts_%' order by name`.execute(tx)).rows;

export async function deferCallIndex(tx: Kysely<Database>): Promise<void> {
  if (await getMeta(tx, KEY)) return;
  const triggers = await indexTriggers(tx);
  if (triggers.length === 0) return;
  await setMeta(tx, KEY, JSON.stringify(triggers.map((t) => t.sql)));
  for (const t of triggers) await sql`drop trigger ${sql.id(t.name)}`.execute(tx);
  await sql`insert into calls_fts(calls_fts) values ('delete-all')`.execute(tx);
}

/**
 * After a sequence's last page (or when a desk opens with a first sync left half-way, so its search works
 * offline meanwhile): index every call in one statement and put the triggers back — unless a migration
 * created them anew in between, whose definitions then stand.
 */
export async function catchUpCallIndex(tx: Kysely<Database>): Promise<void> {
  const deferred = await getMeta(tx, KEY);
  if (!deferred) return;
  await sql`insert into calls_fts(calls_fts) values ('delete-all')`.execute(tx);
  await sql.raw(`insert into calls_fts(rowid, body) select rowid, ${callTextSqlite()} from calls`).execute(tx);
  if ((await indexTriggers(tx)).length === 0) for (const text of JSON.parse(deferred) as string[]) await sql.raw(text).execute(tx);
  await setMeta(tx, KEY, '');
}
