// bench/desk: one desk mutation through the desk's dispatch (validate → session → transaction with writer,
// undo log and outbox → commit) against a bare durable single-row insert on the same disk, in the same run,
// at the desk's real durability (WAL + synchronous=FULL, db/open-sqlite.ts). The previous code (a `git archive`
// of BENCH_DESK_BASE) runs side by side in this process, interleaved call by call, so load hits both alike.
// Run: npm run bench:desk            (quick: 300 of each)
//      npm run bench:desk -- --full  (2 000 of each)
import { execSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';

const FULL = process.argv.includes('--full');
const RUNS = Number(process.env.BENCH_DESK_RUNS ?? (FULL ? 2000 : 300));
/** The commit before issue #16 item 3 (desk mutation path): the baseline. */
const BASE = process.env.BENCH_DESK_BASE ?? 'f4e0e67';
const NOW = new Date('2026-03-17T02:30:00.000Z');
const HERE = resolve(import.meta.dirname, '../..');

type Result = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };
interface Host {
  dispatch(method: string, args: unknown, token?: string): Promise<Result>;
  db: { destroy(): Promise<void> };
  close(): Promise<void>;
}
interface Tree {
  name: string;
  root: string;
  mod<T>(path: string): Promise<T>;
}

function tree(name: string, root: string): Tree {
  return { name, root, mod: (p) => import(pathToFileURL(join(root, p)).href) };
}

/** The baseline tree: `git archive BASE` beside this run, sharing node_modules. */
function baseTree(dir: string): Tree {
  const root = join(dir, 'base');
  mkdirSync(root);
  execSync(`git -C ${JSON.stringify(HERE)} archive ${BASE} | tar -x -C ${JSON.stringify(root)}`);
  symlinkSync(join(HERE, 'node_modules'), join(root, 'node_modules'));
  return tree(`before (${BASE})`, root);
}

/**
 * A desk in one of its two modes: standalone (its own center, demo seeded) or synced (a server configured but
 * unreachable: every mutation waits in the outbox with its undo entries, as on a floor whose link is down).
 */
async function openDesk(t: Tree, dir: string, mode: 'standalone' | 'synced'): Promise<{ host: Host; token(u: string): Promise<string> }> {
  const { startDeskHost } = await t.mod<{ startDeskHost(o: unknown): Promise<Host> }>('electron/backend/desk-host.ts');
  const { DEMO_PASSWORD } = await t.mod<{ DEMO_PASSWORD: string }>('db/demo/demo-center.ts');
  let link: unknown;
  if (mode === 'synced') {
    const { OfflineError } = await t.mod<{ OfflineError: new (m: string) => Error }>('electron/backend/sync/server-link.ts');
    const down = () => Promise.reject(new OfflineError('bench: server unreachable'));
    link = { url: 'http://127.0.0.1:9', health: down, login: down, push: down, pull: down, call: down, listen: () => () => undefined };
    // The demo center as a first sync would have left it, and each person's offline sign-in.
    const seeder = await startDeskHost({ dataDir: dir, demo: true, clock: () => NOW });
    await seeder.close();
  }
  // `outputs: 'trust'`: an installed desk's answers (the baseline tree ignores the option: it always parsed).
  const host = await startDeskHost({ dataDir: dir, demo: mode === 'standalone', clock: () => NOW, link, retryBaseMs: 1000, outputs: 'trust' });
  if (mode === 'synced') {
    const { DeskCredentials } = await t.mod<{ DeskCredentials: new (o: unknown) => { save(c: unknown): Promise<void> } }>('electron/backend/auth/credentials.ts');
    const { deskKeyBox } = await t.mod<{ deskKeyBox(d: string): unknown }>('electron/backend/auth/secret-box.ts');
    const { findActiveActor } = await t.mod<{ findActiveActor(db: unknown, id: string): Promise<unknown> }>('db/stores/users-store.ts');
    const h = host as Host & { db: any; deskId: string }; // eslint-disable-line @typescript-eslint/no-explicit-any
    const creds = new DeskCredentials({ db: h.db, box: deskKeyBox(dir), deskId: h.deskId, clock: () => NOW });
    for (const u of await h.db.selectFrom('users').select(['id', 'password_hash']).execute())
      await creds.save({ userId: u.id, token: 'offline', expiresAt: '2099-01-01T00:00:00.000Z', passwordHash: u.password_hash, actor: await findActiveActor(h.db, u.id) });
  }
  const tokens = new Map<string, string>();
  return {
    host,
    async token(u) {
      if (!tokens.has(u)) {
        const r = await host.dispatch('session.login', { username: u, password: DEMO_PASSWORD });
        if (!r.ok) throw new Error(`${t.name} ${mode} login ${u}: ${r.error.message}`);
        tokens.set(u, (r.value as { token: string }).token);
      }
      return tokens.get(u)!;
    },
  };
}

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}

interface Case {
  label: string;
  as: string;
  method: string;
  input(i: number): unknown;
}

const call = (): unknown => ({
  id: randomUUID(),
  customerPhone: '139 8888 0000',
  customerName: '王先生',
  category: 'query',
  summary: '宽带报修，已派单',
  outcome: '已解答',
  followUp: false,
  startedAt: new Date(NOW.getTime() - 120_000).toISOString(),
  endedAt: NOW.toISOString(),
});
/** A lead rosters agent02 into next quarter's empty days, day shift then clear, round and round: an update-heavy edit. */
const cell = (i: number): unknown => {
  const day = new Date(Date.UTC(2026, 5, 1 + (Math.floor(i / 2) % 60))).toISOString().slice(0, 10);
  return { id: randomUUID(), userId: 'user-agent02', date: day, shiftCode: i % 2 === 0 ? 'D' : null };
};
const CASES: Case[] = [
  { label: 'calls.log', as: 'agent01', method: 'calls.log', input: call },
  { label: 'roster.assign', as: 'lead01', method: 'roster.assign', input: cell },
];

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'zhiban-bench-desk-'));
  const opened: Host[] = [];
  let bare: BetterSqlite3.Database | null = null;
  try {
    const trees = [baseTree(dir), tree('after', HERE)];
    const desks: { name: string; d: Awaited<ReturnType<typeof openDesk>> }[] = [];
    for (const mode of ['standalone', 'synced'] as const)
      for (const t of trees) {
        const d = await openDesk(t, join(dir, `${t.name.split(' ')[0]}-${mode}`), mode);
        opened.push(d.host);
        desks.push({ name: `${t.name}, ${mode}`, d });
      }
    // The bare durable insert: the desk's own pragmas, one row per transaction, a prepared statement.
    bare = new BetterSqlite3(join(dir, 'bare.db'));
    bare.pragma('journal_mode = WAL');
    bare.pragma('synchronous = FULL');
    bare.exec('create table t (id text primary key, body text not null)');
    const ins = bare.prepare('insert into t (id, body) values (?, ?)');
    const body = JSON.stringify(call());

    const lines: string[] = [];
    for (const c of CASES) {
      const bareMs: number[] = [];
      const ms = desks.map(() => [] as number[]);
      const tokens = await Promise.all(desks.map((x) => x.d.token(c.as)));
      for (let w = 0; w < 20; w++) for (const [k, x] of desks.entries()) await x.d.host.dispatch(c.method, c.input(RUNS + w), tokens[k]); // warm-up
      for (let i = 0; i < RUNS; i++) {
        let s = performance.now();
        ins.run(randomUUID(), body);
        bareMs.push(performance.now() - s);
        for (const [k, x] of desks.entries()) {
          s = performance.now();
          const r = await x.d.host.dispatch(c.method, c.input(i), tokens[k]);
          ms[k]!.push(performance.now() - s);
          if (!r.ok) throw new Error(`${x.name} ${c.method}: ${r.error.code} ${r.error.message}`);
        }
      }
      const b50 = pct(bareMs, 50);
      const b95 = pct(bareMs, 95);
      lines.push(`| ${c.label} | bare durable insert | ${b50.toFixed(2)} | ${b95.toFixed(2)} | 1.0× | |`);
      for (const [k, x] of desks.entries()) {
        const p50 = pct(ms[k]!, 50);
        const p95 = pct(ms[k]!, 95);
        const met = x.name.startsWith('after') ? `≤ 3×: ${p95 <= 3 * b95 ? 'met' : 'missed'}; ≤ 5 ms: ${p95 <= 5 ? 'met' : 'missed'}` : '';
        lines.push(`| ${c.label} | ${x.name} | ${p50.toFixed(2)} | ${p95.toFixed(2)} | ${(p95 / b95).toFixed(1)}× | ${met} |`);
      }
    }
    const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
    console.log(`desk mutation dispatch vs bare durable insert, WAL + synchronous=FULL, ${RUNS} each, interleaved; nproc ${cpus().length}, load ${load}`);
    console.log('| method | path | p50 ms | p95 ms | p95 / bare p95 | target p95 ≤ 3× bare and ≤ 5 ms |\n|---|---|---|---|---|---|');
    for (const l of lines) console.log(l);
  } finally {
    for (const h of opened) await h.close().catch(() => undefined);
    bare?.close();
    if (existsSync(dir)) rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
