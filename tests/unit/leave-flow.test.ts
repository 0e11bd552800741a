import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDeskHost, type DeskHost } from '../../electron/backend/desk-host';
import { addDays } from '../../shared/calendar/day-kind';
import { dateInZone } from '../../shared/policy/zoned-date';
import { tempDir } from './support/tmp';

const dir = tempDir();
let host: DeskHost;
const tok: Record<string, string> = {};
const call = async (who: string, method: string, input: unknown) => host.dispatch(method, input, tok[who]);
let dayShifts: string[] = [];

beforeAll(async () => {
  host = await startDeskHost({ dataDir: join(dir.path, 'desk'), demo: true });
  for (const u of ['agent01', 'agent02', 'lead01', 'lead02', 'dept01', 'center01']) tok[u] = ((await host.dispatch('session.login', { username: u, password: 'zhiban123' })) as { value: { token: string } }).value.token;
  // agent01's day and evening shifts from three days ahead: far enough for ordinary personal leave.
  const mine = (await call('agent01', 'roster.mine', { from: addDays(dateInZone(Date.now(), 'Asia/Shanghai'), 3), days: 28 })) as { value: { date: string; shiftCode: string }[] };
  dayShifts = mine.value.filter((s) => s.shiftCode !== 'N').map((s) => s.date);
});
afterAll(async () => {
  await host.close();
  dir.remove();
});

const request = (who: string, patch: Record<string, unknown> = {}) => {
  const id = randomUUID();
  return call(who, 'leave.request', { id, userId: 'user-agent01', type: 'personal', fromDate: dayShifts[0], toDate: dayShifts[0], reason: '办理证件', ...patch }).then((r) => ({ id, r }));
};

describe('leave requests climb the chain level by level', () => {
  it('one day: team lead, then department director approves; every decision stores its rule IDs', async () => {
    const { id, r } = await request('agent01');
    expect(r).toMatchObject({ ok: true, value: { status: 'requested', filedBy: 'user-agent01' } });
    // Skipping a level (leave.chain), another team's lead (交叉請假), and approving your own: refused, nothing written.
    expect(await call('dept01', 'leave.decide', { id, approve: true })).toMatchObject({ ok: false, error: { code: 'forbidden', ruleIds: ['leave.chain', 'leave.authority'] } });
    expect(await call('lead02', 'leave.decide', { id, approve: true })).toMatchObject({ ok: false, error: { code: 'forbidden', ruleIds: ['leave.chain', 'leave.authority'] } });
    expect(await call('lead01', 'leave.decide', { id, approve: true })).toMatchObject({ ok: true, value: { status: 'requested', approvals: [{ level: 'team_lead' }] } });
    expect(await call('lead01', 'leave.decide', { id, approve: true })).toMatchObject({ ok: false, error: { code: 'forbidden' } }); // approving twice
    const done = await call('dept01', 'leave.decide', { id, approve: true });
    expect(done).toMatchObject({ ok: true, value: { status: 'approved', approvals: [{ level: 'team_lead' }, { level: 'department_director' }] } });
    expect((done as { value: { decisionRules: string[] } }).value.decisionRules).toEqual(expect.arrayContaining(['leave.chain', 'leave.authority', 'leave.advance', 'leave.in-person']));
  });

  it('more than one day needs the center director after the department director', async () => {
    const { id } = await request('agent01', { fromDate: dayShifts[1], toDate: addDays(dayShifts[1]!, 2) });
    await call('lead01', 'leave.decide', { id, approve: true });
    expect(await call('dept01', 'leave.decide', { id, approve: true })).toMatchObject({ ok: true, value: { status: 'requested' } });
    expect(await call('center01', 'leave.decide', { id, approve: true })).toMatchObject({ ok: true, value: { status: 'approved' } });
  });

  it('refuses overlapping requests, personal leave by proxy, and days without a shift, writing nothing', async () => {
    expect(await request('agent01')).toMatchObject({ r: { ok: false, error: { code: 'conflict', fields: [{ code: 'err.leaveOverlap' }] } } });
    expect(await request('agent02', { fromDate: dayShifts[5], toDate: dayShifts[5] })).toMatchObject({ r: { ok: false, error: { code: 'rule_violation', ruleIds: ['leave.in-person'] } } });
    expect(await request('agent02', { type: 'sick', fromDate: dayShifts[5], toDate: dayShifts[5] })).toMatchObject({ r: { ok: true, value: { filedBy: 'user-agent02', filedByName: '李娜' } } });
    const off = addDays(dateInZone(Date.now(), 'Asia/Shanghai'), 200);
    expect(await request('agent01', { fromDate: off, toDate: off })).toMatchObject({ r: { ok: false, error: { ruleIds: ['leave.advance'], params: { problem: 'noShifts' } } } });
    expect(await call('agent01', 'leave.request', { id: randomUUID(), userId: 'user-agent01', type: 'personal', fromDate: dayShifts[7], toDate: dayShifts[6], reason: 'x' })).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: [{ path: 'toDate', code: 'err.dateOrder' }] } });
  });

  it('keeps the sick certificate due until attached, then covered', async () => {
    const { id } = await request('agent01', { type: 'sick', fromDate: dayShifts[9], toDate: dayShifts[9] });
    const state = async () => ((await call('agent01', 'leave.list', { from: dayShifts[0] })) as { value: { id: string; certificateState: string }[] }).value.find((l) => l.id === id)?.certificateState;
    expect(await state()).toBe('due');
    const certificate = { name: '诊断证明.png', mime: 'image/png', dataBase64: Buffer.from('png').toString('base64'), from: dayShifts[9], to: dayShifts[9] };
    expect(await call('agent01', 'leave.attachCertificate', { id, certificate })).toMatchObject({ ok: true, value: { certificate: { name: '诊断证明.png' } } });
    expect(await state()).toBe('ok');
  });

  it('leave.discipline: 20 minutes late without leave is a violation record; less, or on approved leave, is not', async () => {
    const record = (who: string, patch: Record<string, unknown>) => call(who, 'discipline.record', { id: randomUUID(), userId: 'user-agent01', date: dayShifts[3], kind: 'late', minutes: 25, ...patch });
    expect(await record('lead01', {})).toMatchObject({ ok: true, value: { minutes: 25, ruleIds: ['leave.discipline'], userName: '王芳' } });
    expect(await record('lead01', { minutes: 19 })).toMatchObject({ ok: false, error: { ruleIds: ['leave.discipline'], fields: [{ path: 'minutes', code: 'err.belowThreshold' }] } });
    expect(await record('lead01', { date: dayShifts[0] })).toMatchObject({ ok: false, error: { fields: [{ code: 'err.onLeave' }] } }); // approved leave that day
    expect(await record('lead02', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const mine = (await call('agent01', 'discipline.list', { from: dayShifts[0] })) as { value: { kind: string; minutes: number }[] };
    expect(mine.value).toEqual([expect.objectContaining({ kind: 'late', minutes: 25 })]);
  });
});
