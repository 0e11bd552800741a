import type { Kysely } from 'kysely';
import type { Database } from '../schema';
import { onSqlite, run } from '../compiled';

// Read and written by every desk mutation (client id, clock): fixed statements there (db/compiled.ts).
export async function getMeta(db: Kysely<Database>, key: string): Promise<string | null> {
  if (onSqlite(db)) return (await run<{ value: string }>(db, 'select "value" from "zb_meta" where "key" = ?', [key]))[0]?.value ?? null;
  const row = await db.selectFrom('zb_meta').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value ?? null;
}

export async function setMeta(db: Kysely<Database>, key: string, value: string): Promise<void> {
  if (onSqlite(db)) {
    await run(db, 'insert into "zb_meta" ("key", "value") values (?, ?) on conflict ("key") do update set "value" = excluded."value"', [key, value]);
    return;
  }
  await db
    .insertInto('zb_meta')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
}
