// bench/cold-start: how long a person waits for the server and the desk to come up (issue #16 item 4).
// Each figure runs the compiled path (out/server/main.mjs, out/web/web-entry.mjs, the new-center template) and,
// interleaved in the same run, the baseline: the same source through `node --import tsx` (no template).
//   server warm start            spawn → "ready:" on a data dir that already holds the center
//   server first start with demo spawn → "ready:" on an empty data dir (cluster, migrations, demo center)
//   login page painted           desk spawn → the login heading visible in Chromium (also: page load alone)
//   sign-in to first screen      Enter on the login form → the shell and its first screen, on a desk that
//                                has synced before (same code on both paths: one figure, no baseline)
// Run: npm run bench:cold            (quick: 3 rounds each)    npm run bench:cold -- --full   (7 rounds)
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from '@playwright/test';
import { bundleNode, SERVER_ENTRY, WEB_ENTRY } from '../../build/bundle-node.mjs';
import { buildRenderer } from '../../build/renderer-build.mjs';
import { CHROMIUM } from '../../playwright.config';
import { translate } from '../../renderer/i18n/catalogues';
import { DEMO_PASSWORD } from '../../db/demo/demo-center';

const FULL = process.argv.includes('--full');
const ROUNDS = FULL ? 7 : 3;
const TARGETS = { warm: 2000, first: 5000, login: 2000, signIn: 1000 };

type Path = 'compiled' | 'tsx';
const argv = (path: Path, entry: 'server' | 'web') =>
  path === 'compiled' ? [entry === 'server' ? SERVER_ENTRY : WEB_ENTRY] : ['--import', 'tsx', entry === 'server' ? 'server/main.ts' : 'electron/backend/web-entry.ts'];

interface Running {
  url: string;
  ms: number;
  stop(): Promise<void>;
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
        resolve({ url: m[1]!, ms: performance.now() - t0, stop });
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

async function loginPainted(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByRole('heading', { name: translate('zh-CN', 'login.title') }).waitFor({ state: 'visible' });
}

async function signIn(page: Page, username: string): Promise<number> {
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

function rendererSize(): { files: number; js: number; jsGzip: number; css: number } {
  const dir = join('out', 'renderer', 'assets');
  let js = 0;
  let jsGzip = 0;
  let css = 0;
  const files = readdirSync(dir);
  for (const f of files) {
    if (f.endsWith('.js')) {
      js += statSync(join(dir, f)).size;
      jsGzip += gzipSync(readFileSync(join(dir, f))).length;
    } else if (f.endsWith('.css')) css += statSync(join(dir, f)).size;
  }
  return { files: files.length, js, jsGzip, css };
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
  const signInMs: number[] = [];
  try {
    for (let r = 0; r < ROUNDS; r++) {
      for (const p of (r % 2 ? ['tsx', 'compiled'] : ['compiled', 'tsx']) as Path[]) {
        const dir = join(root, `${p}-${r}`);
        // First start with the demo, then a warm start on the same data.
        const first = await start([...argv(p, 'server'), '--port', '0', '--data-dir', join(dir, 'server')], SERVER_READY);
        note('first', p, first.ms);
        await first.stop();
        const server = await start([...argv(p, 'server'), '--port', '0', '--data-dir', join(dir, 'server')], SERVER_READY);
        note('warm', p, server.ms);
        // A desk syncing with it: spawn → login heading painted; and the page load alone.
        const t0 = performance.now();
        const desk = await start([...argv(p, 'web'), '--port', '0', '--data-dir', join(dir, 'desk'), '--server', server.url], DESK_READY);
        const context = await browser.newContext();
        const page = await context.newPage();
        const t1 = performance.now();
        await loginPainted(page, desk.url);
        note('login', p, performance.now() - t0);
        note('paint', p, performance.now() - t1);
        // Sign in on the compiled path only: the first sign-in syncs the desk; the timed one comes after.
        if (p === 'compiled') {
          await signIn(page, 'agent01');
          await page.locator('[data-testid=sync-status][data-state=online]').waitFor({ timeout: 60_000 });
          const again = await context.newPage();
          await loginPainted(again, desk.url);
          signInMs.push(await signIn(again, 'agent01'));
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
  const size = rendererSize();
  const fmt = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  const rows: string[] = [];
  const row = (name: string, k: string, target: number | null) => {
    const c = median(results[k]!.compiled);
    const t = median(results[k]!.tsx);
    rows.push(`| ${name} | ${fmt(c)} | ${fmt(t)} | ${(t / c).toFixed(1)}× | ${target ? `≤ ${fmt(target)}` : '—'} | ${target ? (c <= target ? 'met' : 'missed') : '—'} |`);
  };
  row('server warm start', 'warm', TARGETS.warm);
  row('server first start with demo center', 'first', TARGETS.first);
  row('web desk spawn → login page painted', 'login', TARGETS.login);
  row('(of which: page load → login painted)', 'paint', null);
  const s = median(signInMs);
  rows.push(`| sign-in → first screen (synced desk) | ${fmt(s)} | same code | — | ≤ ${fmt(TARGETS.signIn)} | ${s <= TARGETS.signIn ? 'met' : 'missed'} |`);
  console.log(`\ncold start, ${ROUNDS} rounds each (medians), compiled vs tsx interleaved in this run; build ${fmt(buildMs)}`);
  console.log('| figure | compiled | baseline (tsx, same run) | ratio | target | |');
  console.log('|---|---|---|---|---|---|');
  for (const r of rows) console.log(r);
  console.log(`\nrenderer bundle: ${size.files} files, JS ${(size.js / 1024).toFixed(0)} KiB (${(size.jsGzip / 1024).toFixed(0)} KiB gzip), CSS ${(size.css / 1024).toFixed(0)} KiB`);
  console.log(`all samples (ms): ${JSON.stringify(Object.fromEntries(Object.entries(results).map(([k, v]) => [k, { compiled: v.compiled.map(Math.round), tsx: v.tsx.map(Math.round) }])))}, signIn ${JSON.stringify(signInMs.map(Math.round))}`);
  console.log(`machine: ${cpus().length} cores, load average ${load0.map((x) => x.toFixed(2)).join(' ')} at start, ${load1.map((x) => x.toFixed(2)).join(' ')} at end`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
