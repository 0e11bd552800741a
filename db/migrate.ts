import type { Kysely } from 'kysely';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './migrations';
import type { Migration } from './migrations/types';
import type { Database } from './schema';

export class SchemaTooNewError extends Error {
  constructor(
    readonly found: number,
    readonly known: number,
  ) {
    super(
      `This database has schema version ${found}, but this build of Zhiban only knows up to version ${known}. ` +
        'It was written by a newer Zhiban: update the app. The database was not opened or changed.',
    );
    this.name = 'SchemaTooNewError';
  }
}

async function ensureVersionTable(db: Kysely<Database>): Promise<void> {
  await db.schema
    .createTable('zb_schema_version')
    .ifNotExists()
    .addColumn('version', 'integer', (c) => c.primaryKey())
    .addColumn('applied_at', 'text', (c) => c.notNull())
    .execute();
}

export async function schemaVersion(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('zb_schema_version')
    .select((eb) => eb.fn.max('version').as('v'))
    .executeTakeFirst();
  return Number(row?.v ?? 0);
}

/**
 * Brings the database up to the newest known version, one transaction per migration, and
 * refuses (without writing) a database that a newer build has already moved past.
 */
export async function migrate(
  db: Kysely<Database>,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<{ from: number; to: number }> {
  await ensureVersionTable(db);
  const from = await schemaVersion(db);
  const known = migrations.length ? migrations[migrations.length - 1]!.version : 0;
  if (from > known) throw new SchemaTooNewError(from, known);
  for (const m of migrations) {
    if (m.version <= from) continue;
    await db.transaction().execute(async (trx) => {
      await m.up(trx as unknown as Kysely<unknown>);
      await trx.insertInto('zb_schema_version').values({ version: m.version, applied_at: new Date().toISOString() }).execute();
    });
  }
  return { from, to: Math.max(from, known) };
}

export { LATEST_SCHEMA_VERSION };
