import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { seedDemoCenter } from '../../../db/demo/seed';
import { buildServer, type CentralServer } from '../../../server/app';
import { createScratchDatabase, openCentralStore, type CentralStore } from '../../../server/store';
import { LoginLimiter } from '../../../server/auth/login-limiter';
import { takeVersion } from '../../../server/sync/versions';
import { demoPasswordHashes, holdsPglite, placeMigratedPglite } from './templates';

export interface EngineCase {
  name: string;
  /** Why this engine is not run here, or null when it is. */
  skip: string | null;
  open(dataDir: string): Promise<CentralStore>;
}

const pgDatabases = new Map<string, string>();

/** A database of its own per data dir on the real server (DATABASE_URL), so runs never see each other. */
async function pgStoreFor(dataDir: string): Promise<CentralStore> {
  let url = pgDatabases.get(dataDir);
  if (!url) {
    url = (await createScratchDatabase(process.env.DATABASE_URL!, 'zb_test')).url;
    pgDatabases.set(dataDir, url);
  }
  return openCentralStore({ databaseUrl: url });
}

/** A new PGlite store starts as a copy of the run's migrated template (support/templates.ts), not a new cluster. */
async function pgliteStoreFor(dataDir: string): Promise<CentralStore> {
  if (!holdsPglite(dataDir)) await placeMigratedPglite(dataDir);
  return openCentralStore({ dataDir });
}

export const ENGINE_CASES: EngineCase[] = [
  { name: 'PGlite (embedded)', skip: null, open: pgliteStoreFor },
  {
    name: 'PostgreSQL (DATABASE_URL)',
    skip: process.env.DATABASE_URL ? null : 'DATABASE_URL is not set, so the real-PostgreSQL leg cannot run here',
    open: pgStoreFor,
  },
];

for (const e of ENGINE_CASES) if (e.skip) console.log(`[server tests] ${e.name} skipped: ${e.skip}`);

export interface RunningCentral {
  url: string;
  store: CentralStore;
  server: CentralServer;
  /** Stops and starts the server on the same storage and port (desks keep their URL). */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The real server on 127.0.0.1, with the demo center seeded once, at `clock()`. The store starts from the
 * run's migrated template on PGlite, and the seed uses the run's demo password hashes (support/templates.ts).
 */
export async function startCentral(engine: EngineCase, dataDir: string, o: { clock?: () => Date; limiter?: LoginLimiter } = {}): Promise<RunningCentral> {
  const clock = o.clock ?? (() => new Date());
  let store = await engine.open(dataDir);
  const version = await store.db.transaction().execute((tx) => takeVersion(tx));
  await seedDemoCenter(store.db, clock(), version, await demoPasswordHashes());
  let server = buildServer({ store, clock, appVersion: 'test', loginLimiter: o.limiter, recordingsDir: join(dataDir, 'recordings') });
  await server.app.listen({ port: 0, host: '127.0.0.1' });
  const port = (server.app.server.address() as AddressInfo).port;
  const running: RunningCentral = {
    url: `http://127.0.0.1:${port}`,
    store,
    server,
    async restart() {
      await server.app.close();
      await store.close();
      store = await engine.open(dataDir);
      server = buildServer({ store, clock, appVersion: 'test', loginLimiter: o.limiter, recordingsDir: join(dataDir, 'recordings') });
      await server.app.listen({ port, host: '127.0.0.1' });
      running.store = store;
      running.server = server;
    },
    async stop() {
      await server.app.close();
      await store.close();
    },
  };
  return running;
}

export async function api(url: string, path: string, body: unknown, token?: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as any }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export async function serverLogin(url: string, username: string, password = 'zhiban123'): Promise<string> {
  const r = await api(url, '/api/v1/session.login', { username, password });
  if (r.status !== 200) throw new Error(`login ${username}: ${JSON.stringify(r.body)}`);
  return r.body.value.token as string;
}
