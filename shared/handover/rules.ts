import { addDays } from '../calendar/day-kind';
import { fail, pass, unknown, warn, type RuleCheck } from '../rules/check';
import { checkDiscipline } from '../leave/rules';
import { shiftInterval, type ShiftTimes } from '../roster/shift-time';
import { LOG_CONTENTS_SECTIONS, LOG_SECTIONS, type FloorState, type LogSection, type Sections } from './schemas';

/**
 * Check-in opens this long before a shift starts. Not a rule of the center (the originals only ask for 10
 * minutes early): a bound that keeps "checked in for tomorrow" or "for last week" out (docs/DECISIONS.md).
 */
export const CHECK_IN_OPENS_MINUTES = 120;

/** One rostered shift as an interval (ms). */
export interface ShiftSlot {
  date: string;
  code: string;
  start: number;
  end: number;
}

const MIN = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();

export interface CheckInFacts {
  now: string;
  date: string;
  /** The person's shift that day (own, swapped-in or pay-back: the roster already says who works it). */
  shift: ShiftSlot | null;
  already: boolean;
  onApprovedLeave: boolean;
  policy: { earlyArrivalMinutes: number; lateThresholdMinutes: number; awayThresholdMinutes: number };
}

/**
 * duty.on-time decides whether a check-in stands at all (a shift of yours, once, near its time); the rest
 * only describe it: handover.early-arrival (in time for the roll call), lateness, and leave.discipline —
 * whose "fail" here is not a refusal but the violation the check-in records.
 */
export function judgeCheckIn(f: CheckInFacts): { checks: RuleCheck[]; lateMinutes: number; violation: boolean } {
  const now = Date.parse(f.now);
  const refuse = (params: RuleCheck['params']) => ({ checks: [fail('duty.on-time', { date: f.date, ...params })], lateMinutes: 0, violation: false });
  if (!f.shift) return refuse({ problem: 'noShift' });
  if (f.already) return refuse({ problem: 'twice' });
  if (now < f.shift.start - CHECK_IN_OPENS_MINUTES * MIN) return refuse({ problem: 'tooEarly', start: iso(f.shift.start), opensMinutes: CHECK_IN_OPENS_MINUTES });
  if (now >= f.shift.end) return refuse({ problem: 'ended' });
  const lateMinutes = Math.max(0, Math.floor((now - f.shift.start) / MIN));
  const aheadMinutes = Math.max(0, Math.floor((f.shift.start - now) / MIN));
  const checks: RuleCheck[] = [
    lateMinutes > 0 ? warn('duty.on-time', { lateMinutes }) : pass('duty.on-time'),
    aheadMinutes >= f.policy.earlyArrivalMinutes ? pass('handover.early-arrival', { aheadMinutes }) : warn('handover.early-arrival', { needMinutes: f.policy.earlyArrivalMinutes }),
  ];
  if (lateMinutes === 0) return { checks, lateMinutes, violation: false };
  const discipline = checkDiscipline({ kind: 'late', minutes: lateMinutes, thresholds: { late: f.policy.lateThresholdMinutes, away: f.policy.awayThresholdMinutes }, onApprovedLeave: f.onApprovedLeave });
  return { checks: [...checks, discipline], lateMinutes, violation: discipline.status === 'fail' };
}

export interface CheckOutFacts {
  now: string;
  date: string;
  shift: ShiftSlot | null;
  attendance: { checkedOutAt: string | null } | null;
  /** A lead's release for the day, with its reason. */
  release: { reason: string } | null;
  /** Who is rostered on the next shift of the same team, and who of them has checked in; known: this store holds them. */
  incoming: { known: boolean; rostered: readonly string[]; checkedIn: readonly string[] };
  policy: { earlyArrivalMinutes: number };
}

/** duty.on-time (not before the shift is over, unless released) and handover.outgoing-waits. */
export function judgeCheckOut(f: CheckOutFacts): RuleCheck[] {
  if (!f.attendance || !f.shift) return [fail('duty.on-time', { problem: 'notCheckedIn', date: f.date })];
  if (f.attendance.checkedOutAt) return [fail('duty.on-time', { problem: 'checkedOut', date: f.date })];
  if (f.release) return [pass('duty.on-time', { variant: 'released', reason: f.release.reason }), pass('handover.outgoing-waits', { variant: 'released', reason: f.release.reason })];
  const now = Date.parse(f.now);
  // The handover overlaps the shift's last minutes: the incoming colleague arrives early for it.
  const onTime = now >= f.shift.end - f.policy.earlyArrivalMinutes * MIN ? pass('duty.on-time', { variant: 'leaving' }) : fail('duty.on-time', { problem: 'early', end: iso(f.shift.end) });
  const waits = !f.incoming.known
    ? unknown('handover.outgoing-waits')
    : f.incoming.rostered.length === 0
      ? fail('handover.outgoing-waits', { problem: 'noIncoming' })
      : f.incoming.checkedIn.length === 0
        ? fail('handover.outgoing-waits', { problem: 'notArrived', names: f.incoming.rostered.join('、') })
        : pass('handover.outgoing-waits');
  return [onTime, waits];
}

/** Required sections: a blank one is refused; "nothing to report" has to be chosen (handover.log-contents, handover.meeting). */
export function checkLogSections(s: Sections): { checks: RuleCheck[]; blank: LogSection[] } {
  const blank = LOG_SECTIONS.filter((k) => !s[k].nothing && s[k].text.trim() === '');
  const contents = blank.filter((k) => LOG_CONTENTS_SECTIONS.includes(k));
  const meeting = blank.filter((k) => !LOG_CONTENTS_SECTIONS.includes(k));
  return {
    blank,
    checks: [contents.length ? fail('handover.log-contents', { problem: 'blank' }) : pass('handover.log-contents'), meeting.length ? fail('handover.meeting', { problem: 'blank' }) : pass('handover.meeting')],
  };
}

/** Where a rostered person stands on the floor at `now`. */
export function floorState(o: { now: number; start: number; attendance: { checkedOutAt: string | null; lateMinutes: number } | null; onLeave: boolean; awayAllowed?: boolean }): FloorState {
  // Allowed away and not back yet: away from the desk, whatever the check-in said (duty.no-leaving-post).
  if (o.awayAllowed && !o.attendance?.checkedOutAt) return 'away';
  if (o.attendance) return o.attendance.checkedOutAt ? 'checkedOut' : o.attendance.lateMinutes > 0 ? 'late' : 'checkedIn';
  if (o.onLeave) return 'onLeave';
  return o.now < o.start ? 'due' : 'missing';
}

/** The shift that takes over from one: the shift type starting the instant this one ends (that day or the next). */
export function nextShift(types: readonly (ShiftTimes & { code: string })[], slot: ShiftSlot, timeZone: string): { code: string; date: string } | null {
  for (const date of [slot.date, addDays(slot.date, 1)])
    for (const t of types) if (shiftInterval(date, t, timeZone).start === slot.end) return { code: t.code, date };
  return null;
}
