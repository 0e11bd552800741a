import { randomUUID } from 'node:crypto';
import type { Fixture } from '../fixture';
import { example } from './example';

/** The demo center's first call: agent01 (team A), a query from 赵先生 (db/demo/demo-center.ts). */
const DEMO_CALL = '00000000-0000-4000-8000-000000000001';

/** A fresh work order of agent01's from the demo call (each example its own, so any order of examples works). */
async function fresh(fx: Fixture, type: 'fault' | 'complaint' = 'fault'): Promise<string> {
  const o = await fx.call('agent01', 'workorders.create', { id: randomUUID(), callId: DEMO_CALL, type, title: '上门检修宽带' });
  return o.id;
}

export const workOrderExamples = {
  'workorders.create': example<'workorders.create'>('agent01', () => ({ id: randomUUID(), callId: DEMO_CALL, type: 'complaint', title: '账单多扣月租，核实退费' })),
  'workorders.list': example<'workorders.list'>('lead01', () => ({ view: 'all' })),
  'workorders.setStatus': example<'workorders.setStatus'>('agent01', async (fx) => ({ id: await fresh(fx), status: 'done', note: '已修复' })),
  'workorders.reassign': example<'workorders.reassign'>('lead01', async (fx) => ({ id: await fresh(fx), toId: fx.userId('agent02'), reason: '王芳今天休假，转给同组' })),
  'workorders.supervise': example<'workorders.supervise'>('lead01', async (fx) => ({ id: await fresh(fx), note: '请今天内处理' })),
  'workorders.callback': example<'workorders.callback'>('agent01', async (fx) => ({ id: await fresh(fx), outcome: 'satisfied', note: '客户满意' })),
  'workorders.complaintStep': example<'workorders.complaintStep'>('agent01', async (fx) => ({ id: await fresh(fx, 'complaint'), step: 'apologise', note: '已致歉并记录客户意见' })),
  'workorders.stats': example<'workorders.stats'>('dept01', (fx) => ({ from: new Date(fx.now.getTime() - 7 * 86_400_000).toISOString(), to: new Date(fx.now.getTime() + 86_400_000).toISOString() })),
};
