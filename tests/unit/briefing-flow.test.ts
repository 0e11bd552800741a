import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeskHost } from '../../electron/backend/desk-host';
import { makeStore } from '../../db/stores/store';
import { dutyLogOf } from '../../shared/briefing/duty-log';
import type { MeetingItems, RollCallSheetSchema } from '../../shared/briefing/schemas';
import type { z } from 'zod';
import { startDemoDesk } from './support/desks';
import { FIXED_NOW } from './support/fixture';
import { diff, snapshot } from './support/snapshot';
import { tempDir } from './support/tmp';

/**
 * Team A of the demo center on 2026-03-11: agent04 works the day shift (08–16); agent02, agent05 and lead01 the
 * evening (16–24). QA publishes a common issue, lead01 calls the roll of the day shift from the floor's facts,
 * briefs the issue, holds the handover to the evening shift and keeps the duty log; agent04 reads the remark
 * about them and nobody else's.
 */
const dir = tempDir();
let host: DeskHost;
let now = FIXED_NOW;
const tok: Record<string, string> = {};
const TODAY = '2026-03-11';
const at = (hhmm: string, date = TODAY) => new Date(`${date}T${hhmm}:00+08:00`);
type Result = { ok: true; value: never } | { ok: false; error: { code: string; ruleIds?: string[]; params?: Record<string, unknown>; fields?: { path: string; code: string }[] } };
const call = async (who: string, method: string, input: unknown) => (await host.dispatch(method, input, tok[who])) as Result;
async function ok<T = never>(who: string, method: string, input: unknown): Promise<T> {
  const r = await call(who, method, input);
  if (!r.ok) throw new Error(`${method} as ${who}: ${JSON.stringify(r.error)}`);
  return r.value as T;
}
/** Refused, and nothing at all written. */
async function refusedClean(who: string, method: string, input: unknown) {
  const before = await snapshot(host.db);
  const r = await call(who, method, input);
  expect(r.ok, `${method} as ${who}`).toBe(false);
  expect(diff(before, await snapshot(host.db))).toEqual([]);
  return (r as Extract<Result, { ok: false }>).error;
}
const NOTHING: MeetingItems = { business: { nothing: true, text: '' }, instructions: { nothing: true, text: '' }, customers: { nothing: true, text: '' }, process: { nothing: true, text: '' } };
type Sheet = z.infer<typeof RollCallSheetSchema>;
const DAY = { date: TODAY, teamId: 'team-a', shiftCode: 'D' };

beforeAll(async () => {
  host = await startDemoDesk({ dataDir: join(dir.path, 'desk'), clock: () => now });
  for (const u of ['agent01', 'agent02', 'agent04', 'lead01', 'lead02', 'qa01', 'dept01']) tok[u] = ((await host.dispatch('session.login', { username: u, password: 'zhiban123' })) as { value: { token: string } }).value.token;
});
afterAll(async () => {
  await host.close();
  dir.remove();
});

describe('roll call with a common issue briefed (handover.early-arrival, qa.rollcall)', () => {
  let issueId = '';
  it('QA publishes a common issue; agents see it active', async () => {
    now = at('07:30');
    issueId = (await ok<{ id: string }>('qa01', 'briefing.publishIssue', { id: randomUUID(), title: '结束语不规范', seen: '挂机前未询问是否还有其他需要', sayInstead: '请问还有什么可以帮您？', criterion: 'wording' })).id;
    const seen = await ok<{ id: string; withdrawnAt: string | null }[]>('agent01', 'briefing.issues', {});
    expect(seen.find((i) => i.id === issueId)).toMatchObject({ withdrawnAt: null });
  });

  it('the sheet lists who is due from the floor: agent04 checked in 15 minutes early is present and in time for the roll call', async () => {
    now = at('07:45');
    await ok('agent04', 'duty.checkIn', { date: TODAY });
    now = at('07:52');
    const sheet = await ok<Sheet>('lead01', 'briefing.rollCallSheet', DAY);
    expect(sheet.due).toEqual([expect.objectContaining({ userId: 'user-agent04', suggested: 'present', early: true })]);
    expect(sheet.saved).toBeNull();
    expect(sheet.issues.map((i) => i.id)).toContain(issueId);
  });

  it('saves marks, a remark and the briefed issue; the issue list counts the briefing', async () => {
    const saved = await ok<{ revision: number; briefed: string[] }>('lead01', 'briefing.saveRollCall', { ...DAY, people: [{ userId: 'user-agent04', mark: 'present', remark: '仪容整洁，结束语要规范' }], remarks: '今天话务量大', briefed: [issueId] });
    expect(saved).toMatchObject({ revision: 1, briefed: [issueId] });
    const issue = (await ok<{ id: string; briefed: number; lastBriefed: string }[]>('lead01', 'briefing.issues', {})).find((i) => i.id === issueId);
    expect(issue).toMatchObject({ briefed: 1, lastBriefed: TODAY });
  });

  it('saving again corrects it as a new revision, by whoever saved it last', async () => {
    now = at('08:05');
    const again = await ok<{ revision: number; takenAt: string; revisedAt: string }>('lead01', 'briefing.saveRollCall', { ...DAY, people: [{ userId: 'user-agent04', mark: 'late', remark: '更正：点名时不在' }], remarks: '今天话务量大', briefed: [issueId] });
    expect(again).toMatchObject({ revision: 2, takenAt: at('07:52').toISOString(), revisedAt: at('08:05').toISOString() });
  });

  it('the agent reads the remark about them; another agent of the team reads none of it', async () => {
    const mine = await ok<{ rollCalls: unknown[]; entries: { userId: string; remark: string; mark: string }[] }>('agent04', 'briefing.rollCalls', { from: TODAY });
    expect(mine.rollCalls).toEqual([]);
    expect(mine.entries).toEqual([expect.objectContaining({ userId: 'user-agent04', mark: 'late', remark: '更正：点名时不在' })]);
    expect((await ok<{ entries: unknown[] }>('agent01', 'briefing.rollCalls', { from: TODAY })).entries).toEqual([]);
  });

  it('refuses a person not due on the shift and a withdrawn issue, naming the rule, writing nothing', async () => {
    const stranger = await refusedClean('lead01', 'briefing.saveRollCall', { ...DAY, people: [{ userId: 'user-agent02', mark: 'present', remark: '' }], remarks: '', briefed: [] });
    expect(stranger).toMatchObject({ code: 'rule_violation', ruleIds: ['handover.early-arrival'], fields: [{ path: 'people.0.userId', code: 'err.rollCallNotDue' }] });
    const other = (await ok<{ id: string }>('qa01', 'briefing.publishIssue', { id: randomUUID(), title: '语速过快', seen: '报号码时语速过快', sayInstead: '放慢语速，逐位复述', criterion: 'tone' })).id;
    await ok('qa01', 'briefing.withdrawIssue', { id: other });
    const stale = await refusedClean('lead01', 'briefing.saveRollCall', { ...DAY, people: [], remarks: '', briefed: [issueId, other] });
    expect(stale).toMatchObject({ code: 'rule_violation', ruleIds: ['qa.rollcall'], fields: [{ path: 'briefed.1' }] });
  });

  it('another team’s lead may not call this team’s roll', async () => {
    const e = await refusedClean('lead02', 'briefing.saveRollCall', { ...DAY, people: [], remarks: '', briefed: [] });
    expect(e).toMatchObject({ code: 'forbidden', ruleIds: ['handover.early-arrival'] });
  });
});

describe('handover meeting (handover.meeting)', () => {
  it('prefills both shifts’ people; refuses a blank item; saves once and only appends corrections', async () => {
    now = at('15:55');
    const sheet = await ok<{ toShift: string; attendees: { userId: string; side: string }[] }>('lead01', 'briefing.meetingSheet', { date: TODAY, teamId: 'team-a', fromShift: 'D' });
    expect(sheet.toShift).toBe('E');
    expect(sheet.attendees).toEqual(expect.arrayContaining([expect.objectContaining({ userId: 'user-agent04', side: 'outgoing' }), expect.objectContaining({ userId: 'user-agent02', side: 'incoming' })]));
    const attendees = sheet.attendees.map((a) => ({ userId: a.userId, present: true }));
    const blank = await refusedClean('lead01', 'briefing.holdMeeting', { id: randomUUID(), date: TODAY, teamId: 'team-a', fromShift: 'D', attendees, items: { ...NOTHING, business: { nothing: false, text: ' ' } } });
    expect(blank).toMatchObject({ code: 'rule_violation', ruleIds: ['handover.meeting'], fields: [{ path: 'items.business.text', code: 'err.handoverBlank' }] });
    const id = randomUUID();
    await ok('lead01', 'briefing.holdMeeting', { id, date: TODAY, teamId: 'team-a', fromShift: 'D', attendees, items: { ...NOTHING, customers: { nothing: false, text: '王女士投诉待回访' } } });
    expect((await refusedClean('lead01', 'briefing.holdMeeting', { id, date: TODAY, teamId: 'team-a', fromShift: 'D', attendees, items: NOTHING })).code).toBe('conflict');
    const fixed = await ok<{ items: MeetingItems; corrections: { text: string }[] }>('lead01', 'briefing.correctMeeting', { id, text: '回访改由早班负责' });
    expect(fixed.items.customers.text).toBe('王女士投诉待回访');
    expect(fixed.corrections.map((c) => c.text)).toEqual(['回访改由早班负责']);
    expect((await ok<{ id: string }[]>('agent02', 'briefing.meetings', { from: TODAY })).map((m) => m.id)).toContain(id);
  });
});

describe('duty log and monthly summary (report.monthly-quality)', () => {
  it('lines of a shift read back in time order through the port read; the month counts them', async () => {
    for (const [time, kind, text, figure] of [
      ['10:15', 'problem', '计费系统查询缓慢', null],
      ['09:30', 'figure', '排队来电', 14],
      ['11:00', 'decision', '启用备用查询口径', null],
    ] as const)
      await ok('lead01', 'briefing.logDuty', { id: randomUUID(), ...DAY, time, kind, text, figure });
    const lines = await dutyLogOf(makeStore(host.db), DAY);
    expect(lines.map((l) => [l.time, l.kind])).toEqual([['09:30', 'figure'], ['10:15', 'problem'], ['11:00', 'decision']]);
    const draft = await ok<{ counts: Record<string, number>; due: string; problems: { text: string }[] }>('lead01', 'briefing.summaryDraft', { teamId: 'team-a', month: '2026-03' });
    expect(draft).toMatchObject({ counts: { shifts: 1, entries: 3, problem: 1, figure: 1, decision: 1, event: 0 }, due: '2026-04-22', problems: [{ text: '计费系统查询缓慢' }] });
  });

  it('refuses a figure without its number and another team’s log', async () => {
    expect((await refusedClean('lead01', 'briefing.logDuty', { id: randomUUID(), ...DAY, time: '12:00', kind: 'figure', text: '排队', figure: null })).fields?.[0]?.path).toBe('figure');
    expect(await refusedClean('lead02', 'briefing.logDuty', { id: randomUUID(), ...DAY, time: '12:00', kind: 'event', text: '巡场' })).toMatchObject({ code: 'forbidden', ruleIds: ['report.monthly-quality'] });
  });

  it('the summary is saved per month and re-saved as a new revision', async () => {
    const first = await ok<{ revision: number; counts: { entries: number } }>('lead01', 'briefing.saveSummary', { teamId: 'team-a', month: '2026-03', text: '本月系统故障一次' });
    expect(first).toMatchObject({ revision: 1, counts: { entries: 3 } });
    expect(await ok('lead01', 'briefing.saveSummary', { teamId: 'team-a', month: '2026-03', text: '本月系统故障一次，已处理' })).toMatchObject({ revision: 2 });
  });
});

describe('rights beyond the role table: whose team, whose issue (each refusal names its rule)', () => {
  const meeting = { date: TODAY, teamId: 'team-a', fromShift: 'D' };
  it.each<[string, string, string, () => unknown, string, string[]?]>([
    ['lead02 (team 2)', 'lead02', 'briefing.rollCallSheet', () => DAY, 'forbidden', ['handover.early-arrival']],
    ['lead02 (team 2)', 'lead02', 'briefing.meetingSheet', () => meeting, 'forbidden', ['handover.meeting']],
    ['lead02 (team 2)', 'lead02', 'briefing.summaryDraft', () => ({ teamId: 'team-a', month: '2026-03' }), 'forbidden', ['report.monthly-quality']],
    ['lead02 (team 2)', 'lead02', 'briefing.saveSummary', () => ({ teamId: 'team-a', month: '2026-03', text: '代写' }), 'forbidden', ['report.monthly-quality']],
    ['an agent', 'agent04', 'briefing.saveRollCall', () => ({ ...DAY, people: [], remarks: '', briefed: [] }), 'forbidden'],
    ['QA', 'qa01', 'briefing.logDuty', () => ({ id: randomUUID(), ...DAY, time: '09:00', kind: 'event', text: '巡场' }), 'forbidden'],
    ['an agent', 'agent01', 'briefing.publishIssue', () => ({ id: randomUUID(), title: '自己发', seen: '无', sayInstead: '无' }), 'forbidden'],
    ['a director, an unknown shift', 'dept01', 'briefing.rollCallSheet', () => ({ ...DAY, shiftCode: 'X' }), 'invalid_input'],
    ['a director, an unknown team', 'dept01', 'briefing.rollCallSheet', () => ({ ...DAY, teamId: 'team-z' }), 'not_found'],
  ])('%s: %s → %s', async (_who, as, method, input, code, ruleIds) => {
    const e = await refusedClean(as, method, input());
    expect(e.code).toBe(code);
    if (ruleIds) expect(e.ruleIds).toEqual(ruleIds);
  });

  it('a lead withdraws only what they published; QA withdraws anyone’s; a second withdrawal is refused (qa.rollcall)', async () => {
    const byLead = (await ok<{ id: string }>('lead01', 'briefing.publishIssue', { id: randomUUID(), title: '抢话', seen: '客户没说完就打断', sayInstead: '等客户说完再确认' })).id;
    expect(await refusedClean('lead02', 'briefing.withdrawIssue', { id: byLead })).toMatchObject({ code: 'forbidden', ruleIds: ['qa.rollcall'] });
    await ok('qa01', 'briefing.withdrawIssue', { id: byLead });
    expect(await refusedClean('lead01', 'briefing.withdrawIssue', { id: byLead })).toMatchObject({ code: 'rule_violation', ruleIds: ['qa.rollcall'] });
  });

  it('a director keeps any team’s records', async () => {
    expect(await ok('dept01', 'briefing.rollCallSheet', DAY)).toMatchObject({ teamId: 'team-a' });
  });
});
