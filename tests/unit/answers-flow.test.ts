import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeskHost } from '../../electron/backend/desk-host';
import type { Answer, AnswerAck } from '../../shared/answers/schemas';
import { startDemoDesk } from './support/desks';
import { FIXED_NOW } from './support/fixture';
import { diff, snapshot } from './support/snapshot';
import { tempDir } from './support/tmp';

/**
 * The demo center on 2026-03-11 (the fixed clock's day, a Wednesday): agents 01–06 in team A (lead01),
 * 07–12 in team B (lead02). The weekly team-lead meeting was on Monday 2026-03-09 (week 2026-W11).
 */
const dir = tempDir();
let host: DeskHost;
let now = FIXED_NOW;
const tok: Record<string, string> = {};
const MONDAY = '2026-03-09';
const TEAM_A = ['王芳', '李娜', '张敏', '刘洋', '陈静', '杨帆'];
const call = (who: string, method: string, input: unknown) => host.dispatch(method, input, tok[who]);
const ok = async <T,>(who: string, method: string, input: unknown): Promise<T> => {
  const r = await call(who, method, input);
  if (!r.ok) throw new Error(`${method} as ${who}: ${JSON.stringify(r.error)}`);
  return r.value as T;
};
const list = (who: string) => ok<{ answers: Answer[]; acks: AnswerAck[] }>(who, 'answer.list', {});
const find = async (who: string, id: string) => (await list(who)).answers.find((a) => a.id === id)!;
const fields = { title: '宽带欠费停机后复通', question: '客户缴清欠费后问宽带多久能恢复？', answer: '缴费成功后系统自动复通，一般 30 分钟内恢复。', keywords: ['宽带', '复通'], categories: ['query'], meetingDate: MONDAY };

/** The call is refused and nothing at all is written. */
async function refusedClean(who: string, method: string, input: unknown) {
  const before = await snapshot(host.db);
  const r = await call(who, method, input);
  expect(r.ok, `${method} as ${who}`).toBe(false);
  expect(diff(before, await snapshot(host.db))).toEqual([]);
  return (r as { error: { code: string; ruleIds?: string[]; params?: Record<string, unknown>; fields?: { path: string; code: string }[] } }).error;
}

beforeAll(async () => {
  host = await startDemoDesk({ dataDir: join(dir.path, 'desk'), clock: () => now });
  for (const u of ['agent01', 'agent02', 'agent07', 'lead01', 'lead02', 'dept01', 'qa01']) tok[u] = ((await host.dispatch('session.login', { username: u, password: 'zhiban123' })) as { value: { token: string } }).value.token;
});
afterAll(async () => {
  await host.close();
  dir.remove();
});

describe('publishing a unified answer: rights and validation (meeting.weekly)', () => {
  let mine: string;
  beforeAll(async () => {
    mine = (await ok<Answer>('lead01', 'answer.publish', { id: randomUUID(), ...fields })).id;
  });

  it.each([
    ['an agent cannot publish', 'agent01', 'answer.publish', () => ({ id: randomUUID(), ...fields }), { code: 'forbidden' }],
    ['QA cannot read or publish', 'qa01', 'answer.publish', () => ({ id: randomUUID(), ...fields }), { code: 'forbidden' }],
    ['a blank title is a field error', 'lead01', 'answer.publish', () => ({ id: randomUUID(), ...fields, title: '  ' }), { code: 'invalid_input', fields: [{ path: 'title', code: 'err.required' }] }],
    ['the answer text is required', 'lead01', 'answer.publish', () => ({ id: randomUUID(), ...fields, answer: '' }), { code: 'invalid_input', fields: [{ path: 'answer' }] }],
    ['a keyword longer than 20 characters', 'lead01', 'answer.publish', () => ({ id: randomUUID(), ...fields, keywords: ['宽带'.repeat(11)] }), { code: 'invalid_input', fields: [{ path: 'keywords.0' }] }],
    ['an unknown call category', 'lead01', 'answer.publish', () => ({ id: randomUUID(), ...fields, categories: ['sales'] }), { code: 'invalid_input', fields: [{ path: 'categories.0' }] }],
    ['a meeting not held yet (meeting.weekly)', 'lead01', 'answer.publish', () => ({ id: randomUUID(), ...fields, meetingDate: '2026-03-16' }), { code: 'rule_violation', ruleIds: ['meeting.weekly'], params: { problem: 'future', date: '2026-03-16' }, fields: [{ path: 'meetingDate', code: 'err.answer.future' }] }],
    ["another lead's answer is not yours to revise (meeting.weekly)", 'lead02', 'answer.revise', () => ({ id: mine, revision: 1, ...fields, note: '' }), { code: 'forbidden', ruleIds: ['meeting.weekly'], fields: [{ path: 'id', code: 'err.answer.notYours' }] }],
    ["nor to withdraw (meeting.weekly)", 'lead02', 'answer.withdraw', () => ({ id: mine, reason: '过时' }), { code: 'forbidden', ruleIds: ['meeting.weekly'] }],
    ['revising a version that is not the current one', 'lead01', 'answer.revise', () => ({ id: mine, revision: 2, ...fields, note: '' }), { code: 'conflict', ruleIds: ['meeting.weekly'], params: { problem: 'stale', revision: 1 }, fields: [{ path: 'revision', code: 'err.answer.stale' }] }],
    ['a lead does not acknowledge (agents do)', 'lead01', 'answer.ack', () => ({ id: mine, revision: 1 }), { code: 'forbidden' }],
    ['acknowledging a version that does not exist', 'agent01', 'answer.ack', () => ({ id: mine, revision: 3 }), { code: 'not_found' }],
  ])('%s', async (_what, who, method, input, error) => {
    expect(await refusedClean(who, method, input())).toMatchObject(error);
  });

  it('keywords and categories are kept once each; the week comes from the meeting date', async () => {
    const a = await ok<Answer>('dept01', 'answer.publish', { id: randomUUID(), ...fields, keywords: ['宽带', '宽带', '复通'], categories: ['query', 'query'] });
    expect(a).toMatchObject({ keywords: ['宽带', '复通'], categories: ['query'], meetingWeek: '2026-W11', revision: 1, status: 'published', publishedByName: '马建国' });
  });
});

describe('publish → acknowledge → revise → acknowledge again (meeting.weekly)', () => {
  const id = randomUUID();

  it('the publisher sees every agent of their team still to acknowledge, by name', async () => {
    now = new Date('2026-03-11T03:00:00.000Z');
    const a = await ok<Answer>('lead01', 'answer.publish', { id, ...fields });
    expect(a.missing.sort()).toEqual([...TEAM_A].sort());
    expect(a.expected).toBe(6);
    // The director watches all twelve agents.
    expect((await find('dept01', id)).missing).toHaveLength(12);
    // Every agent holds it, still to acknowledge.
    expect(await find('agent07', id)).toMatchObject({ ackedAt: null, ackedRevision: null, missing: [], expected: 0 });
  });

  it('an agent acknowledges it; the lead sees one fewer; acknowledging again changes nothing', async () => {
    now = new Date('2026-03-11T03:10:00.000Z');
    expect(await ok<Answer>('agent01', 'answer.ack', { id, revision: 1 })).toMatchObject({ ackedAt: now.toISOString(), ackedRevision: 1 });
    const first = now.toISOString();
    now = new Date('2026-03-11T03:20:00.000Z');
    expect(await ok<Answer>('agent01', 'answer.ack', { id, revision: 1 })).toMatchObject({ ackedAt: first });
    const lead = await find('lead01', id);
    expect(lead.missing).not.toContain('王芳');
    expect(lead.missing).toHaveLength(5);
    // Team B's lead watches their own team: agent01 is not theirs, and their list is unchanged.
    expect((await find('lead02', id)).missing).toHaveLength(6);
  });

  it('a revision keeps the old text readable and asks every agent to acknowledge the new version', async () => {
    now = new Date('2026-03-11T06:00:00.000Z');
    const revised = await ok<Answer>('lead01', 'answer.revise', { id, revision: 1, ...fields, answer: '缴费成功后一般 30 分钟内复通；超过 2 小时请登记报修。', note: '补充报修时限' });
    expect(revised).toMatchObject({ revision: 2, note: '补充报修时限', revisedByName: '郑伟' });
    expect(revised.history).toEqual([expect.objectContaining({ revision: 1, answer: fields.answer, byName: '郑伟', at: '2026-03-11T03:00:00.000Z' })]);
    expect(revised.missing).toContain('王芳');
    expect(revised.missing).toHaveLength(6);
    expect(await find('agent01', id)).toMatchObject({ ackedAt: null, ackedRevision: 1 });
    await ok('agent01', 'answer.ack', { id, revision: 2 });
    expect(await find('agent01', id)).toMatchObject({ ackedRevision: 2, ackedAt: now.toISOString() });
    expect((await find('lead01', id)).missing).toHaveLength(5);
  });

  it('acknowledgements are scoped: an agent holds their own, a lead their team’s, a director all', async () => {
    await ok('agent07', 'answer.ack', { id, revision: 2 });
    const users = (l: { acks: AnswerAck[] }) => [...new Set(l.acks.filter((k) => k.answerId === id).map((k) => k.userName))].sort();
    expect(users(await list('agent01'))).toEqual(['王芳']);
    expect(users(await list('agent02'))).toEqual([]);
    expect(users(await list('lead01'))).toEqual(['王芳']);
    expect(users(await list('lead02'))).toEqual(['赵磊']);
    expect(users(await list('dept01'))).toEqual(['王芳', '赵磊'].sort());
  });

  it('withdrawn: kept in the list with who and why, waits for nobody, cannot be revised again', async () => {
    const w = await ok<Answer>('dept01', 'answer.withdraw', { id, reason: '资费政策调整，另行通知' });
    expect(w).toMatchObject({ status: 'withdrawn', withdrawnByName: '马建国', withdrawReason: '资费政策调整，另行通知', missing: [], revision: 2 });
    expect(await find('agent02', id)).toMatchObject({ status: 'withdrawn' });
    expect(await refusedClean('lead01', 'answer.revise', { id, revision: 2, ...fields, note: '' })).toMatchObject({ code: 'rule_violation', ruleIds: ['meeting.weekly'], params: { problem: 'withdrawn' } });
  });
});
