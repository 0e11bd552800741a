import { randomUUID } from 'node:crypto';
import type { MeetingItems } from '../../../../shared/briefing/schemas';
import type { Fixture } from '../fixture';
import { example } from './example';

/**
 * Team A's day shift at the fixed clock (agent04 is due on it): lead01 calls the roll, holds the handover to the
 * evening shift and keeps the duty log; qa01 publishes the common issues. Each example succeeds however often
 * it runs: roll calls and summaries are re-saved (a new revision), issues and meetings are new each time.
 */
const SHIFT = { teamId: 'team-a', shiftCode: 'D' } as const;
const ITEMS: MeetingItems = {
  business: { nothing: false, text: '宽带提速套餐今日上线，咨询按新口径答复' },
  instructions: { nothing: true, text: '' },
  customers: { nothing: false, text: '王女士投诉装机延误，已登记工单，晚班回访' },
  process: { nothing: true, text: '' },
};

async function issue(fx: Fixture): Promise<string> {
  return (await fx.call('qa01', 'briefing.publishIssue', { id: randomUUID(), title: '结束语不规范', seen: '多名业务代表挂机前未询问“还有什么可以帮您”', sayInstead: '请问还有什么可以帮您？感谢来电，再见。', criterion: 'wording' })).id;
}

async function meeting(fx: Fixture): Promise<string> {
  const sheet = await fx.call('lead01', 'briefing.meetingSheet', { date: fx.today, teamId: SHIFT.teamId, fromShift: SHIFT.shiftCode });
  return (await fx.call('lead01', 'briefing.holdMeeting', { id: randomUUID(), date: fx.today, teamId: SHIFT.teamId, fromShift: SHIFT.shiftCode, attendees: sheet.attendees.map((a) => ({ userId: a.userId, present: true })), items: ITEMS })).id;
}

export const briefingExamples = {
  'briefing.publishIssue': example<'briefing.publishIssue'>('qa01', () => ({ id: randomUUID(), title: '未复述客户需求', seen: '受理报修时没有复述地址和故障现象', sayInstead: '跟您确认一下：您家在……，宽带无法上网，对吗？', criterion: 'needs' })),
  'briefing.withdrawIssue': example<'briefing.withdrawIssue'>('qa01', async (fx) => ({ id: await issue(fx) })),
  'briefing.issues': example<'briefing.issues'>('agent01', () => ({})),
  'briefing.rollCallSheet': example<'briefing.rollCallSheet'>('lead01', (fx) => ({ date: fx.today, ...SHIFT })),
  'briefing.saveRollCall': example<'briefing.saveRollCall'>('lead01', async (fx) => {
    const sheet = await fx.call('lead01', 'briefing.rollCallSheet', { date: fx.today, ...SHIFT });
    return { date: fx.today, ...SHIFT, people: sheet.due.map((p) => ({ userId: p.userId, mark: p.suggested, remark: '精神饱满，注意结束语' })), remarks: '本周话务量大，注意接续时长', briefed: [await issue(fx)] };
  }),
  'briefing.rollCalls': example<'briefing.rollCalls'>('lead01', (fx) => ({ from: fx.day(-30) })),
  'briefing.meetingSheet': example<'briefing.meetingSheet'>('lead01', (fx) => ({ date: fx.today, teamId: SHIFT.teamId, fromShift: SHIFT.shiftCode })),
  'briefing.holdMeeting': example<'briefing.holdMeeting'>('lead01', async (fx) => {
    const sheet = await fx.call('lead01', 'briefing.meetingSheet', { date: fx.today, teamId: SHIFT.teamId, fromShift: SHIFT.shiftCode });
    return { id: randomUUID(), date: fx.today, teamId: SHIFT.teamId, fromShift: SHIFT.shiftCode, attendees: sheet.attendees.map((a) => ({ userId: a.userId, present: true })), items: ITEMS };
  }),
  'briefing.correctMeeting': example<'briefing.correctMeeting'>('lead01', async (fx) => ({ id: await meeting(fx), text: '更正：提速套餐明日上线' })),
  'briefing.meetings': example<'briefing.meetings'>('agent01', (fx) => ({ from: fx.day(-30) })),
  'briefing.logDuty': example<'briefing.logDuty'>('lead01', (fx) => ({ id: randomUUID(), date: fx.today, ...SHIFT, time: '09:40', kind: 'figure', text: '排队来电', figure: 12 })),
  'briefing.dutyLog': example<'briefing.dutyLog'>('lead01', (fx) => ({ from: fx.day(-30) })),
  'briefing.summaryDraft': example<'briefing.summaryDraft'>('lead01', (fx) => ({ teamId: SHIFT.teamId, month: fx.today.slice(0, 7) })),
  'briefing.saveSummary': example<'briefing.saveSummary'>('lead01', (fx) => ({ teamId: SHIFT.teamId, month: fx.day(-30).slice(0, 7), text: '本月值班平稳；系统故障两次，均按流程上报。' })),
};
