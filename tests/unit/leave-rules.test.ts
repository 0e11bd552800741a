import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { daysBetween } from '../../shared/calendar/day-kind';
import { POLICY_DEFAULTS } from '../../shared/policy/defaults';
import { approvalChain, certificateState, checkDiscipline, checkLeave, type LeaveFacts } from '../../shared/leave/rules';

const at = (date: string, hhmm: string) => Date.parse(`${date}T${hhmm}:00+08:00`);
/** Ordinary personal leave for a day shift on 2026-12-10, asked for on 2026-12-01. */
function facts(patch: Partial<LeaveFacts> = {}): LeaveFacts {
  const from = patch.fromDate ?? '2026-12-10';
  const to = patch.toDate ?? from;
  return {
    now: '2026-12-01T02:00:00Z',
    timeZone: 'Asia/Shanghai',
    policy: POLICY_DEFAULTS,
    type: 'personal',
    fromDate: from,
    toDate: to,
    shifts: { known: true, list: [{ date: from, code: 'D', night: false, start: at(from, '08:00') }] },
    days: daysBetween(from, to),
    filedByOwner: true,
    swapDates: [],
    overlapping: [],
    ...patch,
  };
}
const find = (f: LeaveFacts, rule: string) => checkLeave(f).find((c) => c.ruleId === rule);

describe('leave rules: one passing and one failing (or manager-only) case per rule ID', () => {
  it.each<[string, string, Partial<LeaveFacts>, 'pass' | 'fail' | 'warn', Record<string, unknown>?]>([
    ['leave.advance', 'ordinary personal leave 9 days ahead', {}, 'pass'],
    ['leave.advance', 'a day with no shift to take off', { shifts: { known: true, list: [] } }, 'fail', { problem: 'noShifts' }],
    ['leave.advance', 'a shift that has already started', { now: '2026-12-10T01:00:00Z' }, 'fail', { problem: 'started' }],
    ['leave.late-request', 'ordinary personal leave 10 hours ahead (1 day needed)', { now: '2026-12-09T14:00:00Z' }, 'warn', { aheadMinutes: 600, needMinutes: 1440 }],
    ['leave.advance', 'special personal leave 2 hours ahead (1 hour needed)', { type: 'personal_special', now: '2026-12-09T22:00:00Z' }, 'pass'],
    ['leave.late-request', 'special personal leave 30 minutes ahead', { type: 'personal_special', now: '2026-12-09T23:30:00Z' }, 'warn', { needMinutes: 60 }],
    ['leave.in-person', 'personal leave filed by the person', {}, 'pass'],
    ['leave.in-person', 'personal leave filed by someone else', { filedByOwner: false }, 'fail'],
    ['leave.in-person', 'sick leave filed by a colleague (recorded as proxy)', { type: 'sick', filedByOwner: false }, 'pass', { variant: 'proxy' }],
    ['leave.authority', 'one day goes to the department director', {}, 'pass', { days: 1, approver: 'department_director' }],
    ['leave.authority', 'three days go to the center director', { toDate: '2026-12-12' }, 'pass', { days: 3, approver: 'center_director' }],
    ['leave.business', 'a business trip goes to the center director', { type: 'business' }, 'pass'],
    ['leave.sick-certificate', 'a full day of sick leave owes a certificate by the first day back', { type: 'sick' }, 'pass', { variant: 'due', due: '2026-12-11' }],
    ['leave.sick-emergency', 'an emergency phoned in before the shift', { type: 'sick_emergency', now: '2026-12-09T23:50:00Z' }, 'pass'],
    ['leave.sick-emergency', 'an emergency reported after the shift began', { type: 'sick_emergency', now: '2026-12-10T01:00:00Z' }, 'fail'],
    ['leave.night-shift', 'a night shift asked for before noon that day: a special case for a manager', { shifts: { known: true, list: [{ date: '2026-12-10', code: 'N', night: true, start: at('2026-12-10', '00:00') }] }, now: '2026-12-01T02:00:00Z' }, 'warn', { deadline: '12:00' }],
    ['leave.night-shift', 'a night shift asked for after noon that day', { shifts: { known: true, list: [{ date: '2026-12-10', code: 'N', night: true, start: at('2026-12-11', '00:00') }] }, now: '2026-12-10T05:00:00Z' }, 'fail'],
    // A night from 00:00 belongs, for "before noon that day", to the day before: 10:00 on the 9th is in time, 13:00 not.
    ['leave.night-shift', 'a night starting 00:00 on the 10th, asked at 10:00 on the 9th', { shifts: { known: true, list: [{ date: '2026-12-10', code: 'N', night: true, start: at('2026-12-10', '00:00') }] }, now: '2026-12-09T02:00:00Z' }, 'warn', { deadlineDay: '2026-12-09' }],
    ['leave.night-shift', 'a night starting 00:00 on the 10th, asked at 13:00 on the 9th (before it starts, after the deadline)', { shifts: { known: true, list: [{ date: '2026-12-10', code: 'N', night: true, start: at('2026-12-10', '00:00') }] }, now: '2026-12-09T05:00:00Z' }, 'fail', { deadlineDay: '2026-12-09' }],
    ['leave.night-shift', 'a night starting 22:00 keeps its own day: 11:00 that day is in time', { shifts: { known: true, list: [{ date: '2026-12-10', code: 'N', night: true, start: at('2026-12-10', '22:00') }] }, now: '2026-12-10T03:00:00Z' }, 'warn', { deadlineDay: '2026-12-10' }],
    ['leave.holiday', 'a public holiday asked for 10 days ahead: a special case for a manager', { fromDate: '2026-10-01', now: '2026-09-21T02:00:00Z' }, 'warn', { date: '2026-10-01', days: 2 }],
    ['leave.holiday', 'a public holiday asked for the day before', { fromDate: '2026-10-01', now: '2026-09-30T02:00:00Z' }, 'fail'],
    ['swap.no-leave', 'a day with no swapped shift', {}, 'pass'],
    ['swap.no-leave', 'the pay-back shift of an approved swap', { swapDates: ['2026-12-10'] }, 'fail', { date: '2026-12-10' }],
  ])('%s: %s → %s', (rule, _label, patch, status, params) => {
    const c = find(facts(patch), rule);
    expect(c?.status).toBe(status);
    if (params) expect(c?.params).toMatchObject(params);
  });

  it('leave.chain: level by level, up to the authority', () => {
    expect(approvalChain('personal', 1, 1)).toEqual(['team_lead', 'department_director']);
    expect(approvalChain('sick', 2, 1)).toEqual(['team_lead', 'department_director', 'center_director']);
    expect(approvalChain('business', 1, 1)).toEqual(['team_lead', 'department_director', 'center_director']);
    expect(approvalChain('personal', 1, 1, true)).toEqual(['department_director']); // a lead's own leave
  });

  it('leave.sick-certificate: due, overdue after the first day back, a gap when it covers less', () => {
    const base = { type: 'sick' as const, fromDate: '2026-12-10', toDate: '2026-12-11', sickCertificateFromDays: 1 };
    expect(certificateState({ ...base, certificate: null, today: '2026-12-12' })).toBe('due');
    expect(certificateState({ ...base, certificate: null, today: '2026-12-13' })).toBe('overdue');
    expect(certificateState({ ...base, certificate: { from: '2026-12-10', to: '2026-12-11' }, today: '2026-12-13' })).toBe('ok');
    expect(certificateState({ ...base, certificate: { from: '2026-12-10', to: '2026-12-10' }, today: '2026-12-13' })).toBe('gap');
    expect(certificateState({ ...base, type: 'personal', certificate: null, today: '2026-12-20' })).toBe('none');
  });

  it.each([
    ['late', 20, false, 'fail'],
    ['late', 19, false, 'pass'],
    ['away', 25, false, 'fail'],
    ['away', 25, true, 'pass'],
  ] as const)('leave.discipline: %s %i minutes (on approved leave: %s) → %s', (kind, minutes, onApprovedLeave, status) => {
    expect(checkDiscipline({ kind, minutes, onApprovedLeave, thresholds: { late: 20, away: 20 } }).status).toBe(status);
  });
});

describe('leave rules: invariants', () => {
  it('the last approver is the department director up to the policy limit and the center director beyond it', () => {
    fc.assert(
      fc.property(fc.constantFrom('personal', 'personal_special', 'sick', 'sick_emergency'), fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 5 }), (type, days, limit) => {
        const chain = approvalChain(type, days, limit);
        expect(chain[0]).toBe('team_lead'); // no skipping the first level
        expect(chain.at(-1)).toBe(days <= limit ? 'department_director' : 'center_director');
      }),
    );
  });
});
