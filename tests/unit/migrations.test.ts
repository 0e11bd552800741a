import { PGlite } from '@electric-sql/pglite';
import { sql, type Kysely } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION, migrate, schemaVersion, SchemaTooNewError } from '../../db/migrate';
import { MIGRATIONS } from '../../db/migrations';
import { kyselyOnPglite } from '../../db/open-pglite';
import { openSqlite } from '../../db/open-sqlite';
import type { Database } from '../../db/schema';
import { tempDir } from './support/tmp';
import { ENGINE_CASES } from './support/central';
import { placeBlankPglite } from './support/templates';

const dir = tempDir();
afterAll(() => dir.remove());

type Engine = { name: string; open(): Promise<{ db: Kysely<Database>; tables(): Promise<string[]> }> };

const engines: Engine[] = [
  {
    name: 'SQLite (file on disk)',
    async open() {
      const { db, raw } = openSqlite(`${dir.path}/m-${Math.random()}.db`);
      return {
        db,
        tables: async () =>
          (raw.prepare("select name from sqlite_master where type='table' order by name").all() as { name: string }[]).map((r) => r.name),
      };
    },
  },
  {
    name: 'PGlite (embedded PostgreSQL)',
    async open() {
      // A copy of the run's newly initialised cluster: the empty database `new PGlite()` makes, without initdb each time.
      const dataDir = `${dir.path}/pg-${Math.random()}`;
      await placeBlankPglite(dataDir);
      const pg = new PGlite(dataDir);
      const db = kyselyOnPglite(pg);
      return {
        db,
        tables: async () =>
          (await sql<{ tablename: string }>`select tablename from pg_tables where schemaname = 'public' order by tablename`.execute(db)).rows.map(
            (r) => r.tablename,
          ),
      };
    },
  },
];

// The real server's engine too, when CI provides one (otherwise reported as skipped, never passed).
const pgCase = ENGINE_CASES[1]!;
if (!pgCase.skip)
  engines.push({
    name: 'PostgreSQL (DATABASE_URL)',
    async open() {
      const store = await pgCase.open(`${dir.path}/pg-${Math.random()}`);
      // Migrations are the subject here: start from an empty database, not the store's migrated one.
      await sql`drop schema public cascade`.execute(store.db);
      await sql`create schema public`.execute(store.db);
      const db = store.db;
      return {
        db,
        tables: async () =>
          (await sql<{ tablename: string }>`select tablename from pg_tables where schemaname = 'public' order by tablename`.execute(db)).rows.map((r) => r.tablename),
      };
    },
  });

if (pgCase.skip)
  describe('migrations on PostgreSQL', () => {
    it.skip(`skipped: ${pgCase.skip}`, () => {});
  });

describe.each(engines)('migrations on $name', (engine) => {
  it('runs every migration, records the version, and is a no-op the second time', async () => {
    const { db, tables } = await engine.open();
    expect(await migrate(db)).toEqual({ from: 0, to: LATEST_SCHEMA_VERSION });
    expect(await schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    expect(await tables()).toEqual(expect.arrayContaining(['calls', 'outbox', 'teams', 'users', 'zb_meta', 'zb_schema_version']));
    expect(await migrate(db)).toEqual({ from: LATEST_SCHEMA_VERSION, to: LATEST_SCHEMA_VERSION });
    await db.destroy();
  });

  it('runs each migration step on its own, in order', async () => {
    const { db } = await engine.open();
    for (let n = 1; n <= MIGRATIONS.length; n++) {
      await migrate(db, MIGRATIONS.slice(0, n));
      expect(await schemaVersion(db)).toBe(MIGRATIONS[n - 1]!.version);
    }
    await db.destroy();
  });

  it('refuses a database written by a newer build, and writes nothing', async () => {
    const { db, tables } = await engine.open();
    await migrate(db);
    await db.insertInto('zb_schema_version').values({ version: LATEST_SCHEMA_VERSION + 7, applied_at: 'x' }).execute();
    const before = await tables();
    const err = await migrate(db).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SchemaTooNewError);
    expect((err as Error).message).toMatch(/newer Zhiban/);
    expect(await tables()).toEqual(before);
    await db.destroy();
  });

  it('enforces the call category list in the schema itself', async () => {
    const { db } = await engine.open();
    await migrate(db);
    const now = new Date().toISOString();
    await db.insertInto('users').values({ id: 'u1', username: 'u1', display_name: 'U', role: 'agent', team_id: null, password_hash: 'x', active: 1, created_at: now }).execute();
    const row = {
      id: 'c1', agent_id: 'u1', team_id: null, customer_phone: '1', customer_name: '', category: 'gossip', summary: 's',
      outcome: 'o', follow_up: 0, started_at: now, ended_at: now, duration_sec: 0, created_at: now,
    };
    await expect(db.insertInto('calls').values(row).execute()).rejects.toThrow();
    await db.insertInto('calls').values({ ...row, category: 'complaint' }).execute();
    const saved = await db.selectFrom('calls').select(['category', 'follow_up']).executeTakeFirstOrThrow();
    expect(saved).toEqual({ category: 'complaint', follow_up: 0 });
    await db.destroy();
  });
});
