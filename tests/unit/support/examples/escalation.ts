import { randomUUID } from 'node:crypto';
import type { Fixture } from '../fixture';
import { example } from './example';

/** A report from `reporter` of team A to `to`, optionally instructed on by the team lead: the state later steps need. */
async function reported(fx: Fixture, reporter: string, o: { to?: string; emergency?: boolean; instructed?: boolean } = {}): Promise<string> {
  const e = await fx.call(reporter, 'escalation.report', {
    id: randomUUID(),
    category: 'beyond-remit',
    summary: '客户反复来电辱骂，拒绝挂机',
    proposal: '请班长接听并按流程处理',
    toId: fx.userId(o.to ?? 'lead01'),
    emergency: o.emergency ?? false,
  });
  if (o.instructed) await fx.call('lead01', 'escalation.instruct', { id: e.id, text: '先安抚客户，记录通话内容，十分钟内回报' });
  return e.id;
}

/** A hand raised by `agent` (team A) during a call. */
async function raised(fx: Fixture, agent: string): Promise<string> {
  return (await fx.call(agent, 'help.raise', { id: randomUUID(), callId: null, note: '客户情绪激动，要求找领导' })).id;
}

export const escalationExamples = {
  'escalation.chain': example<'escalation.chain'>('agent01', () => ({})),
  'escalation.report': example<'escalation.report'>('agent01', (fx) => ({
    id: randomUUID(),
    category: 'leak',
    summary: '发现客户资料被截图外传',
    proposal: '立即封存相关工单，请主任处理',
    callId: null,
    toId: fx.userId('lead01'),
    emergency: false,
    helpId: null,
  })),
  'escalation.instruct': example<'escalation.instruct'>('lead01', async (fx) => ({ id: await reported(fx, 'agent03'), text: '先安抚客户，记录通话内容' })),
  'escalation.acknowledge': example<'escalation.acknowledge'>('agent04', async (fx) => ({ id: await reported(fx, 'agent04', { instructed: true }), disagreement: '' })),
  'escalation.forward': example<'escalation.forward'>('lead01', async (fx) => ({ id: await reported(fx, 'agent05'), toId: fx.userId('dept01'), emergency: false, note: '' })),
  'escalation.informed': example<'escalation.informed'>('lead01', async (fx) => ({ id: await reported(fx, 'agent06', { to: 'dept01', emergency: true }), level: 'team_lead' })),
  'escalation.resolve': example<'escalation.resolve'>('lead01', async (fx) => ({ id: await reported(fx, 'agent02', { instructed: true }), note: '' })),
  'escalation.close': example<'escalation.close'>('agent02', async (fx) => ({ id: await reported(fx, 'agent02'), note: '' })),
  'escalation.list': example<'escalation.list'>('lead01', () => ({})),
  'help.raise': example<'help.raise'>('agent01', () => ({ id: randomUUID(), callId: null, note: '客户要求找领导' })),
  'help.answer': example<'help.answer'>('lead01', async (fx) => ({ id: await raised(fx, 'agent03'), takeOver: false })),
  'help.close': example<'help.close'>('agent04', async (fx) => ({ id: await raised(fx, 'agent04'), note: '已解决' })),
  'help.list': example<'help.list'>('lead01', () => ({})),
};
