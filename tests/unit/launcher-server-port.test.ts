import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer as createHttpServer, type Server } from 'node:http';
import { existsSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { decideServer, memoryFileFor, probeServer, readMemory, serverPortOption, startEmbeddedServer, type ServerProbe } from '../../build/embedded-server.mjs';
import { buildServer, type CentralServer } from '../../server/app';
import { ensureCenterId } from '../../server/center-id';
import { openCentralStore, type CentralStore } from '../../server/store';
import { tempDir } from './support/tmp';

/**
 * Issue #9 item 22: `npm start` / `npm run web` take --server-port (or ZHIBAN_SERVER_PORT) for the embedded
 * server and never silently join a foreign center on that port: each center has an id, the launcher
 * remembers the one it created, and anything else on the port sends ours to a free port, with one line.
 */
const OURS = '11111111-1111-4111-8111-111111111111';
const FOREIGN = '22222222-2222-4222-8222-222222222222';
const ours = { kind: 'zhiban', centerId: OURS, healthy: true } satisfies ServerProbe;
const foreign = { kind: 'zhiban', centerId: FOREIGN, healthy: true } satisfies ServerProbe;
const old = { kind: 'zhiban', centerId: null, healthy: true } satisfies ServerProbe;
const other = { kind: 'other', detail: 'HTTP 404 without a Zhiban health answer' } satisfies ServerProbe;
const free = { kind: 'free' } satisfies ServerProbe;
/** The launched server keeps to PGlite in its data dir even where the suite has DATABASE_URL set. */
const serverEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'DATABASE_URL'));

describe('deciding which server to use (pure)', () => {
  it('reuses ours on the port, starts on a free port, and never joins anything else', () => {
    expect(decideServer({ port: 5180, atPort: ours, remembered: { centerId: OURS, port: 5180 }, atRemembered: null })).toMatchObject({ action: 'reuse', port: 5180 });
    expect(decideServer({ port: 5180, atPort: free, remembered: null, atRemembered: null })).toEqual({ action: 'start', port: 5180, notice: null });
    expect(decideServer({ port: 5180, atPort: free, remembered: { centerId: OURS, port: 5180 }, atRemembered: null })).toEqual({ action: 'start', port: 5180, notice: null });
    for (const taken of [foreign, old, other]) {
      const d = decideServer({ port: 5180, atPort: taken, remembered: { centerId: OURS, port: 5180 }, atRemembered: null });
      expect(d).toMatchObject({ action: 'start', port: 0 });
      expect(d.notice).toMatch(/^Zhiban: port 5180 is taken by .*; starting our own central server on a free port instead\.$/);
      // With no memory at all (first run), a Zhiban server on the port is still not ours.
      expect(decideServer({ port: 5180, atPort: taken, remembered: null, atRemembered: null })).toMatchObject({ action: 'start', port: 0 });
    }
    expect(decideServer({ port: 5180, atPort: foreign, remembered: null, atRemembered: null }).notice).toContain(`another Zhiban center (id ${FOREIGN})`);
    expect(decideServer({ port: 5180, atPort: old, remembered: null, atRemembered: null }).notice).toContain('no center id');
    expect(decideServer({ port: 5180, atPort: other, remembered: null, atRemembered: null }).notice).toContain('not a Zhiban server');
  });

  it('finds ours where it went last time, and goes back there when the wanted port is still taken', () => {
    const moved = { centerId: OURS, port: 43210 };
    // Ours still runs on the port it had to take: reuse it (a second server on the same data would be worse).
    expect(decideServer({ port: 5180, atPort: foreign, remembered: moved, atRemembered: ours })).toMatchObject({ action: 'reuse', port: 43210 });
    expect(decideServer({ port: 5180, atPort: free, remembered: moved, atRemembered: ours })).toMatchObject({ action: 'reuse', port: 43210 });
    // Not running: the wanted port if free, else last time's port if free, else any.
    expect(decideServer({ port: 5180, atPort: free, remembered: moved, atRemembered: free })).toMatchObject({ action: 'start', port: 5180 });
    expect(decideServer({ port: 5180, atPort: foreign, remembered: moved, atRemembered: free })).toMatchObject({ action: 'start', port: 43210 });
    expect(decideServer({ port: 5180, atPort: foreign, remembered: moved, atRemembered: other })).toMatchObject({ action: 'start', port: 0 });
  });

  it('reads --server-port and ZHIBAN_SERVER_PORT, and leaves the other arguments alone', () => {
    expect(serverPortOption([], {})).toEqual({ port: 5180, given: false, rest: [] });
    expect(serverPortOption(['--port', '6001', '--server-port', '7001', '--data-dir', 'x'], {})).toEqual({ port: 7001, given: true, rest: ['--port', '6001', '--data-dir', 'x'] });
    expect(serverPortOption(['--server-port=7002'], { ZHIBAN_SERVER_PORT: '7003' })).toMatchObject({ port: 7002 });
    expect(serverPortOption(['--standalone'], { ZHIBAN_SERVER_PORT: '7003' })).toEqual({ port: 7003, given: true, rest: ['--standalone'] });
    for (const bad of ['0', '65536', 'abc', '']) expect(() => serverPortOption(['--server-port', bad], {})).toThrow(/--server-port/);
    expect(() => serverPortOption([], { ZHIBAN_SERVER_PORT: 'x' })).toThrow(/ZHIBAN_SERVER_PORT/);
  });
});

describe('the center id', () => {
  const dir = tempDir();
  afterAll(() => dir.remove());

  it('is made once, kept in the database across restarts, and reported by /api/health', async () => {
    let store = await openCentralStore({ dataDir: join(dir.path, 'center') });
    const id = await ensureCenterId(store.db);
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await ensureCenterId(store.db)).toBe(id);
    await store.close();
    store = await openCentralStore({ dataDir: join(dir.path, 'center') });
    const server = buildServer({ store, clock: () => new Date(), appVersion: 'test' });
    await server.app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const port = (server.app.server.address() as AddressInfo).port;
      expect(await (await fetch(`http://127.0.0.1:${port}/api/health`)).json()).toMatchObject({ status: 'ok', centerId: id });
      expect(await probeServer(port)).toEqual({ kind: 'zhiban', centerId: id, healthy: true });
    } finally {
      await server.app.close();
      await store.close();
    }
  });
});

describe('the launcher next to a foreign center (real servers)', () => {
  const dir = tempDir();
  let foreignStore: CentralStore;
  let foreignServer: CentralServer;
  let foreignPort = 0;
  let foreignId = '';
  let plain: Server;
  let plainPort = 0;
  const stops: (() => Promise<void>)[] = [];
  beforeAll(async () => {
    foreignStore = await openCentralStore({ dataDir: join(dir.path, 'foreign') });
    foreignServer = buildServer({ store: foreignStore, clock: () => new Date(), appVersion: 'test' });
    await foreignServer.app.listen({ port: 0, host: '127.0.0.1' });
    foreignPort = (foreignServer.app.server.address() as AddressInfo).port;
    foreignId = await ensureCenterId(foreignStore.db);
    plain = createHttpServer((_req, res) => res.writeHead(404).end('not here'));
    await new Promise<void>((r) => plain.listen(0, '127.0.0.1', r));
    plainPort = (plain.address() as AddressInfo).port;
  });
  afterAll(async () => {
    for (const stop of stops) await stop();
    await foreignServer.app.close();
    await foreignStore.close();
    await new Promise<void>((r) => plain.close(() => r()));
    dir.remove();
  });

  it('starts its own center on a free port, says why in one line, remembers it, and reuses it next time', { timeout: 120_000 }, async () => {
    const dataDir = join(dir.path, 'ours');
    const lines: string[] = [];
    const first = await startEmbeddedServer({ port: foreignPort, dataDir, log: (l) => lines.push(l), echo: false, env: serverEnv });
    stops.push(first.stop);
    expect(first.started).toBe(true);
    expect(lines).toEqual([`Zhiban: port ${foreignPort} is taken by another Zhiban center (id ${foreignId}), not the one this launcher created; starting our own central server on a free port instead.`]);
    const ourPort = Number(new URL(first.url).port);
    expect(ourPort).not.toBe(foreignPort);
    expect(first.centerId).toMatch(/^[0-9a-f-]{36}$/);
    expect(first.centerId).not.toBe(foreignId);
    expect(await probeServer(ourPort)).toMatchObject({ kind: 'zhiban', centerId: first.centerId });
    expect(readMemory(memoryFileFor(dataDir))).toEqual({ centerId: first.centerId, port: ourPort });
    expect(existsSync(join(dataDir, 'PG_VERSION'))).toBe(true); // the memory sits beside PGlite's directory, not in it
    expect(existsSync(join(dataDir, 'launcher.json'))).toBe(false);

    // A second desk window: the foreign one still holds the port; ours is found where it went, and reused.
    lines.length = 0;
    const second = await startEmbeddedServer({ port: foreignPort, dataDir, log: (l) => lines.push(l), echo: false, env: serverEnv });
    expect(second).toMatchObject({ url: first.url, centerId: first.centerId, started: false });
    expect(lines[0]).toContain(`our central server (center ${first.centerId}) is already running at ${first.url}`);

    // Asked for its own port directly: plain reuse.
    const third = await startEmbeddedServer({ port: ourPort, dataDir, log: () => undefined, echo: false, env: serverEnv });
    expect(third).toMatchObject({ url: first.url, started: false });
    await first.stop();
  });

  it('a port held by something that is not a Zhiban server is never taken for one', async () => {
    expect(await probeServer(plainPort)).toMatchObject({ kind: 'other' });
    // An unknown center named in our memory does not make a foreign one ours.
    const memory = memoryFileFor(join(dir.path, 'forged'));
    writeFileSync(memory, JSON.stringify({ centerId: 'not-' + foreignId, port: foreignPort }));
    expect(decideServer({ port: foreignPort, atPort: await probeServer(foreignPort), remembered: readMemory(memory), atRemembered: null })).toMatchObject({ action: 'start', port: 0 });
    expect(decideServer({ port: plainPort, atPort: await probeServer(plainPort), remembered: null, atRemembered: null }).notice).toContain(`port ${plainPort} is taken by something that is not a Zhiban server (HTTP 404`);
  });
});
