import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/api/table';
import { formatHlc } from '../../shared/sync/hlc';
import { api, ENGINE_CASES, serverLogin, startCentral, type RunningCentral } from './support/central';
import { openDesk, type TestDesk } from './support/desks';
import { evaluation } from './support/examples/qa';
import { FIXED_NOW } from './support/fixture';
import { tempDir } from './support/tmp';

/** Desks and the server on one pinned clock: an evaluation scored on the QA desk is re-scored by the server, reaches the agent's desk, and a ruling comes back. */
const dir = tempDir();
let central: RunningCentral;
const desks: TestDesk[] = [];
beforeAll(async () => {
  central = await startCentral(ENGINE_CASES[0]!, join(dir.path, 'server'), { clock: () => FIXED_NOW });
});
afterAll(async () => {
  for (const d of desks) await d.host.close();
  await central.stop();
  dir.remove();
});

async function desk(username: string) {
  const d = await openDesk(central.url, join(dir.path, username), username, { clock: () => FIXED_NOW });
  desks.push(d);
  await d.host.sync.syncNow();
  return d;
}
async function call<M extends MethodName>(d: TestDesk, m: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const r = await d.host.dispatch(m, input, d.token);
  if (!r.ok) throw new Error(`${m}: ${JSON.stringify(r.error)}`);
  return r.value as MethodOutput<M>;
}
/** The demo center's morning calls (db/demo/seed.ts): the first two are agent01's, the third agent02's. */
const DEMO_CALL = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const serverRow = (id: string) => central.store.db.selectFrom('qa_evaluations').selectAll().where('id', '=', id).executeTakeFirst();
const push = async (username: string, name: string, args: unknown) => {
  const token = await serverLogin(central.url, username);
  return api(central.url, '/api/sync/push', { clientId: randomUUID(), mutations: [{ id: 1, name, args, actedAt: formatHlc({ wall: FIXED_NOW.getTime() - 60_000, counter: 0, node: `desk-${username}` }) }] }, token);
};

describe('qa over sync', () => {
  it('the QA desk and the server compute the same score; the agent\'s desk receives it, disputes, and the director\'s ruling recomputes it everywhere', async () => {
    const [qa, agent] = [await desk('qa01'), await desk('agent01')];
    const e = await call(qa, 'qa.evaluate', evaluation(DEMO_CALL(1), { tone: 2, adaptability: null }));
    expect(e.synced).toBe(false);
    await qa.host.sync.syncNow();
    const row = await serverRow(e.id);
    expect(row && Number(row.score)).toBe(e.score);
    await agent.host.sync.syncNow();
    const seen = (await call(agent, 'qa.list', {})).find((x) => x.id === e.id)!;
    expect(seen).toMatchObject({ score: e.score, synced: true, mine: { asAgent: true } });
    await call(agent, 'qa.dispute', { id: e.id, criterionId: 'tone', reason: '客户语速快，我已配合' });
    await agent.host.sync.syncNow();
    const director = await desk('dept01');
    const ruled = await call(director, 'qa.rule', { id: e.id, criterionId: 'tone', outcome: 'amended', value: 4, note: '' });
    await director.host.sync.syncNow();
    await agent.host.sync.syncNow();
    expect(Number((await serverRow(e.id))!.score)).toBe(ruled.score);
    expect((await call(agent, 'qa.get', { id: e.id })).score).toBe(ruled.score);
    expect(ruled.score).toBeGreaterThan(e.score);
    // Another team's agent never holds it.
    const other = await desk('agent07');
    expect((await call(other, 'qa.list', {})).some((x) => x.id === e.id)).toBe(false);
  });

  it('a tampered desk that pushes a score other than the scorecard gives is refused by the server, which writes nothing', async () => {
    const args = { ...evaluation(DEMO_CALL(3)), expectedScore: 100 - 1 };
    const r = await push('qa01', 'qa.evaluate', args);
    expect(r.body.results[0]).toMatchObject({ status: 'rejected', error: { ruleIds: ['qa.form'], fields: [{ path: 'expectedScore', code: 'err.scoreMismatch' }] } });
    expect(await serverRow(args.id)).toBeUndefined();
  });

  it('a tampered desk that pushes an answer off its scale is refused by the server, which writes nothing', async () => {
    const args = { ...evaluation(DEMO_CALL(3)), answers: evaluation(DEMO_CALL(3)).answers.map((a) => (a.criterionId === 'attitude' ? { ...a, value: 7 } : a)) };
    const r = await push('qa01', 'qa.evaluate', args);
    expect(r.body.results[0]).toMatchObject({ status: 'rejected', error: { ruleIds: ['qa.criteria'], fields: [{ code: 'err.offScale' }] } });
    expect(await serverRow(args.id)).toBeUndefined();
  });
});
