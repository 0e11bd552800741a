import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkMeeting, checkRollCall, dutyCounts, inForRollCall, lastMonth, monthDays, suggestedMark, summaryDue, summaryReminder } from '../../shared/briefing/rules';
import { DUTY_KINDS, MEETING_ITEMS, PublishIssueInputSchema, SaveRollCallInputSchema, LogDutyInputSchema, type MeetingItems } from '../../shared/briefing/schemas';
import { FLOOR_STATES } from '../../shared/handover/schemas';

const at = (hhmm: string) => new Date(`2026-03-11T${hhmm}:00+08:00`).toISOString();
const NOTHING = Object.fromEntries(MEETING_ITEMS.map((k) => [k, { nothing: true, text: '' }])) as MeetingItems;
const find = (checks: { ruleId: string; status: string; params: Record<string, unknown> }[], id: string) => checks.find((c) => c.ruleId === id);

describe('roll call: one case per rule ID (handover.early-arrival, qa.rollcall)', () => {
  const base = { due: ['u1', 'u2'], recorded: [] as string[], people: ['u1', 'u2'], briefed: ['i1'], active: ['i1', 'i2'] };
  it.each<[string, string, Partial<typeof base>, string, Record<string, unknown>?]>([
    ['handover.early-arrival', 'everyone due, once each', {}, 'pass'],
    ['handover.early-arrival', 'a person not due on the shift', { people: ['u1', 'u9'] }, 'fail', { problem: 'notDue', userId: 'u9' }],
    ['handover.early-arrival', 'a person named twice', { people: ['u1', 'u1'] }, 'fail', { problem: 'twice', userId: 'u1' }],
    ['handover.early-arrival', 'someone recorded earlier, no longer rostered (a swap since)', { due: ['u1'], recorded: ['u2'] }, 'pass'],
    ['handover.early-arrival', 'a shift nobody is due on', { due: [], people: [] }, 'fail', { problem: 'noneDue' }],
    ['qa.rollcall', 'briefing active issues', {}, 'pass', { briefed: 1 }],
    ['qa.rollcall', 'briefing nothing is allowed', { briefed: [] }, 'pass', { briefed: 0 }],
    ['qa.rollcall', 'a withdrawn or unknown issue', { briefed: ['i1', 'gone'] }, 'fail', { problem: 'notActive', issueId: 'gone' }],
  ])('%s: %s → %s', (rule, _label, patch, status, params) => {
    const c = find(checkRollCall({ ...base, ...patch }), rule);
    expect(c?.status).toBe(status);
    if (params) expect(c?.params).toMatchObject(params);
  });

  it.each<[string, number, string]>([
    ['checkedIn', 0, 'present'],
    ['checkedIn', 5, 'late'],
    ['late', 30, 'late'],
    ['away', 0, 'present'],
    ['checkedOut', 0, 'present'],
    ['onLeave', 0, 'leave'],
    ['missing', 0, 'absent'],
    ['due', 0, 'absent'],
  ])('the floor’s %s (late %i min) suggests %s', (state, late, mark) => {
    expect(suggestedMark(state as (typeof FLOOR_STATES)[number], late)).toBe(mark);
  });

  it.each<[string | null, boolean | null]>([
    [at('07:45'), true],
    [at('07:50'), true],
    [at('07:55'), false],
    [null, null],
  ])('handover.early-arrival: in at %s → in time for the 08:00 roll call: %s', (inAt, expected) => {
    expect(inForRollCall(inAt, at('08:00'), 10)).toBe(expected);
  });

  it('every floor state suggests a mark (property: total over the states and lateness)', () => {
    fc.assert(fc.property(fc.constantFrom(...FLOOR_STATES), fc.nat(600), (s, late) => ['present', 'late', 'absent', 'leave'].includes(suggestedMark(s, late))));
  });
});

describe('handover meeting: handover.meeting', () => {
  const attendees = [{ userId: 'out1', present: true }, { userId: 'in1', present: false }];
  it.each<[string, Parameters<typeof checkMeeting>[0], string, string | null]>([
    ['every item "nothing" on purpose, someone there', { items: NOTHING, attendees, expected: ['out1', 'in1'] }, 'pass', null],
    ['an item left blank (spaces only)', { items: { ...NOTHING, process: { nothing: false, text: '  ' } }, attendees, expected: ['out1', 'in1'] }, 'fail', 'blank'],
    ['someone from neither shift', { items: NOTHING, attendees: [...attendees, { userId: 'x', present: true }], expected: ['out1', 'in1'] }, 'fail', 'notOnShift'],
    ['nobody ticked present', { items: NOTHING, attendees: [{ userId: 'out1', present: false }], expected: ['out1'] }, 'fail', 'noAttendees'],
  ])('%s → %s', (_label, facts, status, problem) => {
    const j = checkMeeting(facts);
    expect(j.checks[0]).toMatchObject({ ruleId: 'handover.meeting', status, ...(problem ? { params: { problem } } : {}) });
  });

  it('names every blank item, so each field says what is missing', () => {
    const j = checkMeeting({ items: { ...NOTHING, business: { nothing: false, text: '' }, customers: { nothing: false, text: '' } }, attendees, expected: ['out1', 'in1'] });
    expect(j.blank).toEqual(['business', 'customers']);
  });
});

describe('duty log and monthly summary: report.monthly-quality', () => {
  it.each<[string, number, string]>([
    ['2026-02', 22, '2026-03-22'],
    ['2026-12', 22, '2027-01-22'],
    ['2026-03', 1, '2026-04-01'],
  ])('the %s summary with due day %i is due %s (the month after)', (month, day, due) => {
    expect(summaryDue(month, day)).toBe(due);
  });

  it.each<[string, boolean, number | null]>([
    ['2026-03-14', false, null],
    ['2026-03-15', false, 7],
    ['2026-03-17', false, 5],
    ['2026-03-22', false, 0],
    ['2026-03-25', false, -3],
    ['2026-03-17', true, null],
  ])('on %s (saved: %s) the reminder shows %s days left', (today, saved, daysLeft) => {
    const r = summaryReminder({ today, dueDay: 22, aheadDays: 7, saved });
    expect(r?.daysLeft ?? null).toBe(daysLeft);
    if (r) expect(r.month).toBe('2026-02');
  });

  it('counts lines by kind and shifts with any line', () => {
    expect(dutyCounts([
      { kind: 'problem', date: '2026-03-01', shiftCode: 'D' },
      { kind: 'figure', date: '2026-03-01', shiftCode: 'D' },
      { kind: 'event', date: '2026-03-01', shiftCode: 'E' },
    ])).toEqual({ shifts: 2, entries: 3, event: 1, problem: 1, decision: 0, figure: 1 });
  });

  it('counts add up: the kinds sum to the lines, shifts never exceed them (property)', () => {
    const line = fc.record({ kind: fc.constantFrom(...DUTY_KINDS), date: fc.constantFrom('2026-03-01', '2026-03-02'), shiftCode: fc.constantFrom('D', 'E', 'N') });
    fc.assert(
      fc.property(fc.array(line, { maxLength: 40 }), (lines) => {
        const c = dutyCounts(lines);
        return c.event + c.problem + c.decision + c.figure === c.entries && c.shifts <= Math.min(c.entries, 6);
      }),
    );
  });

  it('month bounds and the month before, across years and leap Februaries', () => {
    expect(monthDays('2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(monthDays('2026-02')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(lastMonth('2027-01-05')).toBe('2026-12');
  });
});

describe('validation: bad input is a field error, defaults are explicit', () => {
  it.each<[string, () => { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }, string]>([
    ['an issue without what was seen', () => PublishIssueInputSchema.safeParse({ id: crypto.randomUUID(), title: '语速快', seen: ' ', sayInstead: '放慢' }), 'seen'],
    ['an issue with an unknown criterion', () => PublishIssueInputSchema.safeParse({ id: crypto.randomUUID(), title: '语速快', seen: '快', sayInstead: '放慢', criterion: 'speed' }), 'criterion'],
    ['a roll call mark that is not one of the four', () => SaveRollCallInputSchema.safeParse({ date: '2026-03-11', teamId: 'team-a', shiftCode: 'D', people: [{ userId: 'u', mark: 'sick', remark: '' }], remarks: '', briefed: [] }), 'people.0.mark'],
    ['a duty line at 25:00', () => LogDutyInputSchema.safeParse({ id: crypto.randomUUID(), date: '2026-03-11', teamId: 'team-a', shiftCode: 'D', time: '25:00', kind: 'event', text: '巡场' }), 'time'],
    ['a blank duty line', () => LogDutyInputSchema.safeParse({ id: crypto.randomUUID(), date: '2026-03-11', teamId: 'team-a', shiftCode: 'D', time: '09:00', kind: 'event', text: '' }), 'text'],
  ])('%s → refused at %s', (_label, parse, path) => {
    const r = parse();
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path.join('.'))).toContain(path);
  });

  it('an issue published without a criterion has none (not a guessed one)', () => {
    expect(PublishIssueInputSchema.parse({ id: crypto.randomUUID(), title: '语速快', seen: '快', sayInstead: '放慢' }).criterion).toBeNull();
  });
});
