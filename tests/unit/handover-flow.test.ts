import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeskHost } from '../../electron/backend/desk-host';
import { LOG_SECTIONS, type HandoverLog, type Sections } from '../../shared/handover/schemas';
import { startDemoDesk } from './support/desks';
import { FIXED_NOW } from './support/fixture';
import { diff, snapshot } from './support/snapshot';
import { tempDir } from './support/tmp';

/**
 * Team A of the demo center on 2026-03-11 (the fixed clock's day): agent04 works the day shift (08–16),
 * agent02, agent05 and lead01 the evening (16–24), agent03 and agent06 the night. The desk's clock is moved
 * through the day; every decision is the desk's own (the server re-runs the same handlers at sync).
 */
const dir = tempDir();
let host: DeskHost;
let now = FIXED_NOW;
const tok: Record<string, string> = {};
const TODAY = '2026-03-11';
const at = (hhmm: string, date = TODAY) => new Date(`${date}T${hhmm}:00+08:00`);
const call = (who: string, method: string, input: unknown) => host.dispatch(method, input, tok[who]);
const filled = (patch: Partial<Sections> = {}): Sections => ({ ...(Object.fromEntries(LOG_SECTIONS.map((k) => [k, { nothing: true, text: '' }])) as Sections), ...patch });

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
  for (const u of ['agent01', 'agent02', 'agent03', 'agent04', 'agent05', 'lead01', 'lead02', 'dept01']) tok[u] = ((await host.dispatch('session.login', { username: u, password: 'zhiban123' })) as { value: { token: string } }).value.token;
});
afterAll(async () => {
  await host.close();
  dir.remove();
});

describe('check-in, outgoing waits, check-out (duty.on-time, handover.*, leave.discipline)', () => {
  it('checks in 15 minutes early: on time and in time for the roll call, no violation', async () => {
    now = at('07:45');
    const r = await call('agent04', 'duty.checkIn', { date: TODAY });
    expect(r).toMatchObject({ ok: true, value: { attendance: { shiftCode: 'D', lateMinutes: 0, violationId: null } } });
    const checks = (r as { value: { checks: { ruleId: string; status: string }[] } }).value.checks;
    expect(checks).toEqual(expect.arrayContaining([expect.objectContaining({ ruleId: 'duty.on-time', status: 'pass' }), expect.objectContaining({ ruleId: 'handover.early-arrival', status: 'pass' })]));
  });

  it('refuses twice, a day off and a shift days away with the rule, naming the field, writing nothing', async () => {
    expect(await refusedClean('agent04', 'duty.checkIn', { date: TODAY })).toMatchObject({ code: 'rule_violation', ruleIds: ['duty.on-time'], params: { problem: 'twice' }, fields: [{ path: 'date' }] });
    expect(await refusedClean('agent01', 'duty.checkIn', { date: TODAY })).toMatchObject({ ruleIds: ['duty.on-time'], params: { problem: 'noShift' } });
    expect(await refusedClean('agent04', 'duty.checkIn', { date: '2026-03-14' })).toMatchObject({ ruleIds: ['duty.on-time'], params: { problem: 'tooEarly' } });
    expect(await refusedClean('agent04', 'duty.checkIn', { date: '2026-02-30' })).toMatchObject({ code: 'invalid_input', fields: expect.arrayContaining([expect.objectContaining({ path: 'date', code: 'err.date' })]) });
  });

  it('the outgoing agent cannot check out until the incoming one has checked in; then can', async () => {
    now = at('15:50');
    const e = await refusedClean('agent04', 'duty.checkOut', { date: TODAY });
    expect(e).toMatchObject({ code: 'rule_violation', ruleIds: ['handover.outgoing-waits'], params: { problem: 'notArrived' } });
    expect((await call('agent04', 'duty.mine', { date: TODAY })) as unknown).toMatchObject({ ok: true, value: { incoming: { shift: 'E', checkedIn: [] } } });
    expect(await call('agent02', 'duty.checkIn', { date: TODAY })).toMatchObject({ ok: true, value: { attendance: { lateMinutes: 0 } } });
    const out = await call('agent04', 'duty.checkOut', { date: TODAY });
    expect(out).toMatchObject({ ok: true, value: { attendance: { checkedOutAt: at('15:50').toISOString() } } });
    expect(await refusedClean('agent04', 'duty.checkOut', { date: TODAY })).toMatchObject({ params: { problem: 'checkedOut' } });
  });

  it('late past the threshold without leave: exactly one violation through the discipline records', async () => {
    now = at('16:25');
    const r = await call('agent05', 'duty.checkIn', { date: TODAY });
    expect(r).toMatchObject({ ok: true, value: { attendance: { lateMinutes: 25, violationId: 'late:user-agent05:2026-03-11' } } });
    const mine = ((await call('lead01', 'discipline.list', { from: TODAY })) as { value: { userId: string; kind: string; minutes: number; ruleIds: string[] }[] }).value.filter((v) => v.userId === 'user-agent05');
    expect(mine).toEqual([expect.objectContaining({ kind: 'late', minutes: 25, ruleIds: ['leave.discipline'] })]);
  });

  it('the floor: the lead sees their team, each person in their state, counts against the minimum', async () => {
    const f = (await call('lead01', 'duty.floor', { date: TODAY })) as { ok: true; value: { teams: { teamId: string; shifts: { code: string; present: number; minCoverage: number; people: { name: string; state: string }[] }[] }[] } };
    expect(f.value.teams.map((t) => t.teamId)).toEqual(['team-a']);
    const shift = (code: string) => f.value.teams[0]!.shifts.find((s) => s.code === code)!;
    expect(shift('D').people.map((p) => p.state)).toEqual(['checkedOut']);
    expect(shift('E').people.map((p) => p.state).sort()).toEqual(['checkedIn', 'late', 'missing']);
    expect([shift('E').present, shift('E').minCoverage]).toEqual([2, 1]);
    expect(shift('N').people.map((p) => p.state)).toEqual(['missing', 'missing']);
    const d = (await call('dept01', 'duty.floor', { date: TODAY })) as { value: { teams: { teamId: string }[] } };
    expect(d.value.teams.map((t) => t.teamId)).toEqual(['team-a', 'team-b']);
    expect(await call('agent02', 'duty.floor', { date: TODAY })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('leaving early needs the lead: refused, then released with a reason (audited), then out', async () => {
    now = at('17:00');
    expect(await refusedClean('agent05', 'duty.checkOut', { date: TODAY })).toMatchObject({ ruleIds: ['duty.on-time', 'handover.outgoing-waits'] });
    expect(await refusedClean('lead02', 'duty.release', { id: randomUUID(), userId: 'user-agent05', date: TODAY, reason: '急事' })).toMatchObject({ code: 'forbidden' });
    expect(await refusedClean('lead01', 'duty.release', { id: randomUUID(), userId: 'user-agent05', date: TODAY, reason: '  ' })).toMatchObject({ code: 'invalid_input', fields: [{ path: 'reason' }] });
    expect(await call('lead01', 'duty.release', { id: randomUUID(), userId: 'user-agent05', date: TODAY, reason: '孩子发烧，准许先走' })).toMatchObject({ ok: true, value: { releasedByName: '郑伟' } });
    const out = (await call('agent05', 'duty.checkOut', { date: TODAY })) as { ok: true; value: { checks: { ruleId: string; status: string; params: Record<string, unknown> }[] } };
    expect(out.value.checks).toEqual([expect.objectContaining({ ruleId: 'duty.on-time', status: 'pass' }), expect.objectContaining({ ruleId: 'handover.outgoing-waits', status: 'pass', params: { variant: 'released', reason: '孩子发烧，准许先走' } })]);
    const audit = (await host.db.selectFrom('audit_log').select('action').where('action', '=', 'duty.release').execute()).length;
    expect(audit).toBe(1);
  });
});

describe('the handover log: blank sections refused, acknowledged once by the incoming colleague, then final', () => {
  let id = '';
  it('a blank required section is refused with the rule and the field; nothing written', async () => {
    now = at('15:55');
    const e = await refusedClean('agent04', 'handover.write', { id: randomUUID(), date: TODAY, fromShift: 'D', sections: filled({ issues: { nothing: false, text: '' }, complaints: { nothing: false, text: ' ' } }) });
    expect(e).toMatchObject({ code: 'rule_violation', ruleIds: ['handover.log-contents', 'handover.meeting'], fields: [{ path: 'sections.issues.text', code: 'err.handoverBlank' }, { path: 'sections.complaints.text' }] });
    // "Nothing to report" must be said: a section without its choice is not valid input at all.
    const { staff: _s, ...missing } = filled();
    expect(await refusedClean('agent04', 'handover.write', { id: randomUUID(), date: TODAY, fromShift: 'D', sections: missing })).toMatchObject({ code: 'invalid_input', fields: [{ path: 'sections.staff' }] });
    expect(await refusedClean('agent03', 'handover.write', { id: randomUUID(), date: TODAY, fromShift: 'D', sections: filled() })).toMatchObject({ code: 'forbidden', ruleIds: ['handover.log-contents'] });
  });

  it('written by the outgoing shift, for the next one (day → evening)', async () => {
    id = randomUUID();
    const r = await call('agent04', 'handover.write', { id, date: TODAY, fromShift: 'D', sections: filled({ issues: { nothing: false, text: '钱女士宽带断线投诉，待回访' } }) });
    expect(r).toMatchObject({ ok: true, value: { toShift: 'E', toDate: TODAY, ackedBy: null, teamId: 'team-a' } });
  });

  it('only the incoming colleague acknowledges, once; corrections append and change nothing written', async () => {
    expect(await refusedClean('agent03', 'handover.ack', { id })).toMatchObject({ code: 'forbidden', ruleIds: ['handover.log-contents'] });
    expect(await call('agent02', 'handover.ack', { id })).toMatchObject({ ok: true, value: { ackedBy: 'user-agent02' } });
    expect(await refusedClean('agent05', 'handover.ack', { id })).toMatchObject({ code: 'conflict', ruleIds: ['handover.log-contents'], params: { problem: 'acknowledged' } });
    const c = (await call('agent04', 'handover.correct', { id, text: '更正：回访时间改为明早' })) as { value: HandoverLog };
    expect(c.value.corrections).toMatchObject([{ by: 'user-agent04', text: '更正：回访时间改为明早' }]);
    expect(c.value.sections.issues.text).toBe('钱女士宽带断线投诉，待回访');
  });

  it('property: once acknowledged, no sequence of acknowledgements, corrections or new logs changes the log or its acknowledgement', async () => {
    const read = async () => ((await call('lead01', 'handover.list', { from: TODAY })) as { value: HandoverLog[] }).value.find((l) => l.id === id)!;
    const frozen = (l: HandoverLog) => ({ sections: l.sections, writtenBy: l.writtenBy, writtenAt: l.writtenAt, ackedBy: l.ackedBy, ackedAt: l.ackedAt, corrections: l.corrections.length });
    let corrections = (await read()).corrections.length;
    const people = ['agent02', 'agent03', 'agent04', 'agent05', 'lead01'];
    const op = fc.oneof(
      fc.record({ kind: fc.constant('ack' as const), who: fc.constantFrom(...people) }),
      fc.record({ kind: fc.constant('correct' as const), who: fc.constantFrom(...people), text: fc.string({ minLength: 1, maxLength: 20 }) }),
      fc.record({ kind: fc.constant('write' as const), who: fc.constantFrom(...people) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(op, { maxLength: 6 }), async (ops) => {
        const before = frozen(await read());
        for (const o of ops) {
          if (o.kind === 'ack') await call(o.who, 'handover.ack', { id });
          else if (o.kind === 'write') await call(o.who, 'handover.write', { id, date: TODAY, fromShift: 'D', sections: filled() });
          else if ((await call(o.who, 'handover.correct', { id, text: o.text })).ok) corrections++;
        }
        expect(frozen(await read())).toEqual({ ...before, corrections });
      }),
      { numRuns: 15 },
    );
  });
});

describe('notices with read receipts (handover.read-notices)', () => {
  it('a lead publishes; the agent sees it unread, reads it once; the lead sees who has not read', async () => {
    now = at('17:10'); // the desk's clock never runs back (HLC): later than every earlier test
    const id = randomUUID();
    expect(await refusedClean('agent02', 'notice.publish', { id, kind: 'business', title: '流程调整', body: '查询话费先核实身份' })).toMatchObject({ code: 'forbidden' });
    expect(await refusedClean('lead01', 'notice.publish', { id, kind: 'business', title: ' ', body: '查询话费先核实身份' })).toMatchObject({ code: 'invalid_input', fields: [{ path: 'title' }] });
    const published = (await call('lead01', 'notice.publish', { id, kind: 'business', title: '流程调整', body: '查询话费先核实身份' })) as { ok: true; value: { unread: string[] } };
    expect(published.value.unread).toContain('李娜');
    expect(published.value.unread).not.toContain('郑伟'); // the publisher is not asked to read their own notice
    const mine = (await call('agent02', 'notice.list', { from: TODAY })) as { ok: true; value: { notices: { id: string; readAt: string | null }[] } };
    expect(mine.value.notices.find((n) => n.id === id)?.readAt).toBeNull();
    expect(await call('agent02', 'notice.read', { id })).toMatchObject({ ok: true, value: { readAt: at('17:10').toISOString() } });
    now = at('17:15');
    const before = await snapshot(host.db);
    expect(await call('agent02', 'notice.read', { id })).toMatchObject({ ok: true, value: { readAt: at('17:10').toISOString() } }); // the first reading stands
    expect(diff(before, await snapshot(host.db))).toEqual([]);
    const lead = (await call('lead01', 'notice.list', { from: TODAY })) as { ok: true; value: { notices: { id: string; unread: string[] }[]; reads: { userId: string }[] } };
    expect(lead.value.notices.find((n) => n.id === id)?.unread).not.toContain('李娜');
    expect(lead.value.reads.map((r) => r.userId)).toContain('user-agent02');
  });
});

describe('stepping away from the desk (duty.no-leaving-post)', () => {
  const state = async (name: string) => ((await call('lead01', 'duty.floor', { date: TODAY })) as { value: { teams: { shifts: { people: { name: string; state: string }[] }[] }[] } }).value.teams.flatMap((t) => t.shifts.flatMap((s) => s.people)).find((p) => p.name === name)?.state;

  it('asked, allowed by the duty lead for the policy time, back in time: no violation', async () => {
    now = at('17:20');
    const id = randomUUID();
    expect(await call('agent02', 'duty.awayRequest', { id, date: TODAY, reason: '去洗手间' })).toMatchObject({ ok: true, value: { checks: [{ ruleId: 'duty.no-leaving-post', status: 'warn' }] } });
    expect(await refusedClean('agent02', 'duty.awayRequest', { id: randomUUID(), date: TODAY, reason: '再去一次' })).toMatchObject({ ruleIds: ['duty.no-leaving-post'], params: { problem: 'open' } });
    expect(await refusedClean('agent03', 'duty.awayRequest', { id: randomUUID(), date: TODAY, reason: '取快递' })).toMatchObject({ params: { problem: 'notOnShift' } });
    expect(await refusedClean('lead02', 'duty.awayApprove', { id })).toMatchObject({ code: 'forbidden' });
    expect(await state('李娜')).toBe('checkedIn'); // asked, not yet allowed: still at the desk
    expect(await call('lead01', 'duty.awayApprove', { id })).toMatchObject({ ok: true, value: { limitMinutes: 20, approvedBy: 'user-lead01' } });
    expect(await state('李娜')).toBe('away');
    now = at('17:35');
    expect(await call('agent02', 'duty.awayBack', { id })).toMatchObject({ ok: true, value: { away: { awayMinutes: 15, violationId: null }, checks: [{ status: 'pass' }] } });
    expect(await state('李娜')).toBe('checkedIn');
    expect(await refusedClean('agent02', 'duty.awayBack', { id })).toMatchObject({ code: 'conflict', params: { problem: 'closed' } });
  });

  it('past the time allowed (after an extension), coming back records exactly one violation', async () => {
    now = at('17:40');
    const id = randomUUID();
    await call('agent02', 'duty.awayRequest', { id, date: TODAY, reason: '接电话' });
    await call('lead01', 'duty.awayApprove', { id, minutes: 5 });
    expect(await call('lead01', 'duty.awayApprove', { id, minutes: 5 })).toMatchObject({ ok: true, value: { limitMinutes: 10, approvedAt: at('17:40').toISOString() } });
    now = at('17:55');
    const r = await call('agent02', 'duty.awayBack', { id });
    expect(r).toMatchObject({ ok: true, value: { away: { awayMinutes: 15, violationId: `away:${id}` }, checks: [{ ruleId: 'duty.no-leaving-post', status: 'fail', params: { problem: 'overrun', awayMinutes: 15, limitMinutes: 10 } }] } });
    const v = ((await call('lead01', 'discipline.list', { from: TODAY })) as { value: { id: string; kind: string; minutes: number; ruleIds: string[] }[] }).value.filter((x) => x.id === `away:${id}`);
    expect(v).toEqual([expect.objectContaining({ kind: 'away', minutes: 15, ruleIds: ['duty.no-leaving-post', 'leave.discipline'] })]);
  });
});
