import { randomUUID } from 'node:crypto';
import type { Fixture } from '../fixture';
import { example } from './example';

/** A swap request between two colleagues of team A, sent and (optionally) answered: the state later steps need. */
async function requested(fx: Fixture, requester: string, partner: string, accept: boolean): Promise<string> {
  const { giveDate, takeDate } = await fx.findSwap(requester, partner);
  const s = await fx.call(requester, 'swap.request', { id: randomUUID(), partnerId: fx.userId(partner), giveDate, takeDate, reason: '家里有事' });
  if (accept) await fx.call(partner, 'swap.respond', { id: s.id, accept: true });
  return s.id;
}

export const swapExamples = {
  'swap.colleagues': example<'swap.colleagues'>('agent01', () => ({})),
  'swap.check': example<'swap.check'>('agent01', async (fx) => ({ partnerId: fx.userId('agent02'), ...(await fx.findSwap('agent01', 'agent02')) })),
  'swap.options': example<'swap.options'>('agent01', async (fx) => ({ partnerId: fx.userId('agent02'), giveDate: (await fx.findSwap('agent01', 'agent02')).giveDate })),
  'swap.judge': example<'swap.judge'>('lead01', async (fx) => ({ id: await requested(fx, 'agent03', 'agent04', true) })),
  'swap.request': example<'swap.request'>('agent01', async (fx) => ({ id: randomUUID(), partnerId: fx.userId('agent02'), ...(await fx.findSwap('agent01', 'agent02')), reason: '家里有事' })),
  'swap.respond': example<'swap.respond'>('agent04', async (fx) => ({ id: await requested(fx, 'agent03', 'agent04', false), accept: true })),
  'swap.decide': example<'swap.decide'>('lead01', async (fx) => ({ id: await requested(fx, 'agent05', 'agent06', true), approve: true, note: '' })),
  'swap.cancel': example<'swap.cancel'>('agent02', async (fx) => ({ id: await requested(fx, 'agent02', 'agent01', false) })),
  'swap.list': example<'swap.list'>('lead01', (fx) => ({ month: fx.today.slice(0, 7) })),
};
