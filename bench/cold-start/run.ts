// bench/cold-start: how long a person waits for the server and the desk to come up (issue #16 item 4).
// Each figure runs the compiled path (out/server/main.mjs, out/web/web-entry.mjs, the new-center template) and,
// interleaved in the same run, a baseline: by default the same source through `node --import tsx` (no template);
// with `--baseline <dir>`, another checkout's compiled build (e.g. main's, built there with `npm run build:renderer
// && npm run build:node`), so a change to the compiled path is measured against the compiled path it replaces.
//   server warm start            spawn → "ready:" on a data dir that already holds the center
//   server first start with demo spawn → "ready:" on an empty data dir (cluster, migrations, demo center)
//   login page painted           desk spawn → the login heading visible in Chromium (also: page load alone)
//   sign-in to first screen      Enter on the login form → the shell and its first screen, on a desk that
//                                has synced before (same code on both paths: one figure, no baseline)
// CPU: each process's own CPU time (all its threads, from /proc) when it printed its ready line, which reads
// better than wall time on a machine other people load.
// Run: npm run bench:cold            (quick: 3 rounds each)    npm run bench:cold -- --full   (7 rounds)
//      npm run bench:cold -- --baseline /tmp/main-build
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type CDPSession, type Page } from '@playwright/test';
import { bundleNode, SERVER_ENTRY, WEB_ENTRY } from '../../build/bundle-node.mjs';
import { buildRenderer } from '../../build/renderer-build.mjs';
import { CHROMIUM } from '../../playwright.config';
import { translate } from '../../renderer/i18n/catalogues';
import { DEMO_PASSWORD } from '../../db/demo/demo-center';

const FULL = process.argv.includes('--full');
const ROUNDS = FULL ? 7 : 3;
const TARGETS = { warm: 2000, first: 5000, login: 2000, signIn: 1000 };

const BASE_AT = process.argv.indexOf('--baseline');
const BASE_DIR = BASE_AT > 0 ? resolve(process.argv[BASE_AT + 1] ?? '') : null;
if (BASE_DIR && !existsSync(join(BASE_DIR, 'out', 'server', 'main.mjs'))) throw new Error(`--baseline ${BASE_DIR}: no out/server/main.mjs there (build it first)`);
const BASE_NAME = BASE_DIR ? `baseline (compiled build in ${BASE_DIR})` : 'baseline (tsx, same source)';

/** 'compiled': this checkout's build; 'tsx': the baseline (tsx, or the --baseline build). */
type Path = 'compiled' | 'tsx';
const argv = (path: Path, entry: 'server' | 'web') => {
  if (path === 'compiled') return [entry === 'server' ? SERVER_ENTRY : WEB_ENTRY];
  if (BASE_DIR) return [join(BASE_DIR, 'out', entry === 'server' ? 'server/main.mjs' : 'web/web-entry.mjs')];
  return ['--import', 'tsx', entry === 'server' ? 'server/main.ts' : 'electron/backend/web-entry.ts'];
};

interface Running {
  url: string;
  ms: number;
  /** The process's CPU time (user + system, every thread) when it was ready. */
  cpuMs: number;
  stop(): Promise<void>;
}

const TICK_MS = 10; // USER_HZ is 100 on Linux
function cpuOf(pid: number | undefined): number {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(f[11]) + Number(f[12])) * TICK_MS;
  } catch {
    return NaN;
  }
}

/** Spawns, and resolves with the ready line's URL and the milliseconds it took. */
function start(args: string[], ready: RegExp): Promise<Running> {
  const t0 = performance.now();
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, DATABASE_URL: '' } });
  const stop = () =>
    new Promise<void>((done) => {
      if (child.exitCode !== null) return done();
      child.once('exit', () => done());
      child.kill('SIGTERM');
    });
  return new Promise((resolve, reject) => {
    let out = '';
    const onData = (c: Buffer) => {
      out += c.toString();
      const m = ready.exec(out);
      if (m) {
        child.stdout!.off('data', onData);
        resolve({ url: m[1]!, ms: performance.now() - t0, cpuMs: cpuOf(child.pid), stop });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
    child.once('exit', (code) => reject(new Error(`${args.join(' ')} exited ${code}:\n${out}`)));
  });
}

const SERVER_READY = /ready: (http\S+)/;
const DESK_READY = /Zhiban web desk ready: (\S+)/;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Chromium's counters, enabled on a page before it navigates (they count from then on). */
const probes = new WeakMap<Page, CDPSession>();
async function watchBusy(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  probes.set(page, cdp);
}

/** The page's main-thread busy time so far (Chromium's TaskDuration), in ms: its CPU, whatever the load. */
async function busyMs(page: Page): Promise<number> {
  const cdp = probes.get(page);
  if (!cdp) return NaN;
  const { metrics } = await cdp.send('Performance.getMetrics');
  return (metrics.find((m) => m.name === 'TaskDuration')?.value ?? NaN) * 1000;
}

/** Navigates and waits for the login heading; the page's busy time for it. */
async function loginPainted(page: Page, url: string): Promise<number> {
  await watchBusy(page);
  await page.goto(url);
  await page.getByRole('heading', { name: translate('zh-CN', 'login.title') }).waitFor({ state: 'visible' });
  return busyMs(page);
}

/** Sign-in → first screen drawn: wall ms and the page's busy ms in between. */
async function signIn(page: Page, username: string): Promise<{ ms: number; busy: number }> {
  const busy0 = await busyMs(page);
  const ms = await signInWall(page, username);
  return { ms, busy: (await busyMs(page)) - busy0 };
}

async function signInWall(page: Page, username: string): Promise<number> {
  await page.getByLabel(translate('zh-CN', 'login.username')).fill(username);
  await page.getByLabel(translate('zh-CN', 'login.password')).fill(DEMO_PASSWORD);
  const t0 = performance.now();
  await page.keyboard.press('Enter');
  await page.getByTestId('signed-in-as').waitFor({ state: 'visible', timeout: 60_000 });
  await page.locator('.ant-menu-item-selected').first().waitFor({ state: 'visible' });
  // The first screen has drawn its content, not a spinner.
  await page.waitForFunction(() => !document.querySelector('.ant-spin-spinning'), null, { timeout: 60_000 });
  return performance.now() - t0;
}

/** The renderer's chunks: all of them, and what the login page loads (index.html's script and its preloads). */
function rendererSize(root: string): string {
  const out = join(root, 'out', 'renderer');
  const dir = join(out, 'assets');
  const gz = (f: string) => gzipSync(readFileSync(join(dir, f))).length;
  const kib = (n: number) => `${(n / 1024).toFixed(0)} KiB`;
  const js = readdirSync(dir).filter((f) => f.endsWith('.js'));
  const size = (f: string) => statSync(join(dir, f)).size;
  const html = readFileSync(join(out, 'index.html'), 'utf8');
  const first = [...html.matchAll(/(?:src|href)="\.\/assets\/([^"]+\.js)"/g)].map((m) => m[1]!);
  const sum = (fs: string[], f: (x: string) => number) => fs.reduce((a, x) => a + f(x), 0);
  const largest = [...js].sort((a, b) => size(b) - size(a)).slice(0, 3);
  return (
    `${js.length} JS chunks, ${kib(sum(js, size))} (${kib(sum(js, gz))} gzip); login page loads ${first.length} of them, ` +
    `${kib(sum(first, size))} (${kib(sum(first, gz))} gzip); largest: ${largest.map((f) => `${f.replace(/-[\w-]{8}\.js$/, '')} ${kib(size(f))}`).join(', ')}`
  );
}

async function main() {
  const load0 = loadavg();
  const b0 = performance.now();
  await buildRenderer();
  await bundleNode({ log: () => undefined });
  const buildMs = performance.now() - b0;
  const root = mkdtempSync(join(tmpdir(), 'zhiban-bench-cold-'));
  const results: Record<string, Record<Path, number[]>> = {};
  const note = (k: string, p: Path, ms: number) => ((results[k] ??= { compiled: [], tsx: [] })[p].push(ms));
  const browser: Browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'] });
  try {
    for (let r = 0; r < ROUNDS; r++) {
      for (const p of (r % 2 ? ['tsx', 'compiled'] : ['compiled', 'tsx']) as Path[]) {
        const dir = join(root, `${p}-${r}`);
        // First start with the demo, then a warm start on the same data.
        const first = await start([...argv(p, 'server'), '--port', '0', '--data-dir', join(dir, 'server')], SERVER_READY);
        note('first', p, first.ms);
        note('firstCpu', p, first.cpuMs);
        await first.stop();
        const server = await start([...argv(p, 'server'), '--port', '0', '--data-dir', join(dir, 'server')], SERVER_READY);
        note('warm', p, server.ms);
        note('warmCpu', p, server.cpuMs);
        // A desk syncing with it: spawn → login heading painted; and the page load alone.
        const t0 = performance.now();
        const desk = await start([...argv(p, 'web'), '--port', '0', '--data-dir', join(dir, 'desk'), '--server', server.url], DESK_READY);
        const context = await browser.newContext();
        const page = await context.newPage();
        const t1 = performance.now();
        const paintBusy = await loginPainted(page, desk.url);
        note('login', p, performance.now() - t0);
        note('paint', p, performance.now() - t1);
        note('paintBusy', p, paintBusy);
        note('deskCpu', p, desk.cpuMs);
        // The first sign-in syncs the desk; the timed one comes after. Same code on the tsx path (not timed
        // there); a --baseline build has its own renderer and desk, so it is timed too.
        if (p === 'compiled' || BASE_DIR) {
          await signIn(page, 'agent01');
          await page.locator('[data-testid=sync-status][data-state=online]').waitFor({ timeout: 60_000 });
          const again = await context.newPage();
          await loginPainted(again, desk.url);
          // The login page stands a moment, as it does while someone types (the idle prefetch runs then).
          await again.waitForTimeout(1500);
          const s = await signIn(again, 'agent01');
          note('signIn', p, s.ms);
          note('signInBusy', p, s.busy);
        }
        await context.close();
        await desk.stop();
        await server.stop();
      }
    }
  } finally {
    await browser.close();
    rmSync(root, { recursive: true, force: true });
  }
  const load1 = loadavg();
  const fmt = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  const rows: string[] = [];
  const row = (name: string, k: string, target: number | null) => {
    const c = median(results[k]!.compiled);
    if (!results[k]!.tsx.length) {
      rows.push(`| ${name} | ${fmt(c)} | same code | — | ${target ? `≤ ${fmt(target)}` : '—'} | ${target ? (c <= target ? 'met' : 'missed') : '—'} |`);
      return;
    }
    const t = median(results[k]!.tsx);
    rows.push(`| ${name} | ${fmt(c)} | ${fmt(t)} | ${(t / c).toFixed(1)}× | ${target ? `≤ ${fmt(target)}` : '—'} | ${target ? (c <= target ? 'met' : 'missed') : '—'} |`);
  };
  row('server warm start', 'warm', TARGETS.warm);
  row('(its CPU time at ready)', 'warmCpu', null);
  row('server first start with demo center', 'first', TARGETS.first);
  row('(its CPU time at ready)', 'firstCpu', null);
  row('web desk spawn → login page painted', 'login', TARGETS.login);
  row('(of which: page load → login painted)', 'paint', null);
  row('(page main-thread busy time to login painted)', 'paintBusy', null);
  row('(desk process CPU time at ready)', 'deskCpu', null);
  row('sign-in → first screen (synced desk)', 'signIn', TARGETS.signIn);
  row('(page main-thread busy time in it)', 'signInBusy', null);
  console.log(`\ncold start, ${ROUNDS} rounds each (medians), this build vs ${BASE_NAME}, interleaved in this run; build ${fmt(buildMs)}`);
  console.log(`| figure | this build | ${BASE_NAME} | ratio | target | |`);
  console.log('|---|---|---|---|---|---|');
  for (const r of rows) console.log(r);
  console.log(`\nrenderer, this build: ${rendererSize('.')}`);
  if (BASE_DIR) console.log(`renderer, baseline:   ${rendererSize(BASE_DIR)}`);
  console.log(`all samples (ms): ${JSON.stringify(Object.fromEntries(Object.entries(results).map(([k, v]) => [k, { compiled: v.compiled.map(Math.round), tsx: v.tsx.map(Math.round) }])))}`);
  console.log(`machine: ${cpus().length} cores, load average ${load0.map((x) => x.toFixed(2)).join(' ')} at start, ${load1.map((x) => x.toFixed(2)).join(' ')} at end`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
