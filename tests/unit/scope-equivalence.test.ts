import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mayCall } from '../../shared/api/method';
import { api } from '../../shared/api/table';
import { SYNCED_TABLE_NAMES, type SyncedTable } from '../../shared/sync/registry';
import { scopeFor } from '../../shared/sync/scope';
import { findActiveActor } from '../../db/stores/users-store';
import { processPull } from '../../server/sync/pull';
import { EXAMPLES } from './support/examples';
import { Fixture, FIXED_NOW } from './support/fixture';
import { readersOf } from './support/table-readers';
import { ENGINE_CASES, startCentral, type RunningCentral } from './support/central';
import { tempDir } from './support/tmp';

type Row = Record<string, unknown>;
const dir = tempDir();
let central: RunningCentral;
let fx: Fixture;

/** One person of every role, and an agent and a lead of each team. */
const PEOPLE = ['agent01', 'agent07', 'lead01', 'lead02', 'qa01', 'dept01', 'center01', 'admin'];

beforeAll(async () => {
  central = await startCentral(ENGINE_CASES[0]!, dir.path, { clock: () => FIXED_NOW });
  fx = new Fixture(central.server.dispatch);
  // Every mutation once (team A's swaps, leave, discipline; a policy version; a center day), then team B's own.
  for (const m of ['calls.log', 'customers.setTag', 'customers.reveal', 'workorders.create', 'workorders.supervise', 'swap.decide', 'swap.respond', 'leave.decide', 'leave.request', 'discipline.record', 'calendar.import', 'policy.update', 'roster.assign'] as const) {
    const ex = EXAMPLES[m];
    await fx.call(ex.as, m, (await ex.input(fx)) as never);
  }
  await fx.call('agent07', 'calls.log', { ...((await EXAMPLES['calls.log'].input(fx)) as object), id: randomUUID() } as never);
  const b = await fx.findSwap('agent07', 'agent08');
  await fx.call('agent07', 'swap.request', { id: randomUUID(), partnerId: fx.userId('agent08'), ...b, reason: '看病' });
  const day = await fx.findLeaveDay('agent09', 'personal');
  await fx.call('agent09', 'leave.request', { id: randomUUID(), userId: fx.userId('agent09'), type: 'personal', fromDate: day, toDate: day, reason: '办事' });
  await fx.call('lead02', 'discipline.record', { id: randomUUID(), userId: fx.userId('agent10'), date: fx.today, kind: 'away', minutes: 30, note: '' });
});
afterAll(async () => {
  await central.stop();
  dir.remove();
});

async function pullAll(username: string): Promise<Record<SyncedTable, Row[]>> {
  const actor = (await findActiveActor(central.store.db, fx.userId(username)))!;
  const out = Object.fromEntries(SYNCED_TABLE_NAMES.map((t) => [t, [] as Row[]])) as Record<SyncedTable, Row[]>;
  let cookie: string | null = null;
  for (;;) {
    const p = await processPull(central.store.db, actor, { clientId: randomUUID(), cookie, sinceMutationId: 0, limit: 5000 }, FIXED_NOW);
    for (const t of SYNCED_TABLE_NAMES) out[t].push(...p.patch[t]);
    cookie = p.cookie;
    if (!p.more) return out;
  }
}

describe('who sees what, said once: for every role and synced table, a pull holds exactly what the role may list', () => {
  const seen = new Map<SyncedTable, number>();

  it.each(PEOPLE)('%s', async (username) => {
    const actor = (await findActiveActor(central.store.db, fx.userId(username)))!;
    const pulled = await pullAll(username);
    for (const table of SYNCED_TABLE_NAMES) {
      const pulledKeys: string[] = [];
      const listedKeys: string[] = [];
      for (const r of readersOf(table)) {
        const mine = pulled[table].map((row) => r.rowKey(row)).filter((k): k is string => k !== null);
        pulledKeys.push(...mine);
        if (!mayCall(api[r.method].access, actor)) {
          // A role that may not list a table must not receive a single row of it.
          expect({ username, table, reader: r.method, pulled: mine }).toEqual({ username, table, reader: r.method, pulled: [] });
          continue;
        }
        listedKeys.push(...r.keys((await fx.call(username, r.method, r.input as never)) as never));
      }
      expect({ username, table, keys: [...new Set(pulledKeys)].sort() }).toEqual({ username, table, keys: [...new Set(listedKeys)].sort() });
      if (scopeFor(actor, table).kind === 'none') expect(pulled[table]).toEqual([]);
      seen.set(table, (seen.get(table) ?? 0) + pulledKeys.length);
    }
  });

  it('compared real rows in every table (not vacuous), and a QA inspector receives no leave, discipline or swaps', async () => {
    for (const t of SYNCED_TABLE_NAMES) expect({ t, rows: (seen.get(t) ?? 0) > 0 }).toEqual({ t, rows: true });
    const qa = await pullAll('qa01');
    expect([qa.leave_requests.length, qa.violations.length, qa.swaps.length]).toEqual([0, 0, 0]);
    expect(qa.calls.length).toBeGreaterThan(0);
  });
});
