// Starts the central server next to a desk (`npm start`, `npm run web`), so the demo syncs out of the box.
// Reuses our own one already answering (a second desk window, say), never a foreign one: every center has an
// id (GET /api/health → centerId), and the launcher remembers the id of the server it created. A port taken by
// anything else gets one line saying so, and our server goes to a free port instead.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const EMBEDDED_PORT = 5180;
const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The server's own default (server/main.ts); passed to it explicitly, so both agree where the center lives. */
export function defaultServerDataDir(env = process.env) {
  return join(env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), 'zhiban-server');
}

/** Where the launcher remembers the center it created in `dataDir`: beside that directory (PGlite owns its inside). */
export function memoryFileFor(dataDir) {
  return `${resolve(dataDir)}.launcher.json`;
}

/** @returns {{ centerId: string, port: number } | null} */
export function readMemory(file) {
  try {
    const j = JSON.parse(readFileSync(file, 'utf8'));
    return typeof j?.centerId === 'string' && Number.isInteger(j?.port) ? { centerId: j.centerId, port: j.port } : null;
  } catch {
    return null;
  }
}

/**
 * `--server-port N` (or `=N`), else ZHIBAN_SERVER_PORT, else 5180. Returns the other arguments untouched.
 * @returns {{ port: number, given: boolean, rest: string[] }}
 */
export function serverPortOption(argv, env = process.env) {
  let raw = null;
  const rest = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--server-port') raw = argv[++i] ?? '';
    else if (a.startsWith('--server-port=')) raw = a.slice('--server-port='.length);
    else rest.push(a);
  }
  raw ??= env.ZHIBAN_SERVER_PORT ?? null;
  if (raw === null) return { port: EMBEDDED_PORT, given: false, rest };
  if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > 65535) throw new Error(`--server-port (or ZHIBAN_SERVER_PORT) must be a port from 1 to 65535, got "${raw}"`);
  return { port: Number(raw), given: true, rest };
}

/**
 * Who answers on a loopback port: nobody (`free`), a Zhiban server (its center id, null from builds before
 * center ids), or something else (`other`: another program, or no answer in time).
 */
export async function probeServer(port, { host = '127.0.0.1', timeoutMs = 2000 } = {}) {
  let res;
  try {
    res = await fetch(`http://${host}:${port}/api/health`, { signal: AbortSignal.timeout(timeoutMs) });
  } catch (err) {
    const code = err?.cause?.code;
    if (code === 'ECONNREFUSED') return { kind: 'free' };
    return { kind: 'other', detail: code ?? (err instanceof Error ? err.message : String(err)) };
  }
  const body = await res.json().catch(() => null);
  // Our health answer, healthy or degraded: {status, db?, engine, version?, centerId?}.
  if (body && typeof body === 'object' && typeof body.status === 'string' && typeof body.engine === 'string')
    return { kind: 'zhiban', centerId: typeof body.centerId === 'string' ? body.centerId : null, healthy: res.ok };
  return { kind: 'other', detail: `HTTP ${res.status} without a Zhiban health answer` };
}

function describe(probe, port) {
  if (probe.kind === 'zhiban' && probe.centerId) return `port ${port} is taken by another Zhiban center (id ${probe.centerId}), not the one this launcher created`;
  if (probe.kind === 'zhiban') return `port ${port} is taken by a Zhiban server with no center id (an older build), so it cannot be ours`;
  return `port ${port} is taken by something that is not a Zhiban server (${probe.detail})`;
}

/**
 * What to do, given who answers on the wanted port and on the port our server used last time (pure).
 * Ours is reused wherever it runs (a second server on the same data would be worse than a different port);
 * a free wanted port gets our server; a taken one never joins a foreign center: our server goes to the
 * port it had last time if free, else any free port (0).
 * @returns {{ action: 'reuse' | 'start', port: number, notice: string | null }}
 */
export function decideServer({ port, atPort, remembered, atRemembered }) {
  const ours = (p) => Boolean(remembered && p?.kind === 'zhiban' && p.centerId === remembered.centerId);
  if (ours(atPort)) return { action: 'reuse', port, notice: `Zhiban: using our central server already running at http://127.0.0.1:${port} (center ${remembered.centerId})` };
  if (remembered && remembered.port !== port && ours(atRemembered))
    return {
      action: 'reuse',
      port: remembered.port,
      notice: `Zhiban: our central server (center ${remembered.centerId}) is already running at http://127.0.0.1:${remembered.port}; using it${atPort.kind === 'free' ? '' : ` (${describe(atPort, port)})`}`,
    };
  if (atPort.kind === 'free') return { action: 'start', port, notice: null };
  const fallback = remembered && remembered.port !== port && atRemembered?.kind === 'free' ? remembered.port : 0;
  return { action: 'start', port: fallback, notice: `Zhiban: ${describe(atPort, port)}; starting our own central server on ${fallback ? `port ${fallback}` : 'a free port'} instead.` };
}

/**
 * Our central server on `port` (ZHIBAN_SERVER_PORT / --server-port, default 5180), reusing it if it already
 * runs, and never a foreign one (decideServer). `dataDir` defaults to the server's own default. `entry`: the
 * compiled server (build/bundle-node.mjs; what the launchers run); without it, the source through tsx (tests).
 * @returns {Promise<{ url: string, centerId: string | null, started: boolean, stop(): Promise<void> }>}
 */
export async function startEmbeddedServer({ port = EMBEDDED_PORT, dataDir = defaultServerDataDir(), log = console.log, echo = true, env = process.env, entry = null } = {}) {
  const memoryFile = memoryFileFor(dataDir);
  const remembered = readMemory(memoryFile);
  const atPort = await probeServer(port);
  const atRemembered = remembered && remembered.port !== port ? await probeServer(remembered.port) : null;
  const decision = decideServer({ port, atPort, remembered, atRemembered });
  if (decision.notice) log(decision.notice);
  if (decision.action === 'reuse') return { url: `http://127.0.0.1:${decision.port}`, centerId: remembered?.centerId ?? null, started: false, stop: async () => {} };

  const args = [...(entry ? [entry] : ['--import', 'tsx', join(ROOT, 'server', 'main.ts')]), '--port', String(decision.port), '--data-dir', resolve(dataDir)];
  const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise((done) => child.once('exit', done));
  const url = await new Promise((done, fail) => {
    let out = '';
    const timer = setTimeout(() => fail(new Error(`central server did not start:\n${out}`)), 60_000);
    child.stdout.on('data', (c) => {
      if (echo) process.stdout.write(c);
      if (out === null) return;
      out += c;
      const m = /ready: (http:\/\/\S+)/.exec(out);
      if (m) {
        out = null;
        clearTimeout(timer);
        done(m[1].replace('://localhost:', '://127.0.0.1:'));
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`central server exited with ${code}:\n${out}`));
    });
  });
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  const actualPort = Number(new URL(url).port);
  const health = await probeServer(actualPort);
  const centerId = health.kind === 'zhiban' ? health.centerId : null;
  if (centerId) {
    mkdirSync(dirname(memoryFile), { recursive: true });
    writeFileSync(memoryFile, `${JSON.stringify({ centerId, port: actualPort, dataDir: resolve(dataDir) }, null, 2)}\n`);
  }
  return { url, centerId, started: true, stop };
}
