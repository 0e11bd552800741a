// bench/firstsync: a desk's first sync of an agent, a team lead and a director on a generated center
// (bench/scale) at two center sizes, through the server's pull (processPull) and the desk's rebase (applyPull)
// on a fresh SQLite replica, rows passing through JSON as on the wire. Side by side in the same run, "before"
// is the path as it stood before the one-statement page: every synced table asked for its next rows on every
// page (bench/firstsync/baseline-pull.ts) and every pulled call indexed for text search as it landed.
// Run: DATABASE_URL=postgres://… npm run bench:firstsync [-- --full]   (PGlite without DATABASE_URL)
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Actor } from '../../shared/auth/roles';
import type { PullResponse } from '../../shared/sync/protocol';
import { migrate } from '../../db/migrate';
import { openSqlite } from '../../db/open-sqlite';
import { findActiveActor } from '../../db/stores/users-store';
import { getMeta } from '../../db/stores/meta-store';
import { applyPull, COOKIE_KEY } from '../../electron/backend/sync/rebase';
import { backendHandlers } from '../../electron/backend/handlers';
import { processPull } from '../../server/sync/pull';
import { createScratchDatabase, openCentralStore, type CentralStore } from '../../server/store';
import { FULL, generateCenter, leadId, agentId, QUICK, type ScaleOptions } from '../scale/generate';
import { processPull as perTablePull } from './baseline-pull';

const FULL_SIZE = process.argv.includes('--full');
const NOW = new Date('2026-03-17T02:30:00.000Z');
const PAGE = 1000;
const SIZES: Omit<ScaleOptions, 'now' | 'seed'>[] = FULL_SIZE
  ? [{ ...FULL, teams: 40, calls: FULL.calls / 2 }, FULL]
  : [{ ...QUICK, teams: 10, calls: QUICK.calls / 2 }, QUICK];

interface Leg {
  rows: number;
  pages: number;
  serverMs: number;
  applyMs: number;
  totalMs: number;
  /** Rows the first page announced (`total`), to check the progress display against what came. */
  announced: number;
  /** Rows per table, the biggest first (what a first sync is made of). */
  tables: [string, number][];
}

async function firstSync(store: CentralStore, actor: Actor, dir: string, before: boolean): Promise<Leg> {
  const file = join(dir, `desk-${randomUUID()}.db`);
  const desk = openSqlite(file, { foreignKeys: false });
  await migrate(desk.db);
  const handlers = backendHandlers();
  const clientId = randomUUID();
  const pull = before ? perTablePull : processPull;
  const leg: Leg = { rows: 0, pages: 0, serverMs: 0, applyMs: 0, totalMs: 0, announced: 0, tables: [] };
  const tables = new Map<string, number>();
  const t0 = performance.now();
  for (;;) {
    const cookie = await getMeta(desk.db, COOKIE_KEY);
    const s = performance.now();
    const res = JSON.parse(JSON.stringify(await pull(store.db, actor, { clientId, cookie, sinceMutationId: 0, limit: PAGE }, NOW))) as PullResponse;
    const a = performance.now();
    leg.serverMs += a - s;
    await applyPull(desk.db, { clientId, actorId: actor.userId, res, sinceMutationId: 0, handlers, now: NOW.toISOString(), bulkCallIndex: !before });
    leg.applyMs += performance.now() - a;
    for (const [t, l] of Object.entries(res.patch)) if (l.length > 0) tables.set(t, (tables.get(t) ?? 0) + l.length);
    leg.rows += Object.values(res.patch).reduce((n, l) => n + l.length, 0);
    if (leg.pages === 0) leg.announced = res.total;
    leg.pages++;
    if (!res.more || res.cookie === cookie) break;
  }
  leg.totalMs = performance.now() - t0;
  leg.tables = [...tables].sort((x, y) => y[1] - x[1]);
  await desk.db.destroy();
  rmSync(file, { force: true });
  return leg;
}

const s = (ms: number) => (ms / 1000).toFixed(ms < 10_000 ? 2 : 1);

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'zhiban-bench-firstsync-'));
  const engine = process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite';
  const lines: string[] = [];
  const targets: Record<string, number> = { agent: 3000, lead: 3000, director: 10000 };
  try {
    for (const size of SIZES) {
      const scratch = process.env.DATABASE_URL ? await createScratchDatabase(process.env.DATABASE_URL, 'zb_bench_firstsync') : null;
      const store = scratch ? await openCentralStore({ databaseUrl: scratch.url }) : await openCentralStore({ dataDir: join(dir, `pg-${size.teams}`) });
      try {
        const counts = await generateCenter(store.db, { ...size, seed: 16, now: NOW });
        const center = `${size.teams} teams, ${counts.users} people, ${counts.calls} calls, ${counts.roster} roster days, ${counts.leave_requests} leave, ${counts.swaps} swaps, ${counts.qa_evaluations} QA`;
        console.log(`${engine}: generated ${center} in ${s(counts.ms)} s (load ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')})`);
        const people: [string, string][] = [['agent', agentId(7)], ['lead', leadId(3)], ['director', 'user-center01']];
        for (const [label, id] of people) {
          const actor = (await findActiveActor(store.db, id))!;
          // Back to back on the same center, so both paths meet the same data and about the same load.
          const after = await firstSync(store, actor, dir, false);
          const before = await firstSync(store, actor, dir, true);
          console.log(`  ${label}: ${after.tables.map(([t, n]) => `${t} ${n}`).join(', ')}`);
          const met = after.totalMs <= targets[label]! ? 'met' : 'missed';
          const line = `| ${size.teams} teams / ${counts.calls} calls | ${label} | ${after.rows} (announced ${after.announced}) | ${after.pages} | ${s(after.serverMs)} | ${s(after.applyMs)} | **${s(after.totalMs)}** | ${s(before.serverMs)} + ${s(before.applyMs)} = ${s(before.totalMs)} | ${(before.totalMs / after.totalMs).toFixed(1)}× | ≤ ${targets[label]! / 1000} s | ${met} |`;
          console.log(line);
          lines.push(line);
        }
      } finally {
        await store.close();
        await scratch?.drop();
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  console.log(`\n${engine}, ${FULL_SIZE ? 'full' : 'quick'} size; machine: ${(await import('node:os')).cpus().length} cores, load average ${load}`);
  console.log('| center | who | rows pulled | pages | server s | desk apply s | first sync s | before: server + apply = s | ratio | target | |\n|---|---|---|---|---|---|---|---|---|---|---|');
  for (const l of lines) console.log(l);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
