import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { formatHlc } from '../../shared/sync/hlc';
import { api, serverLogin } from './support/central';
import { centralWithDesks, deskCall } from './support/central-with-desks';
import { evaluation } from './support/examples/qa';
import { FIXED_NOW } from './support/fixture';

/** Desks and the server on one pinned clock: an evaluation scored on the QA desk is re-scored by the server, reaches the agent's desk, and a ruling comes back. */
const { central: centralNow, desk } = centralWithDesks();
const call = deskCall;
/** The demo center's morning calls (db/demo/seed.ts): the first two are agent01's, the third agent02's. */
const DEMO_CALL = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const serverRow = (id: string) => centralNow().store.db.selectFrom('qa_evaluations').selectAll().where('id', '=', id).executeTakeFirst();
const push = async (username: string, name: string, args: unknown) => {
  const token = await serverLogin(centralNow().url, username);
  return api(centralNow().url, '/api/sync/push', { clientId: randomUUID(), mutations: [{ id: 1, name, args, actedAt: formatHlc({ wall: FIXED_NOW.getTime() - 60_000, counter: 0, node: `desk-${username}` }) }] }, token);
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
