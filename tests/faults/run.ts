/**
 * The fault harness (issue #15): `npm run test:faults` = `node --import tsx tests/faults/run.ts`.
 *
 *   --quick            CI mode (also when CI=true): ~3–4 minutes on a 2-core machine, both legs
 *   --long             hundreds of iterations (150 per leg), hours at most
 *   --seed <n>         replay a run's schedule (the seed is printed at start and written to the report)
 *   --iterations <n>   most iterations per leg          --budget <s>   wall-time budget of the whole run
 *   --legs pglite,postgres                              --keep         keep the temp dir and logs
 *   --faults "desk clock +24 h,network cut"             only these fault kinds (names as in the report)
 *   --plant            plant a divergence and a lost action in the first iteration: the run must FAIL (checks the checks)
 *   --no-report        do not write docs/RELIABILITY.md
 *
 * Writes docs/RELIABILITY.md and exits non-zero if any acknowledged action was lost, a desk diverged, something
 * ran twice or the server was down at the end. Not a vitest file: `npx vitest run` (tests/unit/**) never sees it.
 */
import { chmodSync, cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Leg, mountedTmpfs, unmount, type LegResult } from './leg';
import { startPgCluster, type PgCluster } from './postgres';
import { Prng } from './prng';
import { killEveryStartedProcess } from './proc';
import { renderReport } from './report';
import { bundleNode } from '../../build/bundle-node.mjs';

interface Options {
  mode: 'quick' | 'long';
  seed: number;
  iterations: number | null;
  budgetS: number | null;
  legs: string[] | null;
  faults: string[] | null;
  plant: boolean;
  keep: boolean;
  report: boolean;
}

function parse(argv: string[]): Options {
  const o: Options = { mode: 'quick', seed: Math.floor(Math.random() * 2 ** 31), iterations: null, budgetS: null, legs: null, faults: null, plant: false, keep: false, report: true };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i]!.split('=', 2) as [string, string | undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    if (flag === '--quick') o.mode = 'quick';
    else if (flag === '--long') o.mode = 'long';
    else if (flag === '--seed') o.seed = Number(value()) >>> 0;
    else if (flag === '--iterations') o.iterations = Number(value());
    else if (flag === '--budget') o.budgetS = Number(value());
    else if (flag === '--legs') o.legs = value().split(',');
    else if (flag === '--faults') o.faults = value().split(',');
    else if (flag === '--keep') o.keep = true;
    else if (flag === '--plant') {
      o.plant = true;
      o.report = false; // a demonstration, not a run to report
    }
    else if (flag === '--no-report') o.report = false;
    else throw new Error(`unknown option ${flag} (see the top of tests/faults/run.ts)`);
  }
  return o;
}

// Processes are started by repository-relative paths and the report lands in docs/: run from the root.
process.chdir(join(dirname(fileURLToPath(import.meta.url)), '..', '..'));
const t0 = Date.now();
const log = (line: string) => console.log(`[faults ${((Date.now() - t0) / 1000).toFixed(0).padStart(4)} s] ${line}`);

let root = '';
let pg: PgCluster | null = null;
let cleaned = false;
async function cleanUp(keep: boolean): Promise<void> {
  if (cleaned) return;
  cleaned = true;
  killEveryStartedProcess();
  for (const dir of [...mountedTmpfs]) unmount(dir);
  await pg?.stop().catch(() => undefined);
  if (root && !keep) rmSync(root, { recursive: true, force: true });
}

async function main(): Promise<number> {
  let o: Options;
  try {
    o = parse(process.argv.slice(2));
  } catch (err) {
    console.error((err as Error).message);
    return 2;
  }
  const ci = process.env.CI === 'true' || process.env.CI === '1';
  const quick = o.mode === 'quick';
  const budgetS = o.budgetS ?? (quick ? 215 : 6 * 3600);
  const deadline = t0 + budgetS * 1000;
  const wantPg = Boolean(process.env.DATABASE_URL);
  const legNames = (o.legs ?? ['pglite', 'postgres']).filter((l) => l === 'pglite' || l === 'postgres');
  const skipped: { name: string; why: string }[] = [];
  if (legNames.includes('postgres') && !wantPg) skipped.push({ name: 'postgres', why: 'DATABASE_URL is not set, so the real-PostgreSQL leg cannot run here' });
  const legs = legNames.filter((l) => l !== 'postgres' || wantPg) as ('pglite' | 'postgres')[];
  // The servers and desks run compiled (no TypeScript at run time): built once here, a second or two of the budget.
  await bundleNode({ log });
  const loadStart = loadavg();
  log(`seed ${o.seed} — mode ${o.mode}${ci ? ' (CI)' : ''}, budget ${budgetS} s, legs ${legs.join(', ') || 'none'}${skipped.length ? ` (skipped: ${skipped.map((s) => s.name).join(', ')})` : ''}`);
  log(`machine: ${cpus().length} cores, load average ${loadStart.map((x) => x.toFixed(2)).join(' ')}`);

  root = mkdtempSync(join(tmpdir(), 'zhiban-faults-'));
  chmodSync(root, 0o755); // the PostgreSQL cluster runs as postgres and lives below
  const watchdog = setTimeout(
    () => {
      log(`watchdog: the run overran its budget by 5 minutes; stopping everything`);
      void cleanUp(true).then(() => process.exit(3));
    },
    (budgetS + 300) * 1000,
  );

  const results: LegResult[] = [];
  const rng = new Prng(o.seed);
  let pgNote: string | null = null;
  try {
    for (const [i, name] of legs.entries()) {
      const legsLeft = legs.length - i;
      // Quick: the time left is shared among the legs still to run (PGlite's start-up and final check cost more).
      const share = legsLeft === 1 ? 1 : name === 'pglite' ? 0.55 : 1 / legsLeft;
      const legDeadline = Date.now() + (deadline - Date.now()) * share;
      if (name === 'postgres') {
        log('PostgreSQL leg: making a throwaway cluster of its own');
        pg = await startPgCluster(join(root, 'pg'), process.env.DATABASE_URL!);
        pgNote = pg.restartSkip
          ? `on DATABASE_URL's cluster, restarts not injected: ${pg.restartSkip}`
          : 'on a throwaway cluster the harness made for itself (initdb, fsync=off as in build/ci-postgres.sh), scratch database per run';
      }
      log(`leg ${name}: starting (until +${((legDeadline - t0) / 1000).toFixed(0)} s)`);
      const leg = new Leg({
        name,
        engine: name,
        rng: rng.fork(i + 1),
        root: join(root, name),
        logDir: join(root, 'logs', name),
        deadline: legDeadline,
        maxIterations: o.iterations ?? (quick ? 40 : 150),
        minIterations: quick ? 2 : 1,
        stepsPerIteration: quick ? [5, 9] : [6, 14],
        pg,
        ...(o.faults ? { onlyFaults: o.faults } : {}),
        plant: o.plant,
        log,
      });
      const r = await leg.run();
      results.push(r);
      log(
        `leg ${name}: ${r.iterations} iterations, ${r.acks} acknowledged (applied ${r.applied}, rejected ${r.rejected}: ${JSON.stringify(r.rejectedByRule)}), lost ${r.lost}, divergent ${r.divergent}, duplicates ${r.duplicates}, server up ${r.serverUpAtEnd}; faults ${JSON.stringify(Object.fromEntries(Object.entries(r.faults).filter(([, n]) => n > 0)))}`,
      );
      if (pg) {
        await pg.stop();
        pg = null;
      }
    }
  } finally {
    clearTimeout(watchdog);
  }

  const critical = results.flatMap((r) => r.findings).filter((f) => f.severity === 'critical');
  const passed = results.length > 0 && results.every((r) => r.lost === 0 && r.divergent === 0 && r.duplicates === 0 && r.serverUpAtEnd) && critical.length === 0;
  const report = renderReport({
    date: new Date().toISOString(),
    seed: o.seed,
    mode: o.mode === 'quick' ? `quick${ci ? ' (CI)' : ''}` : 'long',
    command: `node --import tsx tests/faults/run.ts ${process.argv.slice(2).join(' ')}`.trim(),
    cores: cpus().length,
    cpu: cpus()[0]?.model ?? 'unknown',
    loadStart,
    loadEnd: loadavg(),
    node: process.version,
    wallMs: Date.now() - t0,
    legs: results,
    skippedLegs: skipped,
    pgNote,
    passed,
  });
  if (o.report) {
    writeFileSync('docs/RELIABILITY.md', report);
    log('wrote docs/RELIABILITY.md');
  }
  if (!passed) {
    const dest = join('test-results', 'faults', `run-${o.seed}`);
    mkdirSync(dest, { recursive: true });
    cpSync(join(root, 'logs'), dest, { recursive: true });
    writeFileSync(join(dest, 'findings.json'), JSON.stringify(results.map((r) => ({ leg: r.name, findings: r.findings })), null, 2));
    log(`FAILED — logs and findings kept in ${dest}`);
  }
  await cleanUp(o.keep);
  log(`${passed ? 'PASS' : 'FAIL'} in ${((Date.now() - t0) / 1000).toFixed(0)} s (seed ${o.seed})`);
  return passed ? 0 : 1;
}

for (const sig of ['SIGINT', 'SIGTERM'] as const)
  process.on(sig, () => {
    log(`${sig}: stopping every process this run started`);
    void cleanUp(false).then(() => process.exit(130));
  });
process.on('exit', () => {
  killEveryStartedProcess();
  for (const dir of [...mountedTmpfs]) unmount(dir);
});

main().then(
  (code) => process.exit(code),
  async (err: unknown) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : err);
    await cleanUp(false);
    process.exit(2);
  },
);
