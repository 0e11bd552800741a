import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { POLICY_DEFAULTS } from '../../shared/policy/defaults';
import { DEFAULT_SHIFT_TYPES } from '../../shared/roster/schemas';
import { CHECK_IN_OPENS_MINUTES, checkLogSections, floorState, judgeCheckIn, judgeCheckOut, nextShift, type CheckInFacts, type CheckOutFacts } from '../../shared/handover/rules';
import { LOG_SECTIONS, type Sections } from '../../shared/handover/schemas';
import { judgeBack, judgeRequest } from '../../shared/handover/away';

const at = (hhmm: string, date = '2026-03-11') => new Date(`${date}T${hhmm}:00+08:00`).toISOString();
const DAY = { date: '2026-03-11', code: 'D', start: Date.parse(at('08:00')), end: Date.parse(at('16:00')) };

function checkIn(patch: Partial<CheckInFacts> = {}): CheckInFacts {
  return { now: at('07:45'), date: DAY.date, shift: DAY, already: false, onApprovedLeave: false, policy: POLICY_DEFAULTS, ...patch };
}
function checkOut(patch: Partial<CheckOutFacts> = {}): CheckOutFacts {
  return { now: at('16:00'), date: DAY.date, shift: DAY, attendance: { checkedOutAt: null }, release: null, incoming: { known: true, rostered: ['王芳'], checkedIn: ['王芳'] }, policy: POLICY_DEFAULTS, ...patch };
}
const find = (checks: { ruleId: string }[], id: string) => checks.find((c) => c.ruleId === id) as { status: string; params: Record<string, unknown> } | undefined;

describe('check-in: one case per rule ID', () => {
  it.each<[string, string, Partial<CheckInFacts>, string, Record<string, unknown>?]>([
    ['duty.on-time', 'in before the start', {}, 'pass'],
    ['duty.on-time', 'five minutes after the start: a lateness note, not a refusal', { now: at('08:05') }, 'warn', { lateMinutes: 5 }],
    ['duty.on-time', 'a day without a shift', { shift: null }, 'fail', { problem: 'noShift' }],
    ['duty.on-time', 'twice for one shift', { already: true }, 'fail', { problem: 'twice' }],
    ['duty.on-time', 'days before the shift', { now: at('08:00', '2026-03-08') }, 'fail', { problem: 'tooEarly', opensMinutes: CHECK_IN_OPENS_MINUTES }],
    ['duty.on-time', 'after the shift is over', { now: at('16:00') }, 'fail', { problem: 'ended' }],
    ['handover.early-arrival', '15 minutes early: in time for the roll call', {}, 'pass', { aheadMinutes: 15 }],
    ['handover.early-arrival', '5 minutes early: missed the roll call', { now: at('07:55') }, 'warn', { needMinutes: 10 }],
    ['leave.discipline', '20 minutes late without leave: a violation is recorded', { now: at('08:20') }, 'fail', { kind: 'late', minutes: 20, threshold: 20 }],
    ['leave.discipline', '19 minutes late: under the threshold', { now: at('08:19') }, 'pass', { minutes: 19 }],
    ['leave.discipline', 'late with approved leave that day: no violation', { now: at('09:00'), onApprovedLeave: true }, 'pass', { variant: 'onLeave' }],
  ])('%s: %s → %s', (rule, _label, patch, status, params) => {
    const c = find(judgeCheckIn(checkIn(patch)).checks, rule);
    expect(c?.status).toBe(status);
    if (params) expect(c?.params).toMatchObject(params);
  });

  it('opens exactly CHECK_IN_OPENS_MINUTES before the start', () => {
    expect(find(judgeCheckIn(checkIn({ now: at('06:00') })).checks, 'duty.on-time')?.status).toBe('pass');
    expect(find(judgeCheckIn(checkIn({ now: at('05:59') })).checks, 'duty.on-time')?.status).toBe('fail');
  });

  it('property: a check-in yields a violation exactly when it is late by the threshold or more without approved leave', () => {
    fc.assert(
      fc.property(fc.integer({ min: -CHECK_IN_OPENS_MINUTES, max: 479 }), fc.boolean(), fc.integer({ min: 1, max: 240 }), (offset, onLeave, threshold) => {
        const now = new Date(DAY.start + offset * 60_000).toISOString();
        const j = judgeCheckIn(checkIn({ now, onApprovedLeave: onLeave, policy: { ...POLICY_DEFAULTS, lateThresholdMinutes: threshold } }));
        expect(j.violation).toBe(offset >= threshold && !onLeave);
        expect(j.lateMinutes).toBe(Math.max(0, offset));
        expect(j.checks.filter((c) => c.ruleId === 'leave.discipline' && c.status === 'fail').length).toBe(j.violation ? 1 : 0);
      }),
    );
  });
});

describe('check-out: one case per rule ID', () => {
  it.each<[string, string, Partial<CheckOutFacts>, string, Record<string, unknown>?]>([
    ['handover.outgoing-waits', 'the incoming colleague is in', {}, 'pass'],
    ['handover.outgoing-waits', 'the incoming colleague has not checked in', { incoming: { known: true, rostered: ['王芳'], checkedIn: [] } }, 'fail', { problem: 'notArrived', names: '王芳' }],
    ['handover.outgoing-waits', 'nobody rostered on the next shift', { incoming: { known: true, rostered: [], checkedIn: [] } }, 'fail', { problem: 'noIncoming' }],
    ['handover.outgoing-waits', 'this desk cannot see the next shift: the server judges', { incoming: { known: false, rostered: [], checkedIn: [] } }, 'unknown'],
    ['handover.outgoing-waits', 'released by the lead, with the reason', { release: { reason: '家中急事' }, incoming: { known: true, rostered: ['王芳'], checkedIn: [] } }, 'pass', { variant: 'released', reason: '家中急事' }],
    ['duty.on-time', 'at the end of the shift', {}, 'pass', { variant: 'leaving' }],
    ['duty.on-time', 'an hour before the end: no leaving early', { now: at('15:00') }, 'fail', { problem: 'early' }],
    ['duty.on-time', 'never checked in', { attendance: null }, 'fail', { problem: 'notCheckedIn' }],
    ['duty.on-time', 'checked out already', { attendance: { checkedOutAt: at('16:01') } }, 'fail', { problem: 'checkedOut' }],
  ])('%s: %s → %s', (rule, _label, patch, status, params) => {
    const c = find(judgeCheckOut(checkOut(patch)), rule);
    expect(c?.status).toBe(status);
    if (params) expect(c?.params).toMatchObject(params);
  });
});

describe('handover log sections (handover.log-contents, handover.meeting)', () => {
  const filled = Object.fromEntries(LOG_SECTIONS.map((k) => [k, { nothing: true, text: '' }])) as Sections;
  it('every section chosen "nothing to report": both rules pass', () => {
    const r = checkLogSections(filled);
    expect(r.blank).toEqual([]);
    expect(r.checks.map((c) => c.status)).toEqual(['pass', 'pass']);
  });
  it.each<[string, string]>([
    ['handover.log-contents', 'equipment'],
    ['handover.log-contents', 'issues'],
    ['handover.log-contents', 'staff'],
    ['handover.meeting', 'instructions'],
    ['handover.meeting', 'complaints'],
    ['handover.meeting', 'carryOver'],
  ])('%s: a blank %s is refused', (rule, section) => {
    const r = checkLogSections({ ...filled, [section]: { nothing: false, text: '   ' } });
    expect(r.blank).toEqual([section]);
    expect(find(r.checks, rule)).toMatchObject({ status: 'fail', params: { problem: 'blank' } });
  });
});

describe('the floor and the next shift', () => {
  it.each<[string, Parameters<typeof floorState>[0], string]>([
    ['before the start, not in', { now: DAY.start - 1, start: DAY.start, attendance: null, onLeave: false }, 'due'],
    ['after the start, not in', { now: DAY.start + 1, start: DAY.start, attendance: null, onLeave: false }, 'missing'],
    ['approved leave', { now: DAY.start + 1, start: DAY.start, attendance: null, onLeave: true }, 'onLeave'],
    ['in on time', { now: DAY.start + 1, start: DAY.start, attendance: { checkedOutAt: null, lateMinutes: 0 }, onLeave: false }, 'checkedIn'],
    ['in late', { now: DAY.start + 1, start: DAY.start, attendance: { checkedOutAt: null, lateMinutes: 3 }, onLeave: false }, 'late'],
    ['out', { now: DAY.end, start: DAY.start, attendance: { checkedOutAt: at('16:00'), lateMinutes: 0 }, onLeave: false }, 'checkedOut'],
  ])('%s → %s', (_label, o, state) => expect(floorState(o)).toBe(state));

  it('day → evening the same day, evening → night the next day, night → day', () => {
    const slot = (code: string, date = DAY.date) => {
      const t = DEFAULT_SHIFT_TYPES.find((x) => x.code === code)!;
      const start = Date.parse(at(t.start, date));
      const endDate = t.end <= t.start ? new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10) : date;
      return { date, code, start, end: Date.parse(at(t.end, endDate)) };
    };
    expect(nextShift(DEFAULT_SHIFT_TYPES, slot('D'), 'Asia/Shanghai')).toEqual({ code: 'E', date: '2026-03-11' });
    expect(nextShift(DEFAULT_SHIFT_TYPES, slot('E'), 'Asia/Shanghai')).toEqual({ code: 'N', date: '2026-03-12' });
    expect(nextShift(DEFAULT_SHIFT_TYPES, slot('N'), 'Asia/Shanghai')).toEqual({ code: 'D', date: '2026-03-11' });
  });
});

describe('time away: one case per outcome of duty.no-leaving-post', () => {
  const approvedAt = at('10:00');
  it.each<[string, Parameters<typeof judgeBack>[0], string, Record<string, unknown>]>([
    ['back within the time allowed', { now: at('10:15'), approvedAt, limitMinutes: 20 }, 'pass', { variant: 'back', awayMinutes: 15 }],
    ['back exactly at the limit', { now: at('10:20'), approvedAt, limitMinutes: 20 }, 'pass', { awayMinutes: 20 }],
    ['back past it: a violation', { now: at('10:21'), approvedAt, limitMinutes: 20 }, 'fail', { problem: 'overrun', awayMinutes: 21, limitMinutes: 20 }],
  ])('%s → %s', (_label, o, status, params) => {
    const j = judgeBack(o);
    expect(j.checks[0]).toMatchObject({ ruleId: 'duty.no-leaving-post', status, params });
    expect(j.violation).toBe(status === 'fail');
  });
  it('never allowed: withdrawn, nothing to judge', () => expect(judgeBack({ now: at('10:30'), approvedAt: null, limitMinutes: 0 })).toEqual({ checks: [], awayMinutes: null, violation: false }));
  it.each<[string, Parameters<typeof judgeRequest>[0], string, string?]>([
    ['asked during the shift: waits for the duty lead', { onShiftNow: true, open: false }, 'warn'],
    ['not on a shift now', { onShiftNow: false, open: false }, 'fail', 'notOnShift'],
    ['another time away still open', { onShiftNow: true, open: true }, 'fail', 'open'],
  ])('%s → %s', (_label, o, status, problem) => expect(judgeRequest(o)).toMatchObject({ ruleId: 'duty.no-leaving-post', status, params: problem ? { problem } : {} }));
  it('the floor shows an allowed time away as away', () => expect(floorState({ now: DAY.start + 1, start: DAY.start, attendance: { checkedOutAt: null, lateMinutes: 0 }, onLeave: false, awayAllowed: true })).toBe('away'));
});
