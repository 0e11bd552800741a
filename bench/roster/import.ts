// A whole center's month import on the server: the chunked path (checked outside the lock, a commit per 100
// people) against the one-transaction path it replaced, side by side in one process, on PostgreSQL when
// DATABASE_URL is set, else PGlite. Also: how long a desk's push waits while an import runs.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedDemoCenter } from '../../db/demo/seed';
import { makeStore } from '../../db/stores/store';
import { findActiveActor } from '../../db/stores/users-store';
import { createWriter } from '../../db/sync/writer';
import { serverHandlers } from '../../server/handlers';
import { createScratchDatabase, openCentralStore, type CentralStore } from '../../server/store';
import { processPush } from '../../server/sync/push';
import { takeVersion } from '../../server/sync/versions';
import { api } from '../../shared/api/table';
import { planRosterImport } from '../../shared/roster/import';
import { policyAt } from '../../shared/policy/in-force';
import { plainImportRoster, plainPlan } from './plain-import';
import { ROTA, teamOf } from './seed';

const NOW = new Date('2026-03-17T02:30:00.000Z');
const stamp = (at: Date, desk: string) => `${at.toISOString()}#0000#${desk}`;

export async function benchImport(people: number) {
  const dir = mkdtempSync(join(tmpdir(), 'zhiban-bench-import-'));
  let store: CentralStore;
  let drop = async () => {};
  if (process.env.DATABASE_URL) {
    const scratch = await createScratchDatabase(process.env.DATABASE_URL, 'zb_bench');
    drop = scratch.drop;
    store = await openCentralStore({ databaseUrl: scratch.url });
  } else store = await openCentralStore({ dataDir: dir });
  const { db } = store;
  try {
    const version = await db.transaction().execute((tx) => takeVersion(tx));
    await seedDemoCenter(db, NOW, version);
    const users = Array.from({ length: people }, (_, i) => ({ id: `bench-${i}`, username: `bench${i}`, display_name: `Agent ${i}`, role: 'agent', team_id: teamOf(i), password_hash: 'x', active: 1, created_at: NOW.toISOString() }));
    for (let i = 0; i < users.length; i += 200) await db.insertInto('users').values(users.slice(i, i + 200)).execute();
    const header = ['username', ...Array.from({ length: 30 }, (_, d) => String(d + 1))];
    const file = (shift: number) => [header, ...users.map((u, i) => [u.username, ...Array.from({ length: 30 }, (_, d) => ROTA[(d + i + shift) % 8] ?? '')])];
    const actor = (await findActiveActor(db, 'user-center01'))!;
    const handlers = serverHandlers();

    // The check alone (what runs outside the lock now), as the server runs it.
    const input = api['roster.import'].input.parse({ month: '2026-06', rows: file(0) });
    const [roster, types, policy] = await Promise.all([makeStore(db).roster.people(null), makeStore(db).roster.shiftTypes(), policyAt(makeStore(db), NOW.toISOString())]);
    let t = performance.now();
    const plan = planRosterImport(input, { people: roster, shiftTypes: types, teamId: null, timeZone: policy.timezone });
    const checkMs = performance.now() - t;
    t = performance.now();
    const old = plainPlan(input, { people: roster, shiftTypes: types, teamId: null, timeZone: policy.timezone });
    const plainCheckMs = performance.now() - t;
    if (JSON.stringify(old) !== JSON.stringify(plan)) throw new Error('the memoised check answers differently');
    if (plan.issues.length) throw new Error(`bench file has ${plan.issues.length} issues`);

    // A desk's push while the import runs: a lead assigns one cell, again and again, until the import ends.
    const probe = async (running: () => boolean) => {
      const waits: number[] = [];
      const clientId = randomUUID();
      for (let id = 1; running(); id++) {
        const s = performance.now();
        await processPush(db, handlers, 'user-lead01', { clientId, mutations: [{ id, name: 'roster.assign', args: { id: randomUUID(), userId: 'user-agent01', date: '2026-06-15', shiftCode: id % 2 ? 'D' : 'E' }, actedAt: stamp(NOW, clientId.slice(0, 8)) }] }, () => NOW, () => {});
        waits.push(performance.now() - s);
      }
      return waits;
    };
    const timed = async (run: () => Promise<void>) => {
      let running = true;
      const start = performance.now();
      const [, waits] = await Promise.all([run().finally(() => (running = false)), probe(() => running)]);
      return { ms: performance.now() - start, pushes: waits.length, maxPushWaitMs: Math.max(...waits) };
    };

    // Baseline: the old handler in one transaction under the version lock (as a push ran it).
    const plain = await timed(async () => {
      const i = api['roster.import'].input.parse({ month: '2026-06', rows: file(0) });
      await db.transaction().execute(async (tx) => {
        const writer = createWriter(tx, { version: await takeVersion(tx), undo: null });
        await plainImportRoster({ actor, now: NOW.toISOString(), store: makeStore(tx, writer) }, i);
      });
    });
    // Now: the same month re-imported with every cell changed, through the push path (chunked).
    const chunked = await timed(async () => {
      const clientId = randomUUID();
      const r = await processPush(db, handlers, 'user-center01', { clientId, mutations: [{ id: 1, name: 'roster.import', args: { month: '2026-06', rows: file(3) }, actedAt: stamp(new Date(NOW.getTime() + 1000), clientId.slice(0, 8)) }] }, () => new Date(NOW.getTime() + 2000), () => {});
      if (r.results[0]!.status !== 'applied') throw new Error(JSON.stringify(r.results[0]));
    });
    return { people, cells: people * 30, checkMs, plainCheckMs, plain, chunked };
  } finally {
    await store.close();
    await drop();
    rmSync(dir, { recursive: true, force: true });
  }
}
