// bench/firstsync: a desk's first sync of an agent, a team lead and a director on a generated center
// (bench/scale) at two center sizes, through the server's pull (processPull) and the desk's rebase (applyPull)
// on a fresh SQLite replica, rows passing through JSON as on the wire. Side by side in the same run: the path
// before issue #16 (a count over the rest of the scope on every page, rows put through Kysely), measured on
// its first pages and extrapolated when a whole run of it would take too long.
// Run: DATABASE_URL=postgres://… npm run bench:firstsync [-- --full]   (PGlite without DATABASE_URL)
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect, type Kysely as K } from 'kysely';
import type { Actor } from '../../shared/auth/roles';
import { syncScopeOf } from '../../shared/sync/scope';
import type { PullResponse } from '../../shared/sync/protocol';
import type { Database } from '../../db/schema';
import { migrate } from '../../db/migrate';
import { openSqlite } from '../../db/open-sqlite';
import { whereInScope } from '../../db/sync/scope-sql';
import { SYNCED_TABLE_NAMES, type Row } from '../../db/sync/synced-tables';
import { findActiveActor } from '../../db/stores/users-store';
import { getMeta } from '../../db/stores/meta-store';
import { applyPull, COOKIE_KEY } from '../../electron/backend/sync/rebase';
import { backendHandlers } from '../../electron/backend/handlers';
import { processPull, parseCookie } from '../../server/sync/pull';
import { createScratchDatabase, openCentralStore, type CentralStore } from '../../server/store';
import { FULL, generateCenter, leadId, agentId, QUICK, type ScaleOptions } from '../scale/generate';

const FULL_SIZE = process.argv.includes('--full');
const NOW = new Date('2026-03-17T02:30:00.000Z');
const PAGE = 1000;
/** The old path is timed on this many pages at most, then extrapolated (it is O(N²) for a director). */
const BEFORE_PAGES = Number(process.env.BENCH_FIRSTSYNC_BEFORE_PAGES ?? 15);
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
  extrapolated: boolean;
}

type AnyDb = K<Record<string, Row>>;

/** The count every page ran before: all rows in scope after the cookie, per table. */
async function oldCount(db: K<Database>, actor: Actor, cookie: string | null): Promise<number> {
  const scope = syncScopeOf(actor);
  const since = parseCookie(cookie)?.version ?? 0;
  let n = 0;
  for (const t of SYNCED_TABLE_NAMES) {
    const r = await whereInScope((db as unknown as AnyDb).selectFrom(t).where('version', '>', since), scope[t]).select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
    n += Number(r?.n ?? 0);
  }
  return n;
}

async function firstSync(store: CentralStore, actor: Actor, dir: string, before: boolean): Promise<Leg> {
  const file = join(dir, `desk-${randomUUID()}.db`);
  // The old path: a Kysely over a handle the desk did not register, so applyPull puts rows through Kysely.
  const desk = before
    ? (() => {
        const raw = new BetterSqlite3(file);
        raw.pragma('journal_mode = WAL');
        raw.pragma('synchronous = FULL');
        raw.pragma('foreign_keys = OFF');
        return { db: new Kysely<Database>({ dialect: new SqliteDialect({ database: raw }) }), raw };
      })()
    : openSqlite(file, { foreignKeys: false });
  await migrate(desk.db);
  const handlers = backendHandlers();
  const clientId = randomUUID();
  const leg: Leg = { rows: 0, pages: 0, serverMs: 0, applyMs: 0, totalMs: 0, announced: 0, extrapolated: false };
  const t0 = performance.now();
  let countMs = 0;
  let firstCountMs = 0;
  for (;;) {
    const cookie = await getMeta(desk.db, COOKIE_KEY);
    const s = performance.now();
    if (before) {
      await oldCount(store.db, actor, cookie);
      const c = performance.now() - s;
      countMs += c;
      if (leg.pages === 0) firstCountMs = c;
    }
    const res = JSON.parse(JSON.stringify(await processPull(store.db, actor, { clientId, cookie, sinceMutationId: 0, limit: PAGE }, NOW))) as PullResponse;
    const a = performance.now();
    leg.serverMs += a - s;
    await applyPull(desk.db, { clientId, actorId: actor.userId, res, sinceMutationId: 0, handlers, now: NOW.toISOString() });
    leg.applyMs += performance.now() - a;
    leg.rows += Object.values(res.patch).reduce((n, l) => n + l.length, 0);
    if (leg.pages === 0) leg.announced = res.total;
    leg.pages++;
    if (!res.more || res.cookie === cookie) break;
    if (before && leg.pages >= BEFORE_PAGES) {
      // Extrapolate the rest: page k's count reads what is left (first count × (1 − k/P)), so the P pages count
      // ≈ P/2 first counts in all; pulling and putting the rest costs per row what the measured pages did.
      const p = Math.ceil(leg.announced / PAGE);
      const countTotal = firstCountMs * (p / 2);
      leg.applyMs = (leg.applyMs / leg.rows) * leg.announced;
      leg.serverMs = ((leg.serverMs - countMs) / leg.rows) * leg.announced + countTotal;
      leg.rows = leg.announced;
      leg.pages = p;
      leg.extrapolated = true;
      break;
    }
  }
  leg.totalMs = leg.extrapolated ? leg.serverMs + leg.applyMs : performance.now() - t0;
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
        console.log(`${engine}: generated ${center} in ${s(counts.ms)} s`);
        const people: [string, string][] = [['agent', agentId(7)], ['lead', leadId(3)], ['director', 'user-center01']];
        for (const [label, id] of people) {
          const actor = (await findActiveActor(store.db, id))!;
          const after = await firstSync(store, actor, dir, false);
          const before = await firstSync(store, actor, dir, true);
          const met = after.totalMs <= targets[label]! ? 'met' : 'missed';
          const line = `| ${size.teams} teams / ${counts.calls} calls | ${label} | ${after.rows} (announced ${after.announced}) | ${after.pages} | ${s(after.serverMs)} | ${s(after.applyMs)} | **${s(after.totalMs)}** | ${before.extrapolated ? '~' : ''}${s(before.totalMs)} | ${(before.totalMs / after.totalMs).toFixed(1)}× | ≤ ${targets[label]! / 1000} s | ${met} |`;
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
  console.log('| center | who | rows pulled | pages | server s | desk apply s | first sync s | before s | ratio | target | |\n|---|---|---|---|---|---|---|---|---|---|---|');
  for (const l of lines) console.log(l);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
