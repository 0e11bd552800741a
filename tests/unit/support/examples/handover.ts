import { randomUUID } from 'node:crypto';
import type { Fixture } from '../fixture';
import { CallFailed } from '../fixture';
import { example } from './example';

/**
 * At the fixed clock (10:00 in Shanghai) the demo roster has agent04 (team A) and agent07 (team B) on the day
 * shift (agent04 asks to step away without checking in, so the check-in example stays repeatable), agent10 on team B's evening shift. Each example brings the center to a state where it succeeds again
 * however often it runs: check-out checks in first (once) and is released by the lead; a log is written afresh.
 */
const SECTIONS = {
  equipment: { nothing: true, text: '' },
  issues: { nothing: false, text: '宽带断线投诉待回访（王女士）' },
  staff: { nothing: true, text: '' },
  instructions: { nothing: false, text: '本周起查询话费先核实身份' },
  complaints: { nothing: true, text: '' },
  carryOver: { nothing: false, text: '两张报修单待确认' },
};

async function once(p: Promise<unknown>): Promise<void> {
  try {
    await p;
  } catch (e) {
    // Already checked in by an earlier run on this center: the state the example needs.
    if (!(e instanceof CallFailed) || e.wire.code !== 'rule_violation') throw e;
  }
}

/** agent04's open time away, closed (so a new one may be asked): the state the away examples start from. */
async function noneOpen(fx: Fixture): Promise<void> {
  const open = (await fx.call('agent04', 'duty.mine', { date: fx.today })).away;
  if (open) await fx.call('agent04', 'duty.awayBack', { id: open.id });
}
async function asked(fx: Fixture): Promise<string> {
  await noneOpen(fx);
  return (await fx.call('agent04', 'duty.awayRequest', { id: randomUUID(), date: fx.today, reason: '去洗手间' })).away.id;
}

async function written(fx: Fixture): Promise<string> {
  const log = await fx.call('agent07', 'handover.write', { id: randomUUID(), date: fx.today, fromShift: 'D', sections: SECTIONS });
  return log.id;
}

export const handoverExamples = {
  'duty.mine': example<'duty.mine'>('agent07', (fx) => ({ date: fx.today })),
  'duty.checkIn': example<'duty.checkIn'>('agent04', (fx) => ({ date: fx.today })),
  'duty.checkOut': example<'duty.checkOut'>('agent07', async (fx) => {
    // Already checked out on this center (an earlier run): the call is then refused, which the matrix allows.
    if ((await fx.call('agent07', 'duty.mine', { date: fx.today })).attendance?.checkedOutAt) return { date: fx.today };
    await once(fx.call('agent07', 'duty.checkIn', { date: fx.today }));
    await fx.call('lead02', 'duty.release', { id: randomUUID(), userId: fx.userId('agent07'), date: fx.today, reason: '家中急事，班长准许先走' });
    return { date: fx.today };
  }),
  'duty.release': example<'duty.release'>('lead02', (fx) => ({ id: randomUUID(), userId: fx.userId('agent10'), date: fx.today, reason: '接班人已电话告知晚到，准许离台' })),
  'duty.awayRequest': example<'duty.awayRequest'>('agent04', async (fx) => {
    await noneOpen(fx);
    return { id: randomUUID(), date: fx.today, reason: '去洗手间' };
  }),
  'duty.awayApprove': example<'duty.awayApprove'>('lead01', async (fx) => ({ id: await asked(fx), minutes: 10 })),
  'duty.awayBack': example<'duty.awayBack'>('agent04', async (fx) => {
    const id = await asked(fx);
    await fx.call('lead01', 'duty.awayApprove', { id });
    return { id };
  }),
  'duty.floor': example<'duty.floor'>('lead02', (fx) => ({ date: fx.today })),
  'duty.list': example<'duty.list'>('lead02', (fx) => ({ from: fx.day(-30) })),
  'handover.write': example<'handover.write'>('agent07', (fx) => ({ id: randomUUID(), date: fx.today, fromShift: 'D', sections: SECTIONS })),
  'handover.ack': example<'handover.ack'>('agent10', async (fx) => ({ id: await written(fx) })),
  'handover.correct': example<'handover.correct'>('agent07', async (fx) => ({ id: await written(fx), text: '更正：报修单是三张' })),
  'handover.list': example<'handover.list'>('lead02', (fx) => ({ from: fx.day(-30) })),
  'notice.publish': example<'notice.publish'>('lead02', () => ({ id: randomUUID(), kind: 'business', title: '话费查询流程调整', body: '自即日起，查询话费先核实机主身份。' })),
  'notice.read': example<'notice.read'>('agent08', async (fx) => ({ id: (await fx.call('lead02', 'notice.publish', { id: randomUUID(), kind: 'urgent', title: '系统切换', body: '今晚 22:00 起计费系统切换，期间只登记不办理。' })).id })),
  'notice.list': example<'notice.list'>('agent08', (fx) => ({ from: fx.day(-14) })),
  'handover.staffChanges': example<'handover.staffChanges'>('agent07', (fx) => ({ date: fx.today })),
};
