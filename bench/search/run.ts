// bench/search: calls.search over 1 000 000 calls on the central server (real PostgreSQL with pg_trgm, or
// PGlite), through the server's dispatch (validation, session, scope, SQL, masking, output check); p50 / p95,
// each query timed with the one-and-two-character grams index (migration 035) and without it, same run.
// Run: DATABASE_URL=postgres://… npm run bench:search [-- --full]   (quick: 100 000 calls; --full: 1 000 000;
//      BENCH_SEARCH_CALLS=… for another size; BENCH_SEARCH_ENGINE=pglite for the embedded engine;
//      BENCH_SEARCH_TRGM=0 to time without the trigram indexes; BENCH_SEARCH_KEEP=1 / BENCH_SEARCH_DB=… to keep
//      a loaded database and time it again)
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_PASSWORD } from '../../db/demo/demo-center';
import { seedDemoCenter } from '../../db/demo/seed';
import { buildServer } from '../../server/app';
import { createScratchDatabase, openCentralStore } from '../../server/store';
import { takeVersion } from '../../server/sync/versions';
import { callAllPg, callGramsPg, callNotesPg, callWhoPg } from '../../db/search/call-text';
import type { CallCursor, CallSearchInput } from '../../shared/calls/history-schemas';
import { lit, NAMES, OUTCOMES, RARE, WORDS } from '../scale/vocabulary';

const FULL = process.argv.includes('--full');
const N = Number(process.env.BENCH_SEARCH_CALLS ?? (FULL ? 1_000_000 : 100_000));
const ENGINE = process.env.BENCH_SEARCH_ENGINE ?? (process.env.DATABASE_URL ? 'postgres' : 'pglite');
const RUNS = Number(process.env.BENCH_SEARCH_RUNS ?? (FULL ? 20 : 10));
const GRAMS = ['calls_notes_grams', 'calls_text_grams'] as const;
const NOW = new Date('2026-03-17T02:30:00.000Z');

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}

async function main() {
  if (!process.env.DATABASE_URL && !process.env.BENCH_SEARCH_ENGINE && !process.env.BENCH_SEARCH_DB) {
    console.log('bench:search needs PostgreSQL (its target is on PostgreSQL): set DATABASE_URL (eval "$(bash build/ci-postgres.sh)"), or BENCH_SEARCH_ENGINE=pglite. Skipped.');
    return;
  }
  const load0 = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  console.log(`bench:search on ${ENGINE}, ${N} calls, ${RUNS} runs per query; ${availableParallelism()} cores, load average ${load0}`);
  const dir = mkdtempSync(join(tmpdir(), 'zhiban-bench-search-'));
  let dropDb: (() => Promise<void>) | null = null;
  let store;
  const reuse = process.env.BENCH_SEARCH_DB; // a database a previous run loaded (kept): time only
  if (reuse) store = await openCentralStore({ databaseUrl: reuse });
  else if (ENGINE === 'postgres') {
    if (!process.env.DATABASE_URL) throw new Error('set DATABASE_URL for the PostgreSQL leg');
    const scratch = await createScratchDatabase(process.env.DATABASE_URL, 'zb_bench_search');
    dropDb = scratch.drop;
    store = await openCentralStore({ databaseUrl: scratch.url });
  } else store = await openCentralStore({ dataDir: join(dir, 'pg') });
  const { db } = store;
  try {
    if (!reuse) await load(db);
    const server = buildServer({ store, clock: () => NOW, appVersion: 'bench' });
    await time(db, server);
    await server.app.close();
    console.log(`load average at the end: ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`);
  } finally {
    await store.close();
    if (dropDb && !process.env.BENCH_SEARCH_KEEP) await dropDb();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The demo center, then N calls in one INSERT … SELECT on the server. */
async function load(db: Kysely<Database>) {
    const version = await db.transaction().execute((tx) => takeVersion(tx));
    await seedDemoCenter(db, NOW, version);
    // Bulk load without the trigram index, then build it once (as a restore would): far faster than a million updates of it.
    const hadTrgm = (await sql<{ n: number }>`select count(*)::int n from pg_indexes where indexname = 'calls_notes_trgm'`.execute(db)).rows[0]!.n > 0;
    await sql`drop index if exists calls_notes_trgm`.execute(db);
    await sql`drop index if exists calls_who_trgm`.execute(db);
    for (const g of GRAMS) await sql.raw(`drop index if exists ${g}`).execute(db);
    const t0 = performance.now();
    // One statement on the server: a year of calls, 12 agents in two teams, 200 000 callers. h(g, k) is a
    // pseudo-random non-negative int per row and salt, so words, agents and times spread without patterns.
    const h = (k: number) => `(hashint4(g * 31 + ${k}) & 2147483647)`;
    const w = (k: number) => `(${lit(WORDS)})[1 + ${h(k)} % ${WORDS.length}]`;
    const summary = [w(1), w(2), w(3), w(4), `case when ${h(5)} % 2 = 0 then ${w(6)} else '' end`, `case when ${h(7)} % 3 = 0 then ${w(8)} else '' end`, `case when ${h(9)} % 1000 < 2 then (${lit(RARE)})[1 + ${h(10)} % 2] else '' end`].join(" || '，' || ");
    const started = `to_char(timestamptz '${NOW.toISOString()}' - make_interval(secs => 600 + ${h(11)} % (365 * 86400)), 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
    const phone = `'13' || lpad((800000000 + ${h(12)} % 200000)::text, 9, '0')`;
    await sql
      .raw(
        `insert into calls (id, agent_id, team_id, customer_phone, phone_key, customer_name, category, summary, outcome, follow_up, started_at, ended_at, duration_sec, created_at, version)
         select 'bench-' || g, 'user-agent' || lpad((1 + g % 12)::text, 2, '0'), case when g % 12 < 6 then 'team-a' else 'team-b' end,
                ph, ph, (${lit(NAMES)})[1 + ${h(13)} % ${NAMES.length}],
                (array['consultation','query','registration','complaint','suggestion'])[1 + ${h(14)} % 5], su,
                (${lit(OUTCOMES)})[1 + ${h(15)} % ${OUTCOMES.length}], case when ${h(16)} % 11 = 0 then 1 else 0 end,
                st, st, 180, st, 1
         from (select g, ${phone} as ph, ${summary} as su, ${started} as st from generate_series(1, ${N}) g) s`,
      )
      .execute(db);
    console.log(`inserted in ${Math.round(performance.now() - t0)} ms`);
    if (hadTrgm && process.env.BENCH_SEARCH_TRGM !== '0') {
      const t1 = performance.now();
      await sql.raw(`create index calls_notes_trgm on calls using gin ((${callNotesPg()}) gin_trgm_ops)`).execute(db);
      await sql.raw(`create index calls_who_trgm on calls using gin ((${callWhoPg()}) gin_trgm_ops)`).execute(db);
      console.log(`trigram index built in ${Math.round(performance.now() - t1)} ms`);
    }
    const t2 = performance.now();
    await sql.raw(`create index calls_notes_grams on calls using gin (${callGramsPg(callNotesPg())})`).execute(db);
    await sql.raw(`create index calls_text_grams on calls using gin (${callGramsPg(callAllPg())})`).execute(db);
    for (const i of [...GRAMS, 'calls_notes_trgm', 'calls_who_trgm']) await sql.raw(`alter index if exists ${i} alter column 1 set statistics 1000`).execute(db);
    console.log(`grams index built in ${Math.round(performance.now() - t2)} ms`);
    const t3 = performance.now();
    await sql`analyze calls`.execute(db);
    console.log(`analyze in ${Math.round(performance.now() - t3)} ms`);
    const size = await sql<{ t: string; i: string; g: string }>`select pg_size_pretty(pg_table_size('calls')) t, pg_size_pretty(pg_indexes_size('calls')) i, pg_size_pretty(coalesce(pg_relation_size(to_regclass('calls_notes_grams')), 0) + coalesce(pg_relation_size(to_regclass('calls_text_grams')), 0)) g`.execute(db);
    console.log(`${ENGINE}: seeded ${N} calls in ${Math.round(performance.now() - t0)} ms; table ${size.rows[0]!.t}, indexes ${size.rows[0]!.i} (grams ${size.rows[0]!.g})`);
}

async function time(db: Kysely<Database>, server: ReturnType<typeof buildServer>) {
    const tokens = new Map<string, string>();
    const token = async (u: string) => {
      if (!tokens.has(u)) {
        const r = await server.dispatch('session.login', { username: u, password: DEMO_PASSWORD });
        if (!r.ok) throw new Error(r.error.message);
        tokens.set(u, (r.value as { token: string }).token);
      }
      return tokens.get(u)!;
    };
    type Page = { items: { id: string; startedAt: string }[]; next: CallCursor | null; total: number; capped: boolean };
    const ask = async (as: string, input: CallSearchInput): Promise<Page> => {
      const r = await server.dispatch('calls.search', input, await token(as));
      if (!r.ok) throw new Error(`${r.error.code} ${r.error.message}`);
      return r.value as Page;
    };
    const day = (n: number) => new Date(NOW.getTime() - n * 86_400_000).toISOString();
    const to = NOW.toISOString();
    type Row = { label: string; as: string; answer: string; matches: string; p50: number; p95: number };
    const timeOne = async (label: string, as: string, input: () => CallSearchInput): Promise<Row> => {
      const ms: number[] = [];
      let last: Page | null = null;
      await ask(as, input()); // warm the plan and the cache once
      for (let i = 0; i < RUNS; i++) {
        const s = performance.now();
        last = await ask(as, input());
        ms.push(performance.now() - s);
      }
      return { label, as, answer: `${last!.items.map((c) => c.id).join(',')}|${last!.total}|${last!.capped}`, matches: last!.capped ? `>${last!.total}` : String(last!.total), p50: pct(ms, 50), p95: pct(ms, 95) };
    };
    // Every query of the table; a deep page walks there once per leg, then times asking for it.
    const deep = async (q: string) => {
      let after: CallCursor | undefined;
      for (let p = 1; p < 50; p++) after = (await ask('dept01', { from: day(365), to, q, after, limit: 20 })).next ?? undefined;
      return after;
    };
    const leg = async (): Promise<Row[]> => {
      const rows: Row[] = [];
      const t = async (label: string, as: string, input: () => CallSearchInput) => rows.push(await timeOne(label, as, input));
      await t('no text, 7 days, first page of 20', 'dept01', () => ({ from: day(7), to, limit: 20 }));
      await t('1 char, rare (铃), 365 days → last 31 days', 'dept01', () => ({ from: day(365), to, q: '铃', limit: 20 }));
      await t('2 chars, common (宽带), 90 days → last 31 days', 'dept01', () => ({ from: day(90), to, q: '宽带', limit: 20 }));
      await t('2 chars, rare (彩铃), 365 days → last 31 days', 'dept01', () => ({ from: day(365), to, q: '彩铃', limit: 20 }));
      await t('2 chars, rare (彩铃), lead (number and name too), 365 days → last 31 days', 'lead01', () => ({ from: day(365), to, q: '彩铃', limit: 20 }));
      await t('3 chars (营业厅), 365 days', 'dept01', () => ({ from: day(365), to, q: '营业厅', limit: 20 }));
      await t('4 chars, rare (国际漫游), 365 days', 'dept01', () => ({ from: day(365), to, q: '国际漫游', limit: 20 }));
      await t('5 chars across two words (报修，网速), 365 days', 'dept01', () => ({ from: day(365), to, q: '报修，网速', limit: 20 }));
      await t('no match (不存在的词), 365 days', 'dept01', () => ({ from: day(365), to, q: '不存在的词', limit: 20 }));
      let k = 0;
      await t('phone digits (7 of 11), lead, 365 days', 'lead01', () => ({ from: day(365), to, q: `80${String(100 + (k++ % 800)).padStart(5, '0')}`.slice(0, 7), limit: 20 }));
      await t('team + complaint + follow-up + 投诉 (2 chars), 30 days', 'dept01', () => ({ from: day(30), to, teamId: 'team-b', category: 'complaint', followUp: 'yes', q: '投诉', limit: 20 }));
      await t('lead (team scope) + 2 chars (话费), 90 days → last 31 days', 'lead01', () => ({ from: day(90), to, q: '话费', limit: 20 }));
      const plain = await deep('');
      await t('deep page 50 by cursor, no text, 365 days', 'dept01', () => ({ from: day(365), to, after: plain, limit: 20 }));
      const short = await deep('宽带');
      await t('deep page 50 by cursor, 2 chars (宽带), 365 days → last 31 days', 'dept01', () => ({ from: day(365), to, q: '宽带', after: short, limit: 20 }));
      return rows;
    };
    const withGrams = await leg();
    // Without: the grams index renamed away, so the store's probe finds none and takes the strpos walk (the
    // path before migration 035); renamed back afterwards (a kept database keeps it).
    for (const g of GRAMS) await sql.raw(`alter index ${g} rename to ${g}_off`).execute(db);
    let without: Row[];
    try {
      without = await leg();
    } finally {
      for (const g of GRAMS) await sql.raw(`alter index ${g}_off rename to ${g}`).execute(db);
    }
    console.log('| query | as | matches | with grams p50 ms | with grams p95 ms | without p50 ms | without p95 ms | p95 without ÷ with | same answer |\n|---|---|---|---|---|---|---|---|---|');
    withGrams.forEach((w, i) => {
      const o = without[i]!;
      console.log(`| ${w.label} | ${w.as} | ${w.matches} | ${w.p50.toFixed(1)} | ${w.p95.toFixed(1)} | ${o.p50.toFixed(1)} | ${o.p95.toFixed(1)} | ${(o.p95 / w.p95).toFixed(1)}× | ${w.answer === o.answer ? 'yes' : 'NO'} |`);
    });
    const worst = withGrams.reduce((a, b) => (b.p95 > a.p95 ? b : a));
    console.log(`worst p95 with grams: ${worst.p95.toFixed(1)} ms (${worst.label}); target ≤ 100 ms: ${worst.p95 <= 100 ? 'met' : 'missed'}`);
    for (const q of ['彩铃', '宽带']) {
      const plan = await sql<{ 'QUERY PLAN': string }>`explain select id from calls where started_at >= ${day(31)} and started_at < ${to} and strpos(${sql.raw(callNotesPg())}, ${q}) <> 0 and ${sql.raw(callGramsPg(callNotesPg()))} @> array[${q}]::text[] order by started_at desc, id desc limit 1001`.execute(db);
      console.log(`plan for ${q} (grams, the count's walk up to 1 001): ${plan.rows.map((r) => r['QUERY PLAN'].trim()).slice(0, 6).join(' / ')}`);
    }
    for (const q of ['宽带', '营业厅', '彩铃']) {
      const plan = await sql<{ 'QUERY PLAN': string }>`explain select id from calls where started_at >= ${day(365)} and started_at < ${to} and ${sql.raw(callNotesPg())} like ${`%${q}%`} order by started_at desc, id desc limit 21`.execute(db);
      console.log(`plan for ${q}: ${plan.rows.map((r) => r['QUERY PLAN'].trim()).slice(0, 3).join(' / ')}`);
    }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
