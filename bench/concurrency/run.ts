// bench/concurrency: the two ways #16 item 7 names to keep a rule that spans people safe when several server
// processes write one PostgreSQL — the version row lock the server uses (every writing transaction first
// updates one row, at READ COMMITTED) against SERIALIZABLE with retry (versions from a sequence) — on the same
// workload in the same run: an approval that checks "at most N a month for this agent" and writes its row and a
// log row. Quick: 4 s a cell; --full: 15 s. Run: DATABASE_URL=postgres://… npm run bench:concurrency [-- --full]
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { createScratchDatabase } from '../../server/store';

const FULL = process.argv.includes('--full');
const SECONDS = FULL ? 15 : 4;
const WRITERS = [1, 4, 16, 64];
/** Hot: a handful of agents (approvals collide on the same person); cold: a center's worth. */
const SPREADS = { hot: 4, cold: 2_000 } as const;
type Mode = 'row-lock' | 'serializable';
const RETRYABLE = new Set(['40001', '40P01']);

const schema = `
  create table sync_state (id int primary key, version bigint not null);
  insert into sync_state values (1, 0);
  create sequence versions;
  create table approvals (id bigserial primary key, agent int not null, month int not null, version bigint not null);
  create index approvals_agent_month on approvals (agent, month);
  create table log (id bigserial primary key, version bigint not null, name text not null, at timestamptz not null default now());`;

interface Cell {
  ops: number;
  refused: number;
  retries: number;
  latencies: number[];
}

/** One approval: the rule's read, its write, the log row; true when the limit let it through. */
async function approve(c: pg.PoolClient, mode: Mode, agent: number, month: number, limit: number): Promise<boolean> {
  await c.query(mode === 'row-lock' ? 'begin' : 'begin isolation level serializable');
  try {
    const v = mode === 'row-lock' ? (await c.query<{ version: string }>('update sync_state set version = version + 1 where id = 1 returning version')).rows[0]!.version : (await c.query<{ version: string }>("select nextval('versions') as version")).rows[0]!.version;
    const n = Number((await c.query<{ n: string }>('select count(*) as n from approvals where agent = $1 and month = $2', [agent, month])).rows[0]!.n);
    if (n >= limit) {
      await c.query('rollback');
      return false;
    }
    await c.query('insert into approvals (agent, month, version) values ($1, $2, $3)', [agent, month, v]);
    await c.query("insert into log (version, name) values ($1, 'swap.decide')", [v]);
    await c.query('commit');
    return true;
  } catch (e) {
    await c.query('rollback').catch(() => undefined);
    throw e;
  }
}

async function runCell(pool: pg.Pool, mode: Mode, writers: number, agents: number, limit: number, seconds: number): Promise<Cell> {
  const cell: Cell = { ops: 0, refused: 0, retries: 0, latencies: [] };
  const until = Date.now() + seconds * 1000;
  let seed = writers * 7919 + agents;
  // An LCG's low bits cycle quickly: draw from the high ones.
  const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) >>> 8;
  await Promise.all(
    Array.from({ length: writers }, async () => {
      const c = await pool.connect();
      try {
        while (Date.now() < until) {
          const agent = next() % agents;
          const month = limit === Infinity ? next() % 1_000_000 : 1;
          const t0 = performance.now();
          for (;;) {
            try {
              if (!(await approve(c, mode, agent, month, limit))) cell.refused++;
              break;
            } catch (e) {
              if (!RETRYABLE.has((e as { code?: string }).code ?? '')) throw e;
              cell.retries++;
            }
          }
          cell.latencies.push(performance.now() - t0);
          cell.ops++;
        }
      } finally {
        c.release();
      }
    }),
  );
  return cell;
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]! : NaN;
};
const loadavg = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

async function main() {
  const base = process.env.DATABASE_URL;
  if (!base) {
    console.log('bench:concurrency needs DATABASE_URL (a PostgreSQL server); skipped.');
    return;
  }
  console.log(`bench/concurrency — ${SECONDS} s a cell, load ${loadavg()}`);
  console.log('| agents | writers | row lock ops/s | p50 / p95 ms | SERIALIZABLE ops/s | p50 / p95 ms | retries per op | ratio |');
  console.log('|---|---|---|---|---|---|---|---|');
  for (const [spread, agents] of Object.entries(SPREADS)) {
    for (const writers of WRITERS) {
      const row: string[] = [`${spread} (${agents})`, String(writers)];
      const rates: number[] = [];
      let retriesPerOp = 0;
      for (const mode of ['row-lock', 'serializable'] as const) {
        const db = await createScratchDatabase(base, 'bench_conc');
        const pool = new pg.Pool({ connectionString: db.url, max: writers });
        try {
          await pool.query(schema);
          const cell = await runCell(pool, mode, writers, agents, Infinity, SECONDS);
          rates.push(cell.ops / SECONDS);
          row.push((cell.ops / SECONDS).toFixed(0), `${pct(cell.latencies, 50).toFixed(1)} / ${pct(cell.latencies, 95).toFixed(1)}`);
          if (mode === 'serializable') retriesPerOp = cell.retries / Math.max(1, cell.ops);
        } finally {
          await pool.end();
          await db.drop();
        }
      }
      row.push(retriesPerOp.toFixed(3), `${(rates[1]! / rates[0]!).toFixed(2)}×`);
      console.log(`| ${row.join(' | ')} |`);
    }
  }
  // The rule itself: 64 writers approving for 4 agents with a limit of 2 a month. Both must stop at 2.
  console.log('\n| limit 2 a month, 4 agents, 64 writers | approvals kept (4 agents × 2) | most for one agent | refused | retries |');
  console.log('|---|---|---|---|---|');
  for (const mode of ['row-lock', 'serializable'] as const) {
    const db = await createScratchDatabase(base, 'bench_conc');
    const pool = new pg.Pool({ connectionString: db.url, max: 64 });
    try {
      await pool.query(schema);
      const cell = await runCell(pool, mode, 64, 4, 2, 2);
      const { rows } = await pool.query<{ n: string; most: string }>('select sum(c) as n, max(c) as most from (select count(*) as c from approvals group by agent, month) x');
      console.log(`| ${mode} | ${rows[0]!.n} | ${rows[0]!.most} | ${cell.refused} | ${cell.retries} |`);
      if (Number(rows[0]!.most) > 2) throw new Error(`${mode}: the limit did not hold`);
    } finally {
      await pool.end();
      await db.drop();
    }
  }
  console.log(`\nload at end ${loadavg()}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
