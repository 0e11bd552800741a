// bench/sync: how fast the server applies pushed mutations, on PGlite and (with DATABASE_URL) PostgreSQL,
// each as a ratio to bare single-row commits on the same database in the same run.
// Run: npm run bench            (PostgreSQL leg: eval "$(bash build/ci-postgres.sh)" first)
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatHlc } from '../../shared/sync/hlc';
import { seedDemoCenter } from '../../db/demo/seed';
import { createScratchDatabase, openCentralStore, type CentralStore } from '../../server/store';
import { serverHandlers } from '../../server/handlers';
import { processPush } from '../../server/sync/push';
import { takeVersion } from '../../server/sync/versions';

const N = Number(process.env.BENCH_N ?? 400);
const BATCH = 50;

function call(i: number) {
  const end = new Date(Date.now() - 60_000);
  return {
    id: randomUUID(),
    customerPhone: '138 0013 8000',
    customerName: `客户${i}`,
    category: 'query',
    summary: `bench call ${i}`,
    outcome: 'ok',
    followUp: false,
    startedAt: new Date(end.getTime() - 120_000).toISOString(),
    endedAt: end.toISOString(),
  };
}

async function bareCommits(store: CentralStore): Promise<number> {
  const t0 = performance.now();
  for (let i = 0; i < N; i++)
    await store.db.transaction().execute((tx) => tx.insertInto('zb_meta').values({ key: `bench-${i}-${randomUUID()}`, value: 'x' }).execute());
  return N / ((performance.now() - t0) / 1000);
}

async function appliedMutations(store: CentralStore): Promise<number> {
  const handlers = serverHandlers();
  const clientId = randomUUID();
  const t0 = performance.now();
  for (let start = 1; start <= N; start += BATCH) {
    const mutations = Array.from({ length: Math.min(BATCH, N - start + 1) }, (_, k) => ({
      id: start + k,
      name: 'calls.log',
      args: call(start + k),
      actedAt: formatHlc({ wall: Date.now(), counter: 0, node: 'bench' }),
    }));
    const r = await processPush(store.db, handlers, 'user-agent01', { clientId, mutations }, () => new Date(), () => undefined);
    if (r.results.some((x) => x.status !== 'applied')) throw new Error(`not applied: ${JSON.stringify(r.results.find((x) => x.status !== 'applied'))}`);
  }
  return N / ((performance.now() - t0) / 1000);
}

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
  for (const leg of legs) {
    const { store, done } = await leg.open();
    const version = await store.db.transaction().execute((tx) => takeVersion(tx));
    await seedDemoCenter(store.db, new Date(), version);
    await bareCommits(store); // warm-up
    const bare = await bareCommits(store);
    const applied = await appliedMutations(store);
    rows.push(`| ${leg.engine} | ${N} | ${bare.toFixed(0)} | ${applied.toFixed(0)} | ${(applied / bare).toFixed(2)} |`);
    console.log(`${leg.engine}: bare commits ${bare.toFixed(0)}/s, applied mutations ${applied.toFixed(0)}/s, ratio ${(applied / bare).toFixed(2)}`);
    await done();
  }
  console.log('\n| database | mutations | bare single-row commits/s | pushed mutations applied/s | ratio |\n|---|---|---|---|---|');
  for (const r of rows) console.log(r);
}

void main();
