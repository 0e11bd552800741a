// bench/calls: the call history over 100 000 calls on a desk's SQLite replica — filter, page (offset and keyset), search (FTS5 trigram),
// caller look-up — and logging a call end to end through the desk's dispatch; p50 / p95 of each.
// Run: npm run bench:calls [-- --full]   (quick: 20 000 calls; --full: 100 000; BENCH_CALLS=… for another size)
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDeskHost } from '../../electron/backend/desk-host';
import { DEMO_PASSWORD } from '../../db/demo/demo-center';
import { phoneKey } from '../../shared/calls/phone';
import { CALL_CATEGORIES } from '../../shared/calls/schemas';
import type { MethodInput, MethodName } from '../../shared/api/table';

const N = Number(process.env.BENCH_CALLS ?? (process.argv.includes('--full') ? 100_000 : 20_000));
const NOW = new Date('2026-03-17T02:30:00.000Z');
const AGENTS = ['agent01', 'agent02', 'agent03', 'agent04', 'agent05', 'agent06', 'agent07', 'agent08', 'agent09', 'agent10', 'agent11', 'agent12'];

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'zhiban-bench-calls-'));
  const host = await startDeskHost({ dataDir: dir, demo: true, clock: () => NOW });
  try {
    const t0 = performance.now();
    // 100 000 calls over 90 days, 12 agents in two teams, 20 000 distinct callers: straight into the table
    // (a bench's baseline data, like the demo seed; the product writes through the Writer).
    const rows = Array.from({ length: N }, (_, i) => {
      const started = new Date(NOW.getTime() - ((i * 7919) % (90 * 86_400)) * 1000 - 600_000);
      const agent = AGENTS[i % AGENTS.length]!;
      const phone = `13${String(800_000_000 + (i % 20_000)).padStart(9, '0')}`;
      return {
        id: randomUUID(),
        agent_id: `user-${agent}`,
        team_id: i % AGENTS.length < 6 ? 'team-a' : 'team-b',
        customer_phone: phone,
        phone_key: phoneKey(phone),
        customer_name: `客户${i % 20_000}`,
        category: CALL_CATEGORIES[i % CALL_CATEGORIES.length]!,
        summary: i % 97 === 0 ? '宽带断线报修' : `来电摘要 ${i}`,
        outcome: i % 13 === 0 ? '转二线处理' : '已解答',
        follow_up: i % 11 === 0 ? 1 : 0,
        started_at: started.toISOString(),
        ended_at: new Date(started.getTime() + 180_000).toISOString(),
        duration_sec: 180,
        created_at: started.toISOString(),
        version: 1,
      };
    });
    for (let i = 0; i < rows.length; i += 500) await host.db.insertInto('calls').values(rows.slice(i, i + 500)).execute();
    console.log(`seeded ${N} calls in ${Math.round(performance.now() - t0)} ms`);

    const tokens = new Map<string, string>();
    const token = async (u: string) => {
      if (!tokens.has(u)) {
        const r = await host.dispatch('session.login', { username: u, password: DEMO_PASSWORD });
        if (!r.ok) throw new Error(r.error.message);
        tokens.set(u, (r.value as { token: string }).token);
      }
      return tokens.get(u)!;
    };
    const time = async <M extends MethodName>(label: string, as: string, method: M, input: () => MethodInput<M>, runs = 40) => {
      const ms: number[] = [];
      const t = await token(as);
      for (let i = 0; i < runs; i++) {
        const s = performance.now();
        const r = await host.dispatch(method, input(), t);
        ms.push(performance.now() - s);
        if (!r.ok) throw new Error(`${label}: ${r.error.code} ${r.error.message}`);
      }
      console.log(`| ${label} | ${as} | ${pct(ms, 50).toFixed(1)} | ${pct(ms, 95).toFixed(1)} |`);
    };
    const day = (n: number) => new Date(NOW.getTime() - n * 86_400_000).toISOString();
    const to = NOW.toISOString();
    console.log('| query | as | p50 ms | p95 ms |\n|---|---|---|---|');
    await time('history, 7 days, first page of 20', 'dept01', 'calls.history', () => ({ from: day(7), to, limit: 20 }));
    await time('history, 90 days, page 50 of 20', 'dept01', 'calls.history', () => ({ from: day(90), to, offset: 49 * 20, limit: 20 }));
    await time('history, 30 days, team + category + follow-up', 'dept01', 'calls.history', () => ({ from: day(30), to, teamId: 'team-b', category: 'complaint', followUp: 'yes', limit: 20 }));
    await time('history, 90 days, text search (summary)', 'dept01', 'calls.history', () => ({ from: day(90), to, q: '宽带断线', limit: 20 }));
    await time('history, 30 days, lead (team scope), outcome words', 'lead01', 'calls.history', () => ({ from: day(30), to, outcome: '二线', limit: 20 }));
    await time('history, 90 days, agent (own calls)', 'agent01', 'calls.history', () => ({ from: day(90), to, limit: 20 }));
    // Keyset paging (#13 item 2): page 50 asked for after the last call of page 49, as the search pages do.
    {
      const t = await token('dept01');
      let after: { startedAt: string; id: string } | undefined;
      for (let p = 1; p < 50; p++) {
        const r = await host.dispatch('calls.history', { from: day(90), to, after, limit: 20 }, t);
        if (!r.ok) throw new Error(r.error.message);
        const items = (r.value as { items: { startedAt: string; id: string }[] }).items;
        after = { startedAt: items[items.length - 1]!.startedAt, id: items[items.length - 1]!.id };
      }
      await time('history, 90 days, page 50 of 20 by cursor (keyset)', 'dept01', 'calls.history', () => ({ from: day(90), to, after, limit: 20 }));
    }
    {
      const t = await token('dept01');
      let after: { startedAt: string; id: string } | undefined;
      for (let p = 1; p < 50; p++) {
        const r = await host.dispatch('calls.search', { from: day(90), to, after, limit: 20 }, t);
        if (!r.ok) throw new Error(r.error.message);
        after = (r.value as { next: { startedAt: string; id: string } }).next;
      }
      await time('calls.search, 90 days, page 50 of 20 by cursor (count capped at 1 000)', 'dept01', 'calls.search', () => ({ from: day(90), to, after, limit: 20 }));
    }
    await time('calls.search, 90 days, 4 chars (宽带断线)', 'dept01', 'calls.search', () => ({ from: day(90), to, q: '宽带断线', limit: 20 }));
    await time('calls.search, 90 days, 2 chars (宽带): last 31 days', 'dept01', 'calls.search', () => ({ from: day(90), to, q: '宽带', limit: 20 }));
    await time('calls.search, 90 days, no match (不存在的词)', 'dept01', 'calls.search', () => ({ from: day(90), to, q: '不存在的词', limit: 20 }));
    let j = 0;
    await time('calls.search, lead, phone digits (7)', 'lead01', 'calls.search', () => ({ from: day(90), to, q: String(800_000_000 + (j++ % 20_000) * 7).slice(2), limit: 20 }));
    await time('calls.search, 30 days, team + complaint + follow-up + 宽带断线', 'dept01', 'calls.search', () => ({ from: day(30), to, teamId: 'team-b', category: 'complaint', followUp: 'yes', q: '宽带断线', limit: 20 }));
    let k = 0;
    await time('caller look-up while typing', 'lead01', 'calls.caller', () => ({ phone: `+86 138 ${String(k++ % 20_000).padStart(8, '0')}` }));
    await time('dashboard stats, 7 days', 'dept01', 'calls.stats', () => ({ from: day(7), to }));
    await time('customer directory, first page', 'lead01', 'customers.directory', () => ({ limit: 20 }), 10);
    await time(
      'log a call (dispatch → SQLite commit, outbox, undo)',
      'agent01',
      'calls.log',
      () => ({ id: randomUUID(), customerPhone: '139 8888 0000', customerName: '', category: 'query', summary: '基准', outcome: '已解答', followUp: false, startedAt: new Date(NOW.getTime() - 120_000).toISOString(), endedAt: NOW.toISOString() }),
      200,
    );
  } finally {
    await host.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
