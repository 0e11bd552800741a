import { randomUUID } from 'node:crypto';
import { example } from './example';

const minutesBefore = (now: Date, m: number) => new Date(now.getTime() - m * 60_000).toISOString();

export const callExamples = {
  'calls.log': example<'calls.log'>('agent01', (fx) => ({
    id: randomUUID(),
    customerPhone: '138 0013 8000',
    customerName: '赵先生',
    category: 'complaint',
    summary: '宽带断线',
    outcome: '已登记报修',
    followUp: true,
    startedAt: minutesBefore(fx.now, 5),
    endedAt: minutesBefore(fx.now, 1),
  })),
  'calls.list': example<'calls.list'>('lead01', (fx) => ({ from: minutesBefore(fx.now, 24 * 60), to: fx.now.toISOString() })),
  'calls.history': example<'calls.history'>('lead01', (fx) => ({ from: minutesBefore(fx.now, 7 * 24 * 60), to: fx.now.toISOString(), category: 'complaint', followUp: 'yes', limit: 20 })),
  'calls.get': example<'calls.get'>('agent01', async (fx) => {
    const c = await fx.call('agent01', 'calls.log', { id: randomUUID(), customerPhone: '139 0000 1111', customerName: '', category: 'query', summary: '查余额', outcome: '已告知', followUp: false, startedAt: minutesBefore(fx.now, 9), endedAt: minutesBefore(fx.now, 8) });
    return { id: c.id };
  }),
  'calls.stats': example<'calls.stats'>('dept01', (fx) => ({ from: minutesBefore(fx.now, 24 * 60), to: fx.now.toISOString() })),
  'calls.search': example<'calls.search'>('lead01', (fx) => ({ from: minutesBefore(fx.now, 30 * 24 * 60), to: fx.now.toISOString(), q: '宽带', limit: 20 })),
  'calls.caller': example<'calls.caller'>('agent01', () => ({ phone: '+86 138-0013-8000' })),
};
