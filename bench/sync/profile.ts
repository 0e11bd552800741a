// bench/sync/profile.ts: where a pushed mutation's time goes — statements per mutation, grouped by kind,
// with their total time, on PostgreSQL (DATABASE_URL). Run: node --import tsx bench/sync/profile.ts [--legacy]
import { randomUUID } from 'node:crypto';
import { Kysely, PostgresDialect, type LogEvent } from 'kysely';
import pg from 'pg';
import { formatHlc } from '../../shared/sync/hlc';
import { seedDemoCenter } from '../../db/demo/seed';
import type { Database } from '../../db/schema';
import { createScratchDatabase, openCentralStore } from '../../server/store';
import { serverHandlers } from '../../server/handlers';
import { processPush } from '../../server/sync/push';
import { rowsWritten, takeVersion } from '../../server/sync/versions';
import { benchCall } from './call';
import { processPushPerMutation } from './legacy-push';

const N = Number(process.env.BENCH_N ?? 200);
const BATCH = 100;
/** --legacy: the path before #16 (one transaction per mutation), for the before/after profile. */
const push0 = process.argv.includes('--legacy') ? processPushPerMutation : processPush;

/** A statement's kind: its verb and first table, parameters and column lists left out. */
function kind(sqlText: string): string {
  const s = sqlText.replace(/\s+/g, ' ').trim();
  const verb = s.split(' ')[0]!.toLowerCase();
  const table = /(?:from|into|update|join) "?([a-z_]+)"?/i.exec(s)?.[1] ?? '';
  return `${verb} ${table}`.trim() + (/for update/i.test(s) ? ' (for update)' : '');
}

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('set DATABASE_URL');
  const scratch = await createScratchDatabase(url, 'zb_profile');
  const store = await openCentralStore({ databaseUrl: scratch.url });
  const version = await store.db.transaction().execute((tx) => takeVersion(tx));
  await seedDemoCenter(store.db, new Date(), version);
  await store.close();

  const stats = new Map<string, { n: number; ms: number }>();
  let recording = false;
  const log = (e: LogEvent) => {
    if (!recording) return;
    const k = kind(e.query.sql);
    const s = stats.get(k) ?? { n: 0, ms: 0 };
    s.n++;
    s.ms += e.queryDurationMillis;
    stats.set(k, s);
  };
  const pool = new pg.Pool({ connectionString: scratch.url, max: 10 });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), log });
  const handlers = serverHandlers();
  const clientId = randomUUID();
  const pushes: ReadonlyMap<string, ReadonlySet<string>>[] = [];
  let id = 1;
  const push = async (n: number) => {
    const mutations = Array.from({ length: n }, () => ({ id: id, name: 'calls.log', args: benchCall(id++), actedAt: formatHlc({ wall: Date.now(), counter: 0, node: 'bench' }) }));
    const r = await push0(db, handlers, 'user-agent01', { clientId, mutations }, () => new Date(), (w) => void pushes.push(w as never));
    if (r.results.some((x) => x.status !== 'applied')) throw new Error(JSON.stringify(r.results.find((x) => x.status !== 'applied')));
  };
  await push(BATCH); // warm-up
  recording = true;
  const t0 = performance.now();
  for (let done = 0; done < N; done += BATCH) await push(Math.min(BATCH, N - done));
  const pushMs = performance.now() - t0;
  const pokeStart = performance.now();
  for (const w of pushes.splice(0)) await rowsWritten(db, w as never);
  const pokeMs = performance.now() - pokeStart;
  recording = false;
  const rows = [...stats].sort((a, b) => b[1].ms - a[1].ms);
  const total = rows.reduce((t, [, s]) => t + s.n, 0);
  const sqlMs = rows.reduce((t, [, s]) => t + s.ms, 0);
  console.log(`${push0 === processPush ? 'now' : 'before (--legacy)'}: ${N} calls.log pushed in batches of ${BATCH}: ${(pushMs / N).toFixed(2)} ms per mutation (push), poke lookups ${(pokeMs / N).toFixed(2)} ms per mutation`);
  console.log(`${(total / N).toFixed(1)} statements per mutation (push + poke lookup), ${(sqlMs / N).toFixed(2)} ms of it in statements (client-measured)\n`);
  console.log('| statement | per mutation | ms per mutation |\n|---|---|---|');
  for (const [k, s] of rows) console.log(`| ${k} | ${(s.n / N).toFixed(2)} | ${(s.ms / N).toFixed(3)} |`);
  await db.destroy();
  await scratch.drop();
}

void main();
