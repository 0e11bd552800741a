import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDeskHost, type DeskHost } from '../../electron/backend/desk-host';
import { addDays } from '../../shared/calendar/day-kind';
import { dateInZone } from '../../shared/policy/zoned-date';
import { startDemoDesk } from './support/desks';
import { tempDir } from './support/tmp';

const dir = tempDir();
let host: DeskHost;
const tok: Record<string, string> = {};
const call = async (who: string, method: string, input: unknown) => host.dispatch(method, input, tok[who]);
let dayShifts: string[] = [];

beforeAll(async () => {
  host = await startDemoDesk({ dataDir: join(dir.path, 'desk') });
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

  it('lists without judging for the menu badge: the chain still says who decides next, no checks', async () => {
    const { id } = await request('agent01', { fromDate: dayShifts[12], toDate: dayShifts[12] });
    const light = (await call('lead01', 'leave.list', { month: dayShifts[0]!.slice(0, 7), checks: false })) as { value: { id: string; chain: string[]; checks: unknown[] }[] };
    expect(light.value.find((l) => l.id === id)).toMatchObject({ chain: ['team_lead', 'department_director'], checks: [] });
    const full = (await call('lead01', 'leave.list', { month: dayShifts[0]!.slice(0, 7) })) as { value: { id: string; checks: { ruleId: string }[] }[] };
    expect(full.value.find((l) => l.id === id)?.checks.map((c) => c.ruleId)).toContain('leave.advance');
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
    const state = async () => ((await call('agent01', 'leave.list', { month: dayShifts[0]!.slice(0, 7) })) as { value: { id: string; certificateState: string }[] }).value.find((l) => l.id === id)?.certificateState;
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

describe('leave is judged as of its request, and a lead’s own leave starts one level up', () => {
  const dir2 = tempDir();
  let h: DeskHost;
  let offset = 0;
  const t2: Record<string, string> = {};
  beforeAll(async () => {
    h = await startDeskHost({ dataDir: join(dir2.path, 'desk'), demo: true, clock: () => new Date(Date.now() + offset) });
    for (const u of ['agent01', 'lead01', 'dept01']) t2[u] = ((await h.dispatch('session.login', { username: u, password: 'zhiban123' })) as { value: { token: string } }).value.token;
  });
  afterAll(async () => {
    await h.close();
    dir2.remove();
  });

  it('an emergency phoned in before the shift is still approvable after the shift began', async () => {
    const mine = (await h.dispatch('roster.mine', { from: addDays(dateInZone(Date.now(), 'Asia/Shanghai'), 2), days: 20 }, t2.agent01)) as { value: { date: string; shiftCode: string; startsAt: string }[] };
    const shift = mine.value.find((s) => s.shiftCode === 'D')!;
    offset = Date.parse(shift.startsAt) - 30 * 60_000 - Date.now(); // 30 minutes before the shift
    const id = randomUUID();
    expect(await h.dispatch('leave.request', { id, userId: 'user-agent01', type: 'sick_emergency', fromDate: shift.date, toDate: shift.date, reason: '急诊' }, t2.agent01)).toMatchObject({ ok: true });
    offset = Date.parse(shift.startsAt) + 10 * 60_000 - Date.now(); // the lead gets to it 10 minutes into the shift
    expect(await h.dispatch('leave.decide', { id, approve: true }, t2.lead01)).toMatchObject({ ok: true, value: { approvals: [{ level: 'team_lead' }] } });
    expect(await h.dispatch('leave.decide', { id, approve: true }, t2.dept01)).toMatchObject({ ok: true, value: { status: 'approved' } });
    offset = 0;
  });

  it("a team lead's leave goes straight to the department director", async () => {
    const mine = (await h.dispatch('roster.mine', { from: addDays(dateInZone(Date.now(), 'Asia/Shanghai'), 3), days: 20 }, t2.lead01)) as { value: { date: string; shiftCode: string }[] };
    const day = mine.value.find((s) => s.shiftCode !== 'N')!.date;
    const id = randomUUID();
    expect(await h.dispatch('leave.request', { id, userId: 'user-lead01', type: 'personal', fromDate: day, toDate: day, reason: '家事' }, t2.lead01)).toMatchObject({ ok: true });
    const listed = (await h.dispatch('leave.list', { month: day.slice(0, 7) }, t2.dept01)) as { value: { id: string; chain: string[] }[] };
    expect(listed.value.find((l) => l.id === id)?.chain).toEqual(['department_director']);
    expect(await h.dispatch('leave.decide', { id, approve: true }, t2.dept01)).toMatchObject({ ok: true, value: { status: 'approved' } });
  });
});
