import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { centralWithDesks, deskCall as on } from './support/central-with-desks';
import { Fixture, FIXED_NOW } from './support/fixture';

/**
 * #13 across the sync: what a desk's replica answers for the history, the caller look-up and the work-order
 * backlog is what the server answers for the same person (one scope definition, shared/sync), and what a
 * person's desk never receives it cannot show.
 */
const { central, desk } = centralWithDesks();
let server: Fixture;
const at = (minsAgo: number) => new Date(FIXED_NOW.getTime() - minsAgo * 60_000).toISOString();
const WEEK = { from: at(7 * 24 * 60), to: at(-60) };

beforeAll(() => {
  server = new Fixture(central().server.dispatch);
});
const ids = (xs: readonly { id: string }[]) => xs.map((x) => x.id).sort();

describe('calls and work orders through the sync', () => {
  it('a call and its complaint logged on an agent desk reach the lead desk; every answer equals the server\'s for that person', async () => {
    const agent = await desk('agent01');
    const lead = await desk('lead01');
    const other = await desk('agent07');
    const call = await on(agent, 'calls.log', { id: randomUUID(), customerPhone: '+86 150-1111-2222', customerName: '吴女士', category: 'complaint', summary: '同步测试投诉', outcome: '已致歉并记录', followUp: true, startedAt: at(10), endedAt: at(5) });
    const wo = await on(agent, 'workorders.create', { id: randomUUID(), callId: call.id, type: 'complaint', title: '同步测试投诉' });
    await on(agent, 'workorders.complaintStep', { id: wo.id, step: 'apologise', note: '已致歉' });
    await agent.host.sync.syncNow();
    await lead.host.sync.syncNow();
    await other.host.sync.syncNow();

    for (const [d, who] of [[agent, 'agent01'], [lead, 'lead01'], [other, 'agent07']] as const) {
      const filter = { ...WEEK, q: '同步测试', limit: 500 };
      expect(ids((await on(d, 'calls.history', filter)).items), who).toEqual(ids((await server.call(who, 'calls.history', filter)).items));
      expect((await on(d, 'calls.caller', { phone: '15011112222' })).count, who).toBe((await server.call(who, 'calls.caller', { phone: '15011112222' })).count);
      expect(ids(await on(d, 'workorders.list', { view: 'all' })), who).toEqual(ids(await server.call(who, 'workorders.list', { view: 'all' })));
    }
    expect((await on(lead, 'workorders.list', { view: 'open' })).find((o) => o.id === wo.id)).toMatchObject({ ownerId: 'user-agent01', steps: [expect.objectContaining({ step: 'apologise' })], dueAt: new Date(FIXED_NOW.getTime() + 24 * 3_600_000).toISOString() });
    expect((await on(other, 'calls.caller', { phone: '15011112222' })).count).toBe(0);
    expect(await other.host.db.selectFrom('work_orders').select('id').where('id', '=', wo.id).execute()).toEqual([]);
  });

  it('the server masks numbers for a director and records their reveal in the audit log', async () => {
    const [c] = (await server.call('lead01', 'calls.history', { ...WEEK, q: '同步测试' })).items;
    const masked = await server.call('dept01', 'calls.get', { id: c!.id });
    expect(masked).toMatchObject({ customerPhone: '150****2222', customerName: '吴**', masked: true });
    const r = await server.call('dept01', 'customers.reveal', { id: randomUUID(), callId: c!.id, reason: '投诉调查' });
    expect(r.phone).toBe('+86 150-1111-2222');
    const [entry] = await server.call('dept01', 'audit.list', { action: 'customers.reveal', limit: 1 });
    expect(entry).toMatchObject({ actorId: 'user-dept01', subject: { callId: c!.id, reason: '投诉调查' } });
  });
});
