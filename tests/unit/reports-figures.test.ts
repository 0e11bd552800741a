import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeskHost } from '../../electron/backend/desk-host';
import type { MethodInput } from '../../shared/api/table';
import type { Figures } from '../../shared/reports/schemas';
import { startDemoDesk } from './support/desks';
import { Fixture, FIXED_NOW, refusal } from './support/fixture';
import { tempDir } from './support/tmp';

/**
 * report.daily, report.monthly-quality, report.weekly-followups: the figures of a small, known floor, counted
 * by hand. Day D is Thursday 2026-03-12 in Shanghai (UTC+8); the demo center adds its morning of calls on
 * Wednesday 03-11 (team 1: agent01 query + complaint flagged for follow-up, agent02 consultation, agent03
 * registration; team 2: agent07 suggestion, agent08 query).
 */
const dir = tempDir();
let host: DeskHost;
let fx: Fixture;
let now = FIXED_NOW;
const at = (shanghai: string) => (now = new Date(`${shanghai}:00+08:00`));
const D = '2026-03-12';

async function call(agent: string, category: MethodInput<'calls.log'>['category'], started: string, followUp = false): Promise<string> {
  at(started);
  const id = randomUUID();
  const s = now.toISOString();
  await fx.call(agent, 'calls.log', { id, customerPhone: '138 0000 0000', category, summary: `${category} 来电`, outcome: '已处理', followUp, startedAt: s, endedAt: new Date(now.getTime() + 60_000).toISOString() });
  return id;
}
async function order(as: string, callId: string, type: MethodInput<'workorders.create'>['type'], when: string): Promise<string> {
  at(when);
  return (await fx.call(as, 'workorders.create', { id: randomUUID(), callId, type, title: `${type} 工单 ${when}` })).id;
}

const ids: Record<string, string> = {};
beforeAll(async () => {
  host = await startDemoDesk({ dataDir: dir.path, clock: () => now });
  fx = new Fixture(host.dispatch);
  // Wednesday evening: a late query, and a fault work order from it (closed on D).
  const c6 = await call('agent01', 'query', '2026-03-11T23:50');
  ids.old = await order('agent01', c6, 'fault', '2026-03-11T23:55');
  // D, team 1.
  await call('agent01', 'consultation', `${D}T09:05`);
  const c2 = await call('agent01', 'consultation', `${D}T09:20`, true);
  await call('agent01', 'query', `${D}T09:40`);
  const c4 = await call('agent01', 'complaint', `${D}T10:00`);
  const c5 = await call('agent01', 'registration', `${D}T10:30`);
  // D, team 2: never in team 1's figures.
  const c7 = await call('agent07', 'consultation', `${D}T09:10`);
  ids.w1 = await order('agent01', c4, 'complaint', `${D}T10:05`);
  ids.w2 = await order('agent01', c5, 'fault', `${D}T10:35`);
  ids.w3 = await order('agent01', c2, 'complaint', `${D}T11:00`);
  ids.b1 = await order('agent07', c7, 'fault', `${D}T11:05`);
  at(`${D}T11:10`);
  await fx.call('agent01', 'workorders.complaintStep', { id: ids.w1, step: 'apologise', note: '已致歉' });
  await fx.call('agent01', 'workorders.complaintStep', { id: ids.w1, step: 'resolve', note: '已退费' });
  at(`${D}T11:00`);
  await fx.call('lead01', 'workorders.supervise', { id: ids.w2, note: '今天内上门' });
  at(`${D}T11:30`);
  await fx.call('agent01', 'escalation.report', { id: randomUUID(), category: 'customer-trouble', summary: '客户反复要求减免滞纳金', proposal: '请班长接听', toId: fx.userId('lead01') });
  at(`${D}T12:00`);
  await fx.call('agent01', 'workorders.setStatus', { id: ids.old, status: 'done', note: '已修复' });
  at(`${D}T15:00`);
  await fx.call('lead01', 'workorders.callback', { id: ids.w1, outcome: 'satisfied', note: '客户满意' });
  at(`${D}T15:10`);
  await fx.call('lead01', 'workorders.setStatus', { id: ids.w1, status: 'done', note: '已办结' });
  at(`${D}T16:00`);
  await fx.call('lead01', 'workorders.callback', { id: ids.w3, outcome: 'unreachable' });
  await fx.call('lead02', 'workorders.supervise', { id: ids.b1, note: '加急' });
  // Friday: one suggestion.
  await call('agent02', 'suggestion', '2026-03-13T09:00');
  at('2026-03-13T18:00');
});
afterAll(async () => {
  await host.close();
  dir.remove();
});

const ZERO_CB = { satisfied: 0, unsatisfied: 0, unreachable: 0 };
/** Team 1 on D, counted by hand from the floor above. */
const TEAM1_D: Figures = {
  calls: 5,
  consultations: 2,
  queries: 1,
  proactive: 2, // the two callbacks
  otherCalls: 1, // the registration
  complaintCalls: 1,
  followUps: 1,
  workOrders: 3, // w1, w2, w3 (the fault from Wednesday evening counts on Wednesday)
  workOrdersDone: 2, // w1 and Wednesday's fault
  complaints: 2,
  complaintsResolved: 1,
  resolutionRate: 0.5,
  supervised: 1,
  callbacks: 2,
  callbacksByOutcome: { satisfied: 1, unsatisfied: 0, unreachable: 1 },
  escalations: 1,
};
const TEAM1_FRI: Figures = { ...TEAM1_D, calls: 1, consultations: 0, queries: 0, proactive: 0, otherCalls: 1, complaintCalls: 0, followUps: 0, workOrders: 0, workOrdersDone: 0, complaints: 0, complaintsResolved: 0, resolutionRate: null, supervised: 0, callbacks: 0, callbacksByOutcome: ZERO_CB, escalations: 0 };

describe('report.daily: the lead’s day, prefilled from the team’s calls, work orders and escalations', () => {
  it('counts D for team 1 exactly as by hand, and lists the escalation and complaints under difficult issues', async () => {
    const r = await fx.call('lead01', 'reports.get', { kind: 'daily', period: D });
    expect(r.saved).toBe(false);
    expect(r.figures).toEqual(TEAM1_D);
    expect(r.sections.difficultIssues).toContain('客户反复要求减免滞纳金');
    expect(r.sections.difficultIssues).toContain(`complaint 工单 ${D}T10:05`);
    expect(r.ruleIds).toEqual(['report.daily']);
  });

  it('the director reads the same figures naming the team; team 2 has its own', async () => {
    expect((await fx.call('dept01', 'reports.get', { kind: 'daily', period: D, teamId: 'team-a' })).figures).toEqual(TEAM1_D);
    const b = (await fx.call('dept01', 'reports.get', { kind: 'daily', period: D, teamId: 'team-b' })).figures;
    expect([b.calls, b.consultations, b.workOrders, b.supervised]).toEqual([1, 1, 1, 1]);
  });

  it('saves a draft, submits it (figures frozen), then refuses edits and takes corrections', async () => {
    const draft = await fx.call('lead01', 'reports.save', { kind: 'daily', period: D, sections: { systemProblems: '下午工单系统卡顿', difficultIssues: '滞纳金减免' } });
    expect([draft.status, draft.saved, draft.sections.notes]).toEqual(['draft', true, '']);
    const sent = await fx.call('lead01', 'reports.save', { kind: 'daily', period: D, sections: { systemProblems: '下午工单系统卡顿', difficultIssues: '滞纳金减免', notes: '' }, submit: true });
    expect([sent.status, sent.submittedAt, sent.figures]).toEqual(['submitted', now.toISOString(), TEAM1_D]);
    const e = await refusal(fx.call('lead01', 'reports.save', { kind: 'daily', period: D, sections: { notes: '改' } }));
    expect([e.code, e.ruleIds, e.fields?.[0]?.code]).toEqual(['conflict', ['report.daily'], 'err.reportSubmitted']);
    const fixed = await fx.call('lead01', 'reports.correct', { id: sent.id, text: '咨询量应为 3' });
    expect(fixed.sections.systemProblems).toBe('下午工单系统卡顿');
    expect(fixed.corrections.map((c) => [c.text, c.byName])).toEqual([['咨询量应为 3', '郑伟']]);
    // Later work does not move a submitted day.
    at('2026-03-13T18:05');
    expect((await fx.call('dept01', 'reports.get', { kind: 'daily', period: D, teamId: 'team-a' })).figures).toEqual(TEAM1_D);
  });

  it('the week sums the submitted dailies, lists their texts, and leaves unsent days empty', async () => {
    await fx.call('lead01', 'reports.save', { kind: 'daily', period: '2026-03-13', sections: { notes: '平稳' }, submit: true });
    const w = await fx.call('lead01', 'reports.weekly', { week: '2026-03-15' });
    expect([w.from, w.to]).toEqual(['2026-03-09', '2026-03-15']);
    expect(w.days.map((d) => d.status)).toEqual([null, null, null, 'submitted', 'submitted', null, null]);
    expect(w.totals.calls).toBe(TEAM1_D.calls + TEAM1_FRI.calls);
    expect(w.totals.otherCalls).toBe(2);
    expect(w.totals.resolutionRate).toBe(0.5);
    expect(w.texts).toEqual([
      { date: D, key: 'systemProblems', text: '下午工单系统卡顿' },
      { date: D, key: 'difficultIssues', text: '滞纳金减免' },
      { date: '2026-03-13', key: 'notes', text: '平稳' },
    ]);
  });
});

describe('report.monthly-quality: the month for team 1', () => {
  it('counts March (demo morning + the week above) by hand', async () => {
    const m = await fx.call('lead01', 'reports.get', { kind: 'monthly', period: '2026-03' });
    // Calls: Wednesday 4 demo + 1 late query, D 5, Friday 1. Follow-ups: the demo complaint and c2.
    expect([m.figures.calls, m.figures.followUps, m.figures.complaints, m.figures.complaintsResolved, m.figures.resolutionRate, m.figures.callbacks]).toEqual([11, 2, 2, 1, 0.5, 2]);
  });
});

describe('report.weekly-followups: supervised, feedback and callbacks per team and week', () => {
  it('counts the week of D for both teams, and an empty week before', async () => {
    const f = await fx.call('dept01', 'reports.followups', { week: D, weeks: 2 });
    expect(f.weeks).toEqual(['2026-03-02', '2026-03-09']);
    const row = (week: string, team: string) => f.rows.find((r) => r.week === week && r.teamId === team);
    expect(row('2026-03-09', 'team-a')).toEqual({ week: '2026-03-09', teamId: 'team-a', supervised: 1, feedback: 2, callbacks: 2, callbacksByOutcome: { satisfied: 1, unsatisfied: 0, unreachable: 1 } });
    expect(row('2026-03-09', 'team-b')).toEqual({ week: '2026-03-09', teamId: 'team-b', supervised: 1, feedback: 0, callbacks: 0, callbacksByOutcome: ZERO_CB });
    expect(row('2026-03-02', 'team-a')).toMatchObject({ supervised: 0, feedback: 0, callbacks: 0 });
    expect(f.ruleIds).toEqual(['report.weekly-followups']);
  });
});

describe('rights: who writes and reads a report', () => {
  it.each([
    ['an agent cannot write a lead’s report', 'agent01', { kind: 'daily', period: D, sections: {} }, 'forbidden', undefined],
    ['a director receives reports, does not write them', 'dept01', { kind: 'daily', period: D, teamId: 'team-a', sections: {} }, 'forbidden', undefined],
    ['report.daily: a lead writes for their own team only', 'lead02', { kind: 'daily', period: '2026-03-10', teamId: 'team-a', sections: {} }, 'forbidden', 'teamId:err.notYourTeamReport'],
    ['report.monthly-quality: a lead writes for their own team only', 'lead02', { kind: 'monthly', period: '2026-03', teamId: 'team-a', sections: {} }, 'forbidden', 'teamId:err.notYourTeamReport'],
    ['a day not begun yet is not reported', 'lead01', { kind: 'daily', period: '2026-03-14', sections: {} }, 'conflict', 'period:err.periodInFuture'],
    ['a monthly report names a month', 'lead01', { kind: 'monthly', period: D, sections: {} }, 'invalid_input', 'period:err.month'],
    ['a daily report has no monthly sections', 'lead01', { kind: 'daily', period: '2026-03-10', sections: { improvements: 'x' } }, 'invalid_input', 'sections.improvements:err.sectionNotInReport'],
  ] as const)('%s', async (_l, as, input, code, field) => {
    const before = (await fx.call('dept01', 'reports.list', {})).length;
    const e = await refusal(fx.call(as, 'reports.save', input as MethodInput<'reports.save'>));
    expect(e.code).toBe(code);
    if (field) expect(`${e.fields?.[0]?.path}:${e.fields?.[0]?.code}`).toBe(field);
    expect((await fx.call('dept01', 'reports.list', {})).length).toBe(before);
  });

  it('a lead does not read another team’s report; an agent does not read reports at all', async () => {
    expect((await refusal(fx.call('lead02', 'reports.get', { kind: 'daily', period: D, teamId: 'team-a' }))).code).toBe('forbidden');
    expect((await refusal(fx.call('agent01', 'reports.list', {}))).code).toBe('forbidden');
    expect((await fx.call('lead02', 'reports.list', {})).every((r) => r.teamId === 'team-b')).toBe(true);
  });

  it('a draft is not corrected, and another team’s lead cannot correct a submitted report', async () => {
    const draft = await fx.call('lead01', 'reports.save', { kind: 'daily', period: '2026-03-10', sections: {} });
    expect((await refusal(fx.call('lead01', 'reports.correct', { id: draft.id, text: 'x' }))).fields?.[0]?.code).toBe('err.reportNotSubmitted');
    expect((await refusal(fx.call('lead02', 'reports.correct', { id: `daily:team-a:${D}`, text: 'x' }))).code).toBe('not_found');
  });
});

describe('meeting.monthly: the director records the meeting', () => {
  it('shows everyone the date, and keeps results, rewards and penalties with the month’s figures', async () => {
    const v = await fx.call('agent05', 'meetings.get', { month: '2026-03' });
    expect([v.date, v.record, v.ruleIds]).toEqual(['2026-03-20', null, ['meeting.monthly']]);
    const m = await fx.call('dept01', 'meetings.record', { month: '2026-03', heldOn: '2026-03-20', notes: '通报三月工作', awards: [{ personId: fx.userId('agent01'), kind: 'reward', reason: '零投诉' }, { personId: fx.userId('agent07'), kind: 'penalty', reason: '迟到两次' }] });
    const people = new Map((await fx.call('dept01', 'org.directory', {})).map((p) => [p.userId, p.displayName]));
    expect(m.awards.map((a) => [a.personName, a.kind, a.reason])).toEqual([[people.get(fx.userId('agent01')), 'reward', '零投诉'], [people.get(fx.userId('agent07')), 'penalty', '迟到两次']]);
    expect(m.qaResults).toBeNull();
    // The center's March: team 1's 11 calls, team 2's 2 demo calls, D's consultation and nothing else.
    expect(m.figures.calls).toBe(14);
    expect((await fx.call('agent05', 'meetings.get', { month: '2026-03' })).record?.notes).toBe('通报三月工作');
    const e = await refusal(fx.call('dept01', 'meetings.record', { month: '2026-03', heldOn: '2026-03-20', awards: [{ personId: 'user-nobody', kind: 'reward', reason: 'x' }] }));
    expect(`${e.fields?.[0]?.path}:${e.fields?.[0]?.code}`).toBe('awards.0.personId:err.unknownPerson');
    expect((await refusal(fx.call('lead01', 'meetings.record', { month: '2026-03', heldOn: '2026-03-20' }))).code).toBe('forbidden');
  });
});
