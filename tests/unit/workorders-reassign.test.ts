import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeskHost } from '../../electron/backend/desk-host';
import { startDemoDesk } from './support/desks';
import { Fixture, FIXED_NOW, refusal } from './support/fixture';
import { tempDir } from './support/tmp';

/** workorders.reassign: a work order handed to someone else of its team, with a reason, kept on the order and in the audit log. */
const DEMO_CALL = '00000000-0000-4000-8000-000000000001';
const dir = tempDir();
let host: DeskHost;
let fx: Fixture;

beforeAll(async () => {
  host = await startDemoDesk({ dataDir: dir.path, clock: () => FIXED_NOW });
  fx = new Fixture(host.dispatch);
});
afterAll(async () => {
  await host.close();
  dir.remove();
});

const fresh = async () => (await fx.call('agent01', 'workorders.create', { id: randomUUID(), callId: DEMO_CALL, type: 'fault', title: '上门检修宽带' })).id;
const reason = '王芳今天休假，转给同组';

describe('workorders.reassign', () => {
  it.each([
    ['the owner hands it over', 'agent01', 'agent02'],
    ['a lead of its team gives it to someone else', 'lead01', 'agent03'],
    ['a lead of its team takes it', 'lead01', 'lead01'],
    ['the department director moves it', 'dept01', 'agent04'],
  ])('workorder.close-rights: %s', async (_l, as, to) => {
    const id = await fresh();
    const o = await fx.call(as, 'workorders.reassign', { id, toId: fx.userId(to), reason });
    expect([o.ownerId, o.ruleIds]).toEqual([fx.userId(to), ['workorder.close-rights']]);
    expect(o.handoffs).toEqual([{ at: FIXED_NOW.toISOString(), by: fx.userId(as), fromId: fx.userId('agent01'), toId: fx.userId(to), reason }]);
    const audit = await fx.call('dept01', 'audit.list', {});
    expect(JSON.stringify(audit)).toContain('workorders.reassign');
  });

  it.each([
    ['workorder.close-rights: a colleague does not even see someone else’s order', 'agent02', 'agent03', reason, 'not_found', 'id:err.unknownWorkOrder'],
    ['workorder.close-rights: another team’s lead cannot', 'lead02', 'agent03', reason, 'not_found', 'id:err.unknownWorkOrder'],
    ['workorder.close-rights: only to someone of the same team', 'agent01', 'agent07', reason, 'invalid_input', 'toId:err.ownerNotInTeam'],
    ['workorder.close-rights: not to a QA inspector', 'lead01', 'qa01', reason, 'invalid_input', 'toId:err.ownerNotInTeam'],
    ['not to an unknown person', 'lead01', 'nobody', reason, 'invalid_input', 'toId:err.ownerNotInTeam'],
    ['not to its owner', 'agent01', 'agent01', reason, 'invalid_input', 'toId:err.sameOwner'],
    ['a reason is required', 'agent01', 'agent02', '   ', 'invalid_input', 'reason:err.required'],
  ])('%s', async (_l, as, to, why, code, field) => {
    const id = await fresh();
    const e = await refusal(fx.call(as, 'workorders.reassign', { id, toId: fx.userId(to), reason: why }));
    expect([e.code, `${e.fields?.[0]?.path}:${e.fields?.[0]?.code}`]).toEqual([code, field]);
    const o = (await fx.call('dept01', 'workorders.list', { view: 'all' })).find((w) => w.id === id)!;
    expect([o.ownerId, o.handoffs]).toEqual([fx.userId('agent01'), []]);
  });

  it('a done work order stays with whoever closed it', async () => {
    const id = await fresh();
    await fx.call('agent01', 'workorders.setStatus', { id, status: 'done', note: '已修复' });
    expect((await refusal(fx.call('lead01', 'workorders.reassign', { id, toId: fx.userId('agent02'), reason }))).fields?.[0]?.code).toBe('err.workOrderDone');
  });
});

describe('workorders.reassign: input', () => {
  it('no one picked reads as a required field', async () => {
    const e = await refusal(fx.call('lead01', 'workorders.reassign', { id: await fresh(), toId: '', reason }));
    expect([e.code, `${e.fields?.[0]?.path}:${e.fields?.[0]?.code}`]).toEqual(['invalid_input', 'toId:err.required']);
  });
});
