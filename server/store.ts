import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { mkdirSync } from 'node:fs';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { migrate } from '../db/migrate';
import { kyselyOnPglite } from '../db/open-pglite';
import type { Database } from '../db/schema';
import { ensureDefaultPolicy } from '../db/stores/policy-store';
import { ensureDefaultShiftTypes } from '../db/stores/shift-types-store';
import { takeVersion } from './sync/versions';
import { copyCenterTemplate } from './center-template';

export type Engine = 'postgres' | 'pglite';

export interface CentralStore {
  db: Kysely<Database>;
  engine: Engine;
  /** PostgreSQL's address, for a connection of its own (server/sync/poke-bus.ts listens there). */
  databaseUrl?: string;
  close(): Promise<void>;
}

// bigint columns (versions, counts) come back as numbers: they stay far below 2^53.
pg.types.setTypeParser(20, (v) => Number(v));

/**
 * PostgreSQL when a URL is given, otherwise embedded PGlite in `dataDir` (nothing to install). Migrated on open.
 * `template`: a prepared cluster (center-template.ts) copied into a new PGlite `dataDir` instead of creating
 * one. `bare`: migrations only, no default policy (what a template holds).
 */
export async function openCentralStore(o: { databaseUrl?: string; dataDir?: string; template?: { dir: string; key: string }; bare?: boolean }): Promise<CentralStore> {
  let db: Kysely<Database>;
  let engine: Engine;
  let closeExtra = async () => {};
  if (o.databaseUrl) {
    engine = 'postgres';
    const pool = new pg.Pool({ connectionString: o.databaseUrl, max: 10, connectionTimeoutMillis: 5_000 });
    // An idle connection dropped by the server (restart, failover, pg_terminate_backend) is an 'error' event
    // on the pool; unhandled, it would end the process. The pool opens a new connection on the next query.
    const lost = (err: Error) => console.error(`database connection lost (${(err as { code?: string }).code ?? err.message}); reconnecting on the next query`);
    pool.on('error', lost);
    // A connection checked out for a query when the server drops it emits 'error' on the client itself (the
    // pool only listens while it is idle); the query in flight fails on its own and the connection is discarded.
    pool.on('connect', (client) => client.on('error', lost));
    db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  } else {
    engine = 'pglite';
    if (o.dataDir && o.template) copyCenterTemplate(o.template.dir, o.template.key, o.dataDir);
    if (o.dataDir) mkdirSync(o.dataDir, { recursive: true });
    // pg_trgm: the call search's trigram index (migration 025); it is loaded with the cluster, not installed.
    const lite = new PGlite(o.dataDir, { extensions: { pg_trgm } });
    db = kyselyOnPglite(lite);
    closeExtra = () => lite.close();
  }
  try {
    await migrate(db);
    // A center always has a policy: the originals' defaults until a director saves another version.
    const has = o.bare || (await db.selectFrom('policy_versions').select('id').limit(1).executeTakeFirst());
    if (!has)
      await db.transaction().execute(async (tx) => {
        const version = await takeVersion(tx);
        await ensureDefaultPolicy(tx, version);
        await ensureDefaultShiftTypes(tx, version);
      });
  } catch (err) {
    await db.destroy();
    await closeExtra();
    throw err;
  }
  return {
    db,
    engine,
    ...(o.databaseUrl ? { databaseUrl: o.databaseUrl } : {}),
    close: async () => {
      await db.destroy();
      await closeExtra();
    },
  };
}

/** A fresh, empty database on the PostgreSQL server at `baseUrl` (tests, benchmarks); `drop` removes it. */
export async function createScratchDatabase(baseUrl: string, prefix: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = async (sql: string) => {
    const c = new pg.Client({ connectionString: baseUrl });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };
  await admin(`create database ${name}`);
  const u = new URL(baseUrl);
  u.pathname = `/${name}`;
  return { url: u.toString(), drop: () => admin(`drop database if exists ${name}`) };
}
