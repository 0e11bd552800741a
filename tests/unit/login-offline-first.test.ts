import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { SyncStatus } from '../../shared/sync/status';
import { startDeskHost, type DeskHost } from '../../electron/backend/desk-host';
import { IDLE_PROBE_MS } from '../../electron/backend/sync/sync-engine';
import { buildServer, type CentralServer } from '../../server/app';
import { openCentralStore, type CentralStore } from '../../server/store';
import { takeVersion } from '../../server/sync/versions';
import { seedDemoCenter } from '../../db/demo/seed';
import { DEMO_PASSWORD } from '../../db/demo/demo-center';
import { tempDir } from './support/tmp';

/**
 * Issue #9 items 19/20: the sign-in page says whether the central server is there, and someone who never
 * signed in on this desk is told, offline, that a first sign-in needs the server — not "wrong password".
 */
const dir = tempDir();
let store: CentralStore;
let server: CentralServer;
let port = 0;
let url = '';
const hosts: DeskHost[] = [];

const make = () => buildServer({ store, clock: () => new Date(), appVersion: 'test' });
async function serverDown() {
  await server.app.close();
}
async function serverUp() {
  server = make();
  await server.app.listen({ port, host: '127.0.0.1' });
}

beforeAll(async () => {
  store = await openCentralStore({ dataDir: join(dir.path, 'server') });
  const version = await store.db.transaction().execute((tx) => takeVersion(tx));
  await seedDemoCenter(store.db, new Date(), version);
  server = make();
  await server.app.listen({ port: 0, host: '127.0.0.1' });
  port = (server.app.server.address() as AddressInfo).port;
  url = `http://127.0.0.1:${port}`;
});
afterAll(async () => {
  for (const h of hosts) await h.close();
  if (server.app.server.listening) await server.app.close();
  await store.close();
  dir.remove();
});

async function desk(name: string, serverUrl: string | null = url): Promise<DeskHost> {
  const host = await startDeskHost({ dataDir: join(dir.path, name), serverUrl: serverUrl ?? undefined, demo: true });
  hosts.push(host);
  return host;
}
const login = (host: DeskHost, username: string, password = DEMO_PASSWORD) => host.dispatch('session.login', { username, password });
/** What the sign-in page reads: no session token. */
const statusSignedOut = async (host: DeskHost) => {
  const r = await host.dispatch('sync.status', {});
  if (!r.ok) throw new Error(`sync.status without a session: ${r.error.code}`);
  return r.value as SyncStatus;
};
function stateWithin(host: DeskHost, state: SyncStatus['state'], budgetMs: number): Promise<number> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => (off(), reject(new Error(`no ${state} within ${budgetMs} ms`))), budgetMs);
    const off = host.events.on((e) => {
      if (e.type === 'sync' && e.status.state === state) {
        clearTimeout(timer);
        off();
        resolve(Math.round(performance.now() - t0));
      }
    });
  });
}

const firstSignIn = { ok: false, error: { code: 'unauthenticated', fields: [{ path: 'username', code: 'err.firstSignInNeedsServer' }] } };
const badLogin = { ok: false, error: { code: 'unauthenticated', fields: [{ path: 'password', code: 'err.badLogin' }] } };

describe('signing in offline on a desk', () => {
  it('tells a first-timer that the server is needed, keeps "wrong password" for a known identity, and lets the known one in', async () => {
    const host = await desk('desk-a');
    expect((await login(host, 'agent01')).ok).toBe(true); // online: agent01 is now known on this desk
    await serverDown();
    try {
      // Never signed in here: an existing account and a made-up name get the same answer (nothing of the server's accounts shows).
      expect(await login(host, 'agent02')).toMatchObject(firstSignIn);
      expect(await login(host, 'nosuchperson')).toMatchObject(firstSignIn);
      // Known here: a wrong password is still just that.
      expect(await login(host, 'agent01', 'wrong-password')).toMatchObject(badLogin);
      expect((await login(host, 'agent01')).ok).toBe(true);
    } finally {
      await serverUp();
    }
  });

  it('online, the server decides, and an unknown name reads exactly like a wrong password', async () => {
    const host = await desk('desk-b');
    expect(await login(host, 'nosuchperson')).toMatchObject(badLogin);
    expect(await login(host, 'agent03', 'wrong-password')).toMatchObject(badLogin);
  });
});

describe('the sign-in page shows whether the central server is there', () => {
  it('reads the status without a session: connected, then unreachable soon after the server goes, then connected again', async () => {
    const host = await desk('desk-c');
    await expect.poll(async () => (await statusSignedOut(host)).state, { timeout: IDLE_PROBE_MS + 2_000 }).toBe('online');
    // Nobody is signed in, so no poke socket: the desk's own probe (every 5 s) is what notices.
    const budget = IDLE_PROBE_MS + 1_500;
    const offline = stateWithin(host, 'offline', budget);
    await serverDown();
    const down = await offline;
    expect((await statusSignedOut(host)).state).toBe('offline');
    const online = stateWithin(host, 'online', budget);
    await serverUp();
    const up = await online;
    console.log(`[login] signed-out desk: unreachable after ${down} ms, connected again after ${up} ms`);
  });

  it('a standalone desk says so', async () => {
    const host = await desk('desk-d', null);
    expect(await statusSignedOut(host)).toMatchObject({ state: 'standalone', serverUrl: null });
  });
});
