import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { SyncStatus } from '../../shared/sync/status';
import { startDeskHost, type DeskHost } from '../../electron/backend/desk-host';
import { PROBE_TIMEOUT_MS } from '../../electron/backend/sync/server-link';
import { buildServer, type CentralServer } from '../../server/app';
import { openCentralStore, type CentralStore } from '../../server/store';
import { takeVersion } from '../../server/sync/versions';
import { seedDemoCenter } from '../../db/demo/seed';
import { DEMO_PASSWORD } from '../../db/demo/demo-center';
import { tempDir } from './support/tmp';
import { aCall } from './support/calls';

/**
 * Issue #9 item 2: a desk notices within 5 s that its server is gone (a dropped poke socket, a failed
 * request) and within 5 s that it is back. The 5 s budgets of the waits below are the assertions.
 */
const BUDGET_MS = 5_000;

/** The real server on a fixed port that a test can take off the network and put back (same database). */
interface SwitchableServer {
  url: string;
  store: CentralStore;
  readonly current: CentralServer;
  down(): Promise<void>;
  up(): Promise<void>;
  close(): Promise<void>;
}

async function switchableServer(dataDir: string): Promise<SwitchableServer> {
  const store: CentralStore = await openCentralStore({ dataDir });
  const version = await store.db.transaction().execute((tx) => takeVersion(tx));
  await seedDemoCenter(store.db, new Date(), version);
  const make = () => buildServer({ store, clock: () => new Date(), appVersion: 'test' });
  let server = make();
  await server.app.listen({ port: 0, host: '127.0.0.1' });
  const port = (server.app.server.address() as AddressInfo).port;
  let listening = true;
  const s: SwitchableServer = {
    url: `http://127.0.0.1:${port}`,
    store,
    get current() {
      return server;
    },
    async down() {
      if (!listening) return;
      listening = false;
      await server.app.close();
    },
    async up() {
      if (listening) return;
      server = make();
      await server.app.listen({ port, host: '127.0.0.1' });
      listening = true;
    },
    async close() {
      await s.down();
      await store.close();
    },
  };
  return s;
}

/** Resolves with the milliseconds until the desk publishes one of `states`; rejects when the budget runs out. */
function stateWithin(host: DeskHost, states: SyncStatus['state'][], budgetMs: number): Promise<number> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(new Error(`no ${states.join('/')} within ${budgetMs} ms`));
    }, budgetMs);
    const off = host.events.on((e) => {
      if (e.type !== 'sync' || !states.includes(e.status.state)) return;
      clearTimeout(timer);
      off();
      resolve(Math.round(performance.now() - t0));
    });
  });
}

async function signIn(host: DeskHost, username: string): Promise<string> {
  const r = await host.dispatch('session.login', { username, password: DEMO_PASSWORD });
  if (!r.ok) throw new Error(r.error.message);
  return (r.value as { token: string }).token;
}

const dir = tempDir();
let central: SwitchableServer;
const hosts: DeskHost[] = [];
beforeAll(async () => {
  central = await switchableServer(join(dir.path, 'server'));
});
afterAll(async () => {
  for (const h of hosts) await h.close();
  await central.close();
  dir.remove();
});

async function desk(name: string): Promise<DeskHost> {
  const host = await startDeskHost({ dataDir: join(dir.path, name), serverUrl: central.url });
  hosts.push(host);
  return host;
}

describe('offline and back, noticed within seconds', () => {
  it('a signed-in desk turns offline within 5 s of the server stopping, and online within 5 s of its return', async () => {
    const host = await desk('agent');
    await signIn(host, 'agent01');
    await host.sync.syncNow();
    expect((await host.sync.status()).state).toBe('online');
    await expect.poll(() => central.current.hub.size).toBe(1); // the poke socket is up

    const times: Record<string, number[]> = { offline: [], online: [] };
    for (let round = 0; round < 2; round++) {
      const offline = stateWithin(host, ['offline'], BUDGET_MS);
      await central.down();
      times.offline!.push(await offline);

      const online = stateWithin(host, ['online'], BUDGET_MS);
      await central.up();
      times.online!.push(await online);
      await expect.poll(() => central.current.hub.size).toBe(1);
    }
    console.log(`[sync-offline] signed-in desk: offline after ${times.offline!.join(', ')} ms; online again after ${times.online!.join(', ')} ms`);
  });

  it('work done while the server is gone finds it offline at once and delivers itself when it is back', async () => {
    const host = await desk('agent2');
    const token = await signIn(host, 'agent02');
    await host.sync.syncNow();
    await central.down();
    const input = aCall({ summary: '服务器停机时登记' });
    const offline = stateWithin(host, ['offline'], BUDGET_MS);
    expect((await host.dispatch('calls.log', input, token)).ok).toBe(true);
    await offline;
    const delivered = new Promise<void>((resolve) => {
      const off = host.events.on((e) => e.type === 'sync' && e.status.state === 'online' && e.status.pending === 0 && (off(), resolve()));
    });
    const t0 = performance.now();
    await central.up();
    await delivered;
    const ms = Math.round(performance.now() - t0);
    console.log(`[sync-offline] pending call delivered ${ms} ms after the server came back`);
    expect(ms).toBeLessThan(BUDGET_MS);
    expect(await central.store.db.selectFrom('calls').select('id').where('id', '=', input.id).executeTakeFirst()).toEqual({ id: input.id });
  });

  it('a server that accepts connections but never answers is offline after the 3 s probe, not the 30 s request timeout', async () => {
    // A black hole: TCP accepted, nothing ever said.
    const held = new Set<Socket>();
    const hole: Server = createServer((s) => {
      held.add(s);
      s.on('error', () => undefined);
    });
    await new Promise<void>((r) => hole.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(hole.address() as AddressInfo).port}`;
    const host = await startDeskHost({ dataDir: join(dir.path, 'hole'), serverUrl: url });
    hosts.push(host);
    try {
      const t0 = performance.now();
      const r = await host.dispatch('session.login', { username: 'agent03', password: DEMO_PASSWORD });
      const ms = Math.round(performance.now() - t0);
      console.log(`[sync-offline] sign-in against a silent server gave up after ${ms} ms`);
      expect(r).toMatchObject({ ok: false, error: { fields: [{ code: 'err.firstSignInNeedsServer' }] } });
      expect(ms).toBeLessThan(PROBE_TIMEOUT_MS + 1_500);
      const offline = stateWithin(host, ['offline'], BUDGET_MS);
      host.sync.kick();
      expect(await offline).toBeLessThan(BUDGET_MS);
    } finally {
      for (const s of held) s.destroy();
      await new Promise<void>((r) => hole.close(() => r()));
    }
  });
});
