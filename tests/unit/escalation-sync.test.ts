import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { MethodInput } from '../../shared/api/table';
import { formatHlc } from '../../shared/sync/hlc';
import { api, serverLogin } from './support/central';
import { centralWithDesks, deskCall } from './support/central-with-desks';
import { FIXED_NOW } from './support/fixture';

/** Desks and the server on one pinned clock: a report travels agent desk → server → lead desk and back; the server re-checks the chain. */
const { central: centralNow, desk } = centralWithDesks();
const call = deskCall;
const report = (o: Partial<MethodInput<'escalation.report'>> = {}): MethodInput<'escalation.report'> => ({
  id: randomUUID(),
  category: 'accident',
  summary: '系统误发短信给一批客户',
  proposal: '暂停批量发送并报主任',
  callId: null,
  toId: 'user-lead01',
  emergency: false,
  ...o,
});
const stored = async (id: string) => (await centralNow().store.db.selectFrom('escalations').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;

describe('escalation over sync', () => {
  it('a report made on the agent\'s desk reaches the lead\'s desk; the instruction comes back; the acknowledgement reaches the server', async () => {
    const [agent, lead] = [await desk('agent01'), await desk('lead01')];
    const r = await call(agent, 'escalation.report', report());
    expect(r.synced).toBe(false);
    await agent.host.sync.syncNow();
    expect(await stored(r.id)).toBe(true);
    await lead.host.sync.syncNow();
    const seen = (await call(lead, 'escalation.list', {})).find((e) => e.id === r.id);
    expect(seen).toMatchObject({ turn: 'holder', mine: { asHolder: true }, synced: true });
    await call(lead, 'escalation.instruct', { id: r.id, text: '立即暂停批量任务' });
    await lead.host.sync.syncNow();
    await agent.host.sync.syncNow();
    expect((await call(agent, 'escalation.list', {})).find((e) => e.id === r.id)).toMatchObject({ turn: 'reporter' });
    await call(agent, 'escalation.acknowledge', { id: r.id, disagreement: '' });
    await agent.host.sync.syncNow();
    const row = await centralNow().store.db.selectFrom('escalations').select('timeline').where('id', '=', r.id).executeTakeFirstOrThrow();
    expect((JSON.parse(row.timeline) as { kind: string }[]).map((e) => e.kind)).toEqual(['reported', 'instructed', 'acknowledged']);
    // Another team's lead never receives it.
    const lead2 = await desk('lead02');
    expect((await call(lead2, 'escalation.list', {})).some((e) => e.id === r.id)).toBe(false);
  });

  it.each([
    ['escalate.level-by-level: a skip without the emergency flag', { toId: 'user-dept01', emergency: false }, ['escalate.level-by-level', 'escalate.emergency-skip'], 'emergency'],
    ["escalate.level-by-level: another team's lead, outside the chain", { toId: 'user-lead02', emergency: true }, ['escalate.level-by-level'], 'toId'],
    ['escalate.proposal: no proposal', { proposal: '' }, ['escalate.proposal'], 'proposal'],
  ])('a tampered desk that pushes %s is refused by the server, which writes nothing', async (_l, over, ruleIds, path) => {
    const token = await serverLogin(centralNow().url, 'agent02');
    const args = report(over);
    const r = await api(centralNow().url, '/api/sync/push', { clientId: randomUUID(), mutations: [{ id: 1, name: 'escalation.report', args, actedAt: formatHlc({ wall: FIXED_NOW.getTime() - 60_000, counter: 0, node: 'desk-x' }) }] }, token);
    expect(r.body.results[0]).toMatchObject({ status: 'rejected', error: { ruleIds, fields: [{ path }] } });
    expect(await stored(args.id)).toBe(false);
  });

  it('an emergency pushed with its flag is accepted by the server, with a follow-up per skipped level', async () => {
    const token = await serverLogin(centralNow().url, 'agent03');
    const args = report({ toId: 'user-center01', emergency: true, category: 'danger' });
    const r = await api(centralNow().url, '/api/sync/push', { clientId: randomUUID(), mutations: [{ id: 1, name: 'escalation.report', args, actedAt: formatHlc({ wall: FIXED_NOW.getTime() - 60_000, counter: 0, node: 'desk-y' }) }] }, token);
    expect(r.body.results[0]).toMatchObject({ status: 'applied' });
    const row = await centralNow().store.db.selectFrom('escalations').select('follow_ups').where('id', '=', args.id).executeTakeFirstOrThrow();
    expect(JSON.parse(row.follow_ups)).toEqual([{ level: 'team_lead', done: null }, { level: 'department_director', done: null }]);
  });
});
