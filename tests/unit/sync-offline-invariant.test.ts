import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { SyncStatus } from '../../shared/sync/status';
import { startDeskHost, type DeskHost } from '../../electron/backend/desk-host';
import { httpServerLink, OfflineError, type ServerLink } from '../../electron/backend/sync/server-link';
import { buildServer, type CentralServer } from '../../server/app';
import { openCentralStore, type CentralStore } from '../../server/store';
import { takeVersion } from '../../server/sync/versions';
import { seedDemoCenter } from '../../db/demo/seed';
import { DEMO_PASSWORD } from '../../db/demo/demo-center';
import { aCall } from './support/calls';
import { tempDir } from './support/tmp';

/**
 * Issue #9, "syncing forever": whatever happens around a run — pokes, commits, cuts, the server going away
 * and coming back, a bug thrown mid-pull, slow answers, runs asked for while one is going — every
 * "syncing" the desk publishes is followed by online, offline or signedOut within FINAL_MS, and the last
 * word is never "syncing".
 */
const FINAL_MS = 5_000;

interface Knobs {
  cut: boolean;
  bugNextPull: boolean;
  slowNextMs: number;
}

/** The real HTTP link with a cable, a fault injector and a slow-down in front of it. */
function knobbedLink(inner: ServerLink, k: Knobs): ServerLink {
  const gate = async <T>(f: () => Promise<T>): Promise<T> => {
    if (k.slowNextMs) {
      const ms = k.slowNextMs;
      k.slowNextMs = 0;
      await new Promise((r) => setTimeout(r, ms));
    }
    if (k.cut) throw new OfflineError('network cut by test');
    return f();
  };
  return {
    url: inner.url,
    health: () => gate(() => inner.health!()),
    login: (c) => gate(() => inner.login(c)),
    push: (t, b) => gate(() => inner.push(t, b)),
    pull: (t, b) =>
      gate(() => {
        if (k.bugNextPull) {
          k.bugNextPull = false;
          throw new TypeError('bug injected by test');
        }
        return inner.pull(t, b);
      }),
    call: (t, m, i) => gate(() => inner.call(t, m, i)),
    listen: (t, onPoke, socket) => inner.listen(t, () => !k.cut && onPoke(), socket),
  };
}

type Action =
  | { kind: 'kick' }
  | { kind: 'syncNow' }
  | { kind: 'log' }
  | { kind: 'cut' }
  | { kind: 'restore' }
  | { kind: 'bug' }
  | { kind: 'slow'; ms: number }
  | { kind: 'serverDown' }
  | { kind: 'serverUp' }
  | { kind: 'serverCommit' }
  | { kind: 'wait'; ms: number };

const action: fc.Arbitrary<Action> = fc.oneof(
  fc.constant({ kind: 'kick' } as const),
  fc.constant({ kind: 'syncNow' } as const),
  fc.constant({ kind: 'log' } as const),
  fc.constant({ kind: 'cut' } as const),
  fc.constant({ kind: 'restore' } as const),
  fc.constant({ kind: 'bug' } as const),
  fc.record({ kind: fc.constant('slow' as const), ms: fc.integer({ min: 20, max: 400 }) }),
  fc.constant({ kind: 'serverDown' } as const),
  fc.constant({ kind: 'serverUp' } as const),
  fc.constant({ kind: 'serverCommit' } as const),
  fc.record({ kind: fc.constant('wait' as const), ms: fc.integer({ min: 0, max: 300 }) }),
);

const dir = tempDir();
let store: CentralStore;
let server: CentralServer;
let port = 0;
let serverUp = true;
let host: DeskHost;
let deskToken = '';
const knobs: Knobs = { cut: false, bugNextPull: false, slowNextMs: 0 };
const make = () => buildServer({ store, clock: () => new Date(), appVersion: 'test' });

async function setServer(up: boolean) {
  if (up === serverUp) return;
  serverUp = up;
  if (up) {
    server = make();
    await server.app.listen({ port, host: '127.0.0.1' });
  } else await server.app.close();
}

beforeAll(async () => {
  store = await openCentralStore({ dataDir: join(dir.path, 'server') });
  const version = await store.db.transaction().execute((tx) => takeVersion(tx));
  await seedDemoCenter(store.db, new Date(), version);
  server = make();
  await server.app.listen({ port: 0, host: '127.0.0.1' });
  port = (server.app.server.address() as AddressInfo).port;
  host = await startDeskHost({ dataDir: join(dir.path, 'desk'), link: knobbedLink(httpServerLink(`http://127.0.0.1:${port}`), knobs), retryBaseMs: 50 });
  const r = await host.dispatch('session.login', { username: 'agent01', password: DEMO_PASSWORD });
  if (!r.ok) throw new Error(r.error.message);
  deskToken = (r.value as { token: string }).token;
});
afterAll(async () => {
  await host.close();
  await setServer(false);
  await store.close();
  dir.remove();
});

/** The same person, working through the server's own API: a commit in the desk's scope, so a poke. */
async function serverCommit() {
  const post = (path: string, body: unknown, token?: string) =>
    fetch(`http://127.0.0.1:${port}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });
  const login = (await (await post('/api/v1/session.login', { username: 'agent01', password: DEMO_PASSWORD })).json()) as { value: { token: string } };
  await post('/api/v1/calls.log', aCall({ summary: '服务器端登记' }), login.value.token);
}

async function perform(a: Action): Promise<void> {
  switch (a.kind) {
    case 'kick':
      return host.sync.kick();
    case 'syncNow':
      return void host.sync.syncNow();
    case 'log':
      return void (await host.dispatch('calls.log', aCall({ summary: '随机登记' }), deskToken));
    case 'cut':
      knobs.cut = true;
      return;
    case 'restore':
      knobs.cut = false;
      return;
    case 'bug':
      knobs.bugNextPull = true;
      return;
    case 'slow':
      knobs.slowNextMs = a.ms;
      return;
    case 'serverDown':
      return setServer(false);
    case 'serverUp':
      return setServer(true);
    case 'serverCommit':
      if (serverUp) await serverCommit().catch(() => undefined);
      return;
    case 'wait':
      return void (await new Promise((r) => setTimeout(r, a.ms)));
  }
}

const FINAL = new Set<SyncStatus['state']>(['online', 'offline', 'signedOut']);

describe('every run of the sync engine ends with a final state', () => {
  it('under random pokes, commits, cuts, faults and server restarts', { timeout: 240_000 }, async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined); // the injected bugs are logged
    try {
      await fc.assert(
        fc.asyncProperty(fc.array(action, { minLength: 4, maxLength: 12 }), async (actions) => {
          const seen: { at: number; state: SyncStatus['state'] }[] = [];
          const off = host.events.on((e) => e.type === 'sync' && seen.push({ at: performance.now(), state: e.status.state }));
          try {
            for (const a of actions) await perform(a);
            // Everything back to normal: the desk must settle online with nothing pending.
            Object.assign(knobs, { cut: false, bugNextPull: false, slowNextMs: 0 });
            await setServer(true);
            host.sync.kick();
            // Settled: the desk says online with nothing pending, and so did the last event it sent.
            await expect
              .poll(async () => ({ ...(await host.sync.status()), told: seen.at(-1)?.state }), { timeout: 15_000, interval: 50 })
              .toMatchObject({ state: 'online', pending: 0, told: 'online' });
          } finally {
            off();
          }
          seen.forEach((e, i) => {
            if (e.state !== 'syncing') return;
            const end = seen.slice(i + 1).find((l) => FINAL.has(l.state));
            expect(end, `syncing #${i} of ${seen.map((s) => s.state).join(',')} never ended`).toBeDefined();
            expect(end!.at - e.at, `syncing #${i} took too long`).toBeLessThan(FINAL_MS);
          });
          expect(FINAL.has(seen.at(-1)!.state)).toBe(true);
        }),
        { numRuns: 25, endOnFailure: true },
      );
    } finally {
      errors.mockRestore();
    }
  });
});
