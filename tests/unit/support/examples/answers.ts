import { randomUUID } from 'node:crypto';
import type { Fixture } from '../fixture';
import { example } from './example';

/** A unified answer of last week's team-lead meeting (meeting.weekly), published afresh by lead02 for each example. */
export const ANSWER = {
  title: '宽带欠费停机后复通时间',
  question: '客户缴清欠费后问宽带多久能恢复？',
  answer: '缴费成功后系统自动复通，一般 30 分钟内恢复；超过 2 小时未恢复请登记报修。',
  keywords: ['宽带', '复通', '欠费'],
  categories: ['query' as const, 'consultation' as const],
};

async function published(fx: Fixture): Promise<string> {
  return (await fx.call('lead02', 'answer.publish', { id: randomUUID(), ...ANSWER, meetingDate: fx.day(-1) })).id;
}

export const answerExamples = {
  'answer.publish': example<'answer.publish'>('lead02', (fx) => ({ id: randomUUID(), ...ANSWER, meetingDate: fx.day(-1) })),
  'answer.revise': example<'answer.revise'>('lead02', async (fx) => ({ id: await published(fx), revision: 1, ...ANSWER, answer: `${ANSWER.answer}营业厅缴费同样适用。`, meetingDate: fx.day(-1), note: '补充营业厅缴费' })),
  'answer.withdraw': example<'answer.withdraw'>('lead02', async (fx) => ({ id: await published(fx), reason: '资费政策已调整' })),
  'answer.ack': example<'answer.ack'>('agent08', async (fx) => ({ id: await published(fx), revision: 1 })),
  'answer.list': example<'answer.list'>('agent08', () => ({})),
};
