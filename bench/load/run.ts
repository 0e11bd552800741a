// bench/load: simulated desks speaking the real sync protocol over HTTP to a real server process on
// PostgreSQL (a fresh database per run), with the push paths run one after the other on the same workload:
// `push` = one transaction per desk's push (the baseline), `group` = pushes from many desks share a commit (now),
// and with --legacy also `mutation` = one transaction per mutation (before #16). Quick: 50 desks, 20 s; --full:
// 50 and 200 desks, 60 s.
// Run: DATABASE_URL=postgres://… npm run bench:load [-- --full] [-- --desks 120 --seconds 30 --now-only --legacy --no-pull-after-push]
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { createInterface } from 'node:readline';
import { sql } from 'kysely';
import { dateInZone } from '../../shared/policy/zoned-date';
import { createScratchDatabase, openCentralStore } from '../../server/store';
import { seedLoadCenter, type LoadPerson } from './center';
import { LoadDesk, rng, type DeskStats, type Rates } from './desk';

const argv = process.argv.slice(2);
const flag = (name: string) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const FULL = argv.includes('--full');
const SIZES = flag('--desks') ? [Number(flag('--desks'))] : FULL ? [50, 200] : [50];
const SECONDS = Number(flag('--seconds') ?? (FULL ? 60 : 20));
/** A call every 3 minutes per agent, a roster edit every 20 minutes per lead, a swap request every 2 hours per agent: time compressed 60×. */
const RATES: Rates = { callEvery: 3, rosterEvery: 20, swapEvery: 120, pullEvery: 15 };
type PushPath = 'mutation' | 'push' | 'group';
const PATHS: readonly PushPath[] = argv.includes('--now-only') ? ['group'] : argv.includes('--legacy') ? ['mutation', 'push', 'group'] : ['push', 'group'];
const PATH_NAMES: Record<PushPath, string> = { mutation: 'before #16: one transaction per mutation', push: 'baseline: one transaction per push', group: 'now: group commit across desks' };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const pct = (xs: number[], p: number) => {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};
const loadavg = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

/** What the server wrote to stderr, by first line (a 503's cause is logged there), with counts. */
type ServerLog = Map<string, number>;

/** What the server process reported when stopped (bench/load/server.ts). */
interface ServerStats {
  poolWaitMs: number[];
  loop: { p50: number; p99: number; max: number };
  group: { commits: number; members: number; largest: number; queueWaitMs: number[]; split: number; commitMs: number[] } | null;
}

async function startServer(url: string, path: PushPath): Promise<{ address: string; proc: ChildProcess; log: ServerLog; stats: { value: ServerStats | null } }> {
  // BENCH_SERVER_PROF=<dir>: a CPU profile of the server process (written when it stops).
  const prof = process.env.BENCH_SERVER_PROF ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_SERVER_PROF] : [];
  const proc = spawn(process.execPath, [...prof, '--import', 'tsx', 'bench/load/server.ts', ...(path === 'mutation' ? ['--legacy'] : path === 'push' ? ['--solo'] : [])], { env: { ...process.env, DATABASE_URL: url }, stdio: ['ignore', 'pipe', 'pipe'] });
  let errors = '';
  const log: ServerLog = new Map();
  createInterface({ input: proc.stderr! }).on('line', (l) => {
    errors = (errors + l + '\n').slice(-4000);
    if (/^\s+at /.test(l) || l.trim() === '') return;
    const key = l.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, '…').replace(/mutation \d+/, 'mutation …').slice(0, 160);
    log.set(key, (log.get(key) ?? 0) + 1);
  });
  const lines = createInterface({ input: proc.stdout! });
  const stats: { value: ServerStats | null } = { value: null };
  lines.on('line', (l) => {
    if (l.startsWith('STATS ')) stats.value = JSON.parse(l.slice(6)) as ServerStats;
  });
  const address = await new Promise<string>((resolve, reject) => {
    lines.on('line', (l) => l.startsWith('READY ') && resolve(l.slice(6)));
    proc.on('exit', (code) => reject(new Error(`server exited (${code}): ${errors}`)));
  });
  return { address, proc, log, stats };
}

async function stopServer(proc: ChildProcess): Promise<void> {
  const exited = new Promise((r) => proc.on('exit', r));
  proc.kill('SIGTERM');
  await Promise.race([exited, sleep(10_000).then(() => proc.kill('SIGKILL'))]);
}

interface RunResult {
  path: PushPath;
  desks: number;
  pushes: number;
  offered: number;
  acked: number;
  pushP50: number;
  pushP95: number;
  pushP99: number;
  ackP95: number;
  pullP95: number;
  drainS: number;
  retries: number;
  errors: number;
  byName: Map<string, { applied: number; rejected: number }>;
  problems: string[];
  serverLog: ServerLog;
  server: ServerStats | null;
}

async function runOnce(desksN: number, path: PushPath): Promise<RunResult> {
  const scratch = await createScratchDatabase(process.env.DATABASE_URL!, 'zb_load');
  const now = new Date();
  const today = dateInZone(now, 'Asia/Shanghai');
  let people: LoadPerson[];
  {
    const store = await openCentralStore({ databaseUrl: scratch.url });
    people = await seedLoadCenter(store.db, desksN, now);
    await store.close();
  }
  const server = await startServer(scratch.url, path);
  const stats: DeskStats = { pushMs: [], pullMs: [], ackMs: [], ackAt: [], retries: 0, errors: [] };
  const random = rng(16_002 + desksN);
  const desks = people.map((p) => new LoadDesk(p, people.filter((q) => q.teamId === p.teamId), server.address, stats, rng(Math.floor(random() * 2 ** 31)), !argv.includes('--no-pull-after-push')));
  // First sync of every desk (not measured), a few at a time.
  for (let i = 0; i < desks.length; i += 20) await Promise.all(desks.slice(i, i + 20).map((d) => d.pull()));
  // Then one call from each (warms the server's JIT and connection pool), not measured either.
  for (let i = 0; i < desks.length; i += 20) await Promise.all(desks.slice(i, i + 20).map((d) => d.warmUp()));
  for (const xs of [stats.pushMs, stats.pullMs, stats.ackMs, stats.ackAt]) xs.length = 0;
  stats.retries = 0;
  server.proc.kill('SIGUSR2');

  const t0 = performance.now();
  const end = t0 + SECONDS * 1000;
  let offered = 0;
  await Promise.all(
    desks.map(async (d) => {
      let nextPull = performance.now() + random() * RATES.pullEvery * 1000;
      let actAt = performance.now() + random() * RATES.callEvery * 1000;
      while (actAt < end) {
        // An idle desk still pulls now and then (what a poke from a colleague's commit would trigger).
        while (nextPull < actAt) {
          await sleep(Math.max(0, nextPull - performance.now()));
          void d.kick();
          nextPull += RATES.pullEvery * 1000;
        }
        await sleep(Math.max(0, actAt - performance.now()));
        const before = d.sent.size;
        actAt += d.act(RATES, today) * 1000;
        offered += d.sent.size - before;
      }
    }),
  );
  const activeAcked = stats.ackAt.filter((t) => t >= t0 && t <= end).length;
  const tEnd = performance.now();
  await Promise.all(desks.map((d) => d.drain()));
  const drainS = (performance.now() - tEnd) / 1000;
  // Every desk pulls to the end, for the convergence check.
  for (let i = 0; i < desks.length; i += 20) await Promise.all(desks.slice(i, i + 20).map((d) => d.pull()));
  await stopServer(server.proc);

  // All writes present: the server's log holds every id each desk sent with the outcome the desk was told,
  // every applied call and swap request is a row, and each lead's desk holds every applied call of its team.
  const problems: string[] = [];
  const byName = new Map<string, { applied: number; rejected: number }>();
  const store = await openCentralStore({ databaseUrl: scratch.url });
  try {
    const log = await store.db.selectFrom('mutation_log').select(['client_id', 'id', 'status']).execute();
    const logged = new Map(log.map((r) => [`${r.client_id}#${Number(r.id)}`, r.status]));
    const calls = new Set((await store.db.selectFrom('calls').select('id').execute()).map((r) => r.id));
    const swaps = new Set((await store.db.selectFrom('swaps').select('id').execute()).map((r) => r.id));
    const appliedCallsByTeam = new Map<string, string[]>();
    for (const d of desks) {
      for (const [id, m] of d.sent) {
        const told = d.outcomes.get(id);
        const stored = logged.get(`${d.clientId}#${id}`);
        const tally = byName.get(m.name) ?? { applied: 0, rejected: 0 };
        if (told === 'applied' || told === 'rejected') tally[told]++;
        byName.set(m.name, tally);
        if (!told) problems.push(`${d.person.userId} #${id} ${m.name}: no answer`);
        else if (stored !== told) problems.push(`${d.person.userId} #${id} ${m.name}: told ${told}, logged ${stored ?? 'nothing'}`);
        if (told === 'applied' && m.name === 'calls.log') {
          const callId = String(m.args.id);
          if (!calls.has(callId)) problems.push(`${d.person.userId} #${id}: call ${callId} missing`);
          appliedCallsByTeam.set(d.person.teamId, [...(appliedCallsByTeam.get(d.person.teamId) ?? []), callId]);
        }
        if (told === 'applied' && m.name === 'swap.request' && !swaps.has(String(m.args.id))) problems.push(`${d.person.userId} #${id}: swap missing`);
      }
      const client = await store.db.selectFrom('sync_clients').select('last_mutation_id').where('client_id', '=', d.clientId).executeTakeFirst();
      if (d.sent.size > 0 && Number(client?.last_mutation_id ?? 0) !== d.sent.size) problems.push(`${d.person.userId}: server at ${client?.last_mutation_id}, desk sent ${d.sent.size}`);
    }
    for (const d of desks.filter((x) => x.person.role === 'team_lead')) {
      const missing = (appliedCallsByTeam.get(d.person.teamId) ?? []).filter((id) => !d.seenCalls.has(id));
      if (missing.length > 0) problems.push(`${d.person.userId}: ${missing.length} of the team's calls never reached the lead's desk`);
    }
    const versions = await sql<{ n: number }>`select count(*)::int as n from calls where version <= 0`.execute(store.db);
    if (versions.rows[0]!.n > 0) problems.push(`${versions.rows[0]!.n} calls without a version`);
  } finally {
    await store.close();
    await scratch.drop();
  }
  return {
    path,
    desks: desksN,
    pushes: stats.pushMs.length,
    offered: offered / SECONDS,
    acked: activeAcked / SECONDS,
    pushP50: pct(stats.pushMs, 50),
    pushP95: pct(stats.pushMs, 95),
    pushP99: pct(stats.pushMs, 99),
    ackP95: pct(stats.ackMs, 95),
    pullP95: pct(stats.pullMs, 95),
    drainS,
    retries: stats.retries,
    errors: stats.errors.length,
    byName,
    problems,
    serverLog: server.log,
    server: server.stats.value,
  };
}

async function main() {
  if (!process.env.DATABASE_URL) {
    console.log('bench:load needs PostgreSQL: set DATABASE_URL (eval "$(bash build/ci-postgres.sh)")');
    return;
  }
  const startLoad = loadavg();
  const results: RunResult[] = [];
  for (const desks of SIZES)
    for (const path of PATHS) {
      const r = await runOnce(desks, path);
      results.push(r);
      const mix = [...r.byName].map(([n, t]) => `${n} ${t.applied}/${t.applied + t.rejected}`).join(', ');
      console.log(`${desks} desks, ${path}: push p50 ${r.pushP50.toFixed(0)} ms, p95 ${r.pushP95.toFixed(0)} ms; ${r.acked.toFixed(1)} mutations/s acknowledged of ${r.offered.toFixed(1)}/s offered; applied ${mix}; ${r.problems.length === 0 ? 'all writes present' : `${r.problems.length} PROBLEMS`}`);
      for (const p of r.problems.slice(0, 10)) console.log(`  ${p}`);
      if (r.server) {
        const w = r.server.poolWaitMs;
        console.log(`  pool: ${w.length} checkouts, wait p50 ${pct(w, 50).toFixed(1)} ms, p95 ${pct(w, 95).toFixed(1)} ms, max ${Math.max(0, ...w).toFixed(0)} ms, over 1 s ${w.filter((x) => x > 1000).length}; server event loop delay p50 ${r.server.loop.p50.toFixed(0)} ms, p99 ${r.server.loop.p99.toFixed(0)} ms`);
        const g = r.server.group;
        if (g) console.log(`  group commit: ${g.commits} commits carried ${g.members} desk shares (mean ${(g.members / Math.max(1, g.commits)).toFixed(1)}, largest ${g.largest}); queue wait p50 ${pct(g.queueWaitMs, 50).toFixed(0)} ms, p95 ${pct(g.queueWaitMs, 95).toFixed(0)} ms; a commit took p50 ${pct(g.commitMs, 50).toFixed(0)} ms, p95 ${pct(g.commitMs, 95).toFixed(0)} ms; ${g.split} split after a failure`);
      }
      for (const [line, n] of [...r.serverLog].sort((a, b) => b[1] - a[1]).slice(0, 5)) console.log(`  server stderr ×${n}: ${line}`);
    }
  console.log(`\nmachine: ${cpus().length} cores, load average ${startLoad} at start, ${loadavg()} at the end; server, PostgreSQL and the desks on this machine; ${SECONDS} s of load per run`);
  console.log('| desks | push path | pushes | offered mutations/s | acknowledged/s | push p50 ms | push p95 ms | push p99 ms | queued→acknowledged p95 ms | pull p95 ms | pool wait p95 ms | push queue wait p95 ms | desks per commit | drain after s | 503 retries | errors | all writes present | target p95 ≤ 500 ms |');
  console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const r of results)
    console.log(
      `| ${r.desks} | ${PATH_NAMES[r.path]} | ${r.pushes} | ${r.offered.toFixed(1)} | ${r.acked.toFixed(1)} | ${r.pushP50.toFixed(0)} | ${r.pushP95.toFixed(0)} | ${r.pushP99.toFixed(0)} | ${r.ackP95.toFixed(0)} | ${r.pullP95.toFixed(0)} | ${r.server ? pct(r.server.poolWaitMs, 95).toFixed(0) : '?'} | ${r.server?.group ? pct(r.server.group.queueWaitMs, 95).toFixed(0) : '—'} | ${r.server?.group ? (r.server.group.members / Math.max(1, r.server.group.commits)).toFixed(1) : '1'} | ${r.drainS.toFixed(1)} | ${r.retries} | ${r.errors} | ${r.problems.length === 0 ? 'yes' : `NO (${r.problems.length})`} | ${r.desks === 200 ? (r.pushP95 <= 500 ? 'met' : 'missed') : '—'} |`,
    );
  if (results.some((r) => r.problems.length > 0)) process.exitCode = 1;
}

void main();
