import type { Fixture } from '../fixture';
import { example } from './example';

/** Each submitted example its own past day, so any order and any number of runs work. */
let daysBack = 0;
async function submitted(fx: Fixture): Promise<string> {
  const r = await fx.call('lead01', 'reports.save', { kind: 'daily', period: fx.day(-++daysBack), sections: { systemProblems: '工单系统下午卡顿十分钟' }, submit: true });
  return r.id;
}

export const reportExamples = {
  'reports.get': example<'reports.get'>('lead01', (fx) => ({ kind: 'daily', period: fx.today })),
  'reports.save': example<'reports.save'>('lead01', (fx) => ({ kind: 'daily', period: fx.today, sections: { systemProblems: '', difficultIssues: '客户要求减免滞纳金', notes: '' } })),
  'reports.correct': example<'reports.correct'>('lead01', async (fx) => ({ id: await submitted(fx), text: '咨询量少记一通，应为 12' })),
  'reports.list': example<'reports.list'>('dept01', () => ({})),
  'reports.weekly': example<'reports.weekly'>('lead01', (fx) => ({ week: fx.today })),
  'reports.followups': example<'reports.followups'>('dept01', (fx) => ({ week: fx.today, weeks: 4 })),
  'meetings.get': example<'meetings.get'>('agent01', (fx) => ({ month: fx.today.slice(0, 7) })),
  'meetings.record': example<'meetings.record'>('dept01', (fx) => ({ month: fx.today.slice(0, 7), heldOn: fx.today, notes: '本月接通率达标', awards: [{ personId: fx.userId('agent01'), kind: 'reward', reason: '零投诉' }] })),
  'meetings.list': example<'meetings.list'>('agent01', () => ({})),
};
