import { randomUUID } from 'node:crypto';
import type { Fixture } from '../fixture';
import { example } from './example';

/** A one-day leave request the rules allow, filed by the person: the state later steps need. */
async function requested(fx: Fixture, username: string, type: 'personal' | 'sick'): Promise<string> {
  const date = await fx.findLeaveDay(username, type);
  const l = await fx.call(username, 'leave.request', { id: randomUUID(), userId: fx.userId(username), type, fromDate: date, toDate: date, reason: '家中有事' });
  return l.id;
}

export const leaveExamples = {
  'leave.check': example<'leave.check'>('agent03', async (fx) => ({ userId: fx.userId('agent03'), type: 'personal', fromDate: fx.day(5), toDate: fx.day(5) })),
  'leave.request': example<'leave.request'>('agent03', async (fx) => {
    const date = await fx.findLeaveDay('agent03', 'personal');
    return { id: randomUUID(), userId: fx.userId('agent03'), type: 'personal', fromDate: date, toDate: date, reason: '家中有事' };
  }),
  'leave.decide': example<'leave.decide'>('lead01', async (fx) => ({ id: await requested(fx, 'agent04', 'personal'), approve: true, note: '' })),
  'leave.attachCertificate': example<'leave.attachCertificate'>('agent05', async (fx) => {
    const id = await requested(fx, 'agent05', 'sick');
    const day = (await fx.call('agent05', 'leave.list', { month: fx.today.slice(0, 7), checks: false })).find((l) => l.id === id)!.fromDate;
    return { id, certificate: { name: '诊断证明.png', mime: 'image/png', dataBase64: 'iVBORw0KGgo=', from: day, to: day } };
  }),
  'leave.cancel': example<'leave.cancel'>('agent06', async (fx) => ({ id: await requested(fx, 'agent06', 'personal') })),
  'leave.list': example<'leave.list'>('lead01', (fx) => ({ month: fx.today.slice(0, 7) })),
  'discipline.record': example<'discipline.record'>('lead01', (fx) => ({ id: randomUUID(), userId: fx.userId('agent04'), date: fx.today, kind: 'late', minutes: 25, note: '' })),
  'discipline.list': example<'discipline.list'>('lead01', (fx) => ({ from: fx.day(-30) })),
};
