// bench/sync: how fast the server applies pushed mutations, on PGlite and (with DATABASE_URL) PostgreSQL,
// each as a ratio to bare single-row commits on the same database in the same run, beside the path it
// replaced (one transaction per pushed mutation, bench/sync/legacy-push.ts).
// Run: npm run bench:sync [-- --full]   (PostgreSQL leg: eval "$(bash build/ci-postgres.sh)" first)
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatHlc } from '../../shared/sync/hlc';
import { seedDemoCenter } from '../../db/demo/seed';
import { createScratchDatabase, openCentralStore, type CentralStore } from '../../server/store';
import { serverHandlers } from '../../server/handlers';
import { processPush, PushCommitter } from '../../server/sync/push';
import { takeVersion } from '../../server/sync/versions';
import { processPushPerMutation } from './legacy-push';
import { benchCall } from './call';

const FULL = process.argv.includes('--full');
const N = Number(process.env.BENCH_N ?? (FULL ? 2000 : 300));
/** Rounds of the three measurements, interleaved, the median kept: a shared machine's load moves under a run. */
const ROUNDS = FULL ? 5 : 3;
/** What a desk sends at once (electron/backend/sync/sync-engine.ts PUSH_BATCH). */
const BATCH = 100;

async function bareCommits(store: CentralStore, n: number): Promise<number> {
  const t0 = performance.now();
  for (let i = 0; i < n; i++)
    await store.db.transaction().execute((tx) => tx.insertInto('zb_meta').values({ key: `bench-${i}-${randomUUID()}`, value: 'x' }).execute());
  return n / ((performance.now() - t0) / 1000);
}

type Push = typeof processPush;

async function pushedMutations(store: CentralStore, push: Push, n: number): Promise<number> {
  const handlers = serverHandlers();
  const clientId = randomUUID();
  const t0 = performance.now();
  for (let start = 1; start <= n; start += BATCH) {
    const mutations = Array.from({ length: Math.min(BATCH, n - start + 1) }, (_, k) => ({
      id: start + k,
      name: 'calls.log',
      args: benchCall(start + k),
      actedAt: formatHlc({ wall: Date.now(), counter: 0, node: 'bench' }),
    }));
    const r = await push(store.db, handlers, 'user-agent01', { clientId, mutations }, () => new Date(), () => undefined);
    if (r.results.some((x) => x.status !== 'applied')) throw new Error(`not applied: ${JSON.stringify(r.results.find((x) => x.status !== 'applied'))}`);
  }
  return n / ((performance.now() - t0) / 1000);
}

/** Desks pushing at once, each one mutation per push (a desk pushes as soon as it acts): the load bench's shape. */
const DESKS = 20;

/** DESKS desks each pushing single calls.log until n are applied: one transaction per push, or grouped (PushCommitter). */
async function manyDesks(store: CentralStore, grouped: boolean, n: number): Promise<number> {
  const handlers = serverHandlers();
  const committer = new PushCommitter(store.db, handlers, () => new Date(), () => undefined);
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: DESKS }, async (_, d) => {
      const clientId = randomUUID();
      for (let id = 1; next < n; id++) {
        const k = next++;
        const req = { clientId, mutations: [{ id, name: 'calls.log', args: benchCall(k), actedAt: formatHlc({ wall: Date.now(), counter: 0, node: `bench${d}` }) }] };
        const r = grouped ? await committer.push('user-agent01', req) : await processPush(store.db, handlers, 'user-agent01', req, () => new Date(), () => undefined);
        if (r.results.some((x) => x.status !== 'applied')) throw new Error(`not applied: ${JSON.stringify(r.results[0])}`);
      }
    }),
  );
  return n / ((performance.now() - t0) / 1000);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main() {
  const legs: { engine: string; open(): Promise<{ store: CentralStore; done(): Promise<void> }> }[] = [
    {
      engine: 'PGlite (embedded, on disk)',
      async open() {
        const dir = mkdtempSync(join(tmpdir(), 'zhiban-bench-'));
        const store = await openCentralStore({ dataDir: dir });
        return { store, done: async () => { await store.close(); rmSync(dir, { recursive: true, force: true }); } };
      },
    },
  ];
  if (process.env.DATABASE_URL)
    legs.push({
      engine: 'PostgreSQL 15 (loopback)',
      async open() {
        const db = await createScratchDatabase(process.env.DATABASE_URL!, 'zb_bench');
        const store = await openCentralStore({ databaseUrl: db.url });
        return { store, done: async () => { await store.close(); await db.drop(); } };
      },
    });
  else console.log('PostgreSQL leg skipped: DATABASE_URL is not set');

  const rows: string[] = [];
  const manyRows: string[] = [];
  for (const leg of legs) {
    const { store, done } = await leg.open();
    const version = await store.db.transaction().execute((tx) => takeVersion(tx));
    await seedDemoCenter(store.db, new Date(), version);
    // Warm-up: connections, prepared plans, JIT.
    await bareCommits(store, 50);
    await pushedMutations(store, processPush, 50);
    await pushedMutations(store, processPushPerMutation, 50);
    await manyDesks(store, true, 50);
    const bare: number[] = [];
    const now: number[] = [];
    const before: number[] = [];
    const alone: number[] = [];
    const grouped: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      bare.push(await bareCommits(store, N));
      now.push(await pushedMutations(store, processPush, N));
      before.push(await pushedMutations(store, processPushPerMutation, N));
      alone.push(await manyDesks(store, false, N));
      grouped.push(await manyDesks(store, true, N));
    }
    const [b, n, o] = [median(bare), median(now), median(before)];
    rows.push(`| ${leg.engine} | ${N} × ${ROUNDS} | ${b.toFixed(0)} | ${o.toFixed(0)} (${(o / b).toFixed(2)}×) | ${n.toFixed(0)} | **${(n / b).toFixed(2)}×** | ${(n / o).toFixed(1)}× | ${n / b >= 1 ? 'met' : 'missed'} |`);
    const [a, g] = [median(alone), median(grouped)];
    manyRows.push(`| ${leg.engine} | ${DESKS} desks × 1 mutation per push, ${N} × ${ROUNDS} | ${b.toFixed(0)} | ${a.toFixed(0)} (${(a / b).toFixed(2)}×) | ${g.toFixed(0)} | **${(g / b).toFixed(2)}×** | ${(g / a).toFixed(1)}× | ${g / b >= 1 ? 'met' : 'missed'} |`);
    console.log(`${leg.engine}: ${DESKS} desks pushing one mutation at a time: ${a.toFixed(0)}/s one transaction per push, ${g.toFixed(0)}/s grouped`);
    console.log(`${leg.engine}: bare commits ${b.toFixed(0)}/s; pushed mutations ${n.toFixed(0)}/s (one transaction per push), ${o.toFixed(0)}/s before (one per mutation)`);
    await done();
  }
  const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  console.log(`\nmachine: ${cpus().length} cores, load average ${load}; calls.log pushed in batches of ${BATCH}; medians of ${ROUNDS} interleaved rounds`);
  console.log('| database | mutations | bare single-row commits/s | before: one transaction per mutation, /s (ratio) | now: one per push, /s | ratio to bare (target ≥ 1×) | speed-up | target |');
  console.log('|---|---|---|---|---|---|---|---|');
  for (const r of rows) console.log(r);
  console.log('\n| database | shape | bare single-row commits/s | one transaction per push, /s (ratio) | group commit, /s | ratio to bare (target ≥ 1×) | speed-up | target |');
  console.log('|---|---|---|---|---|---|---|---|');
  for (const r of manyRows) console.log(r);
}

void main();
