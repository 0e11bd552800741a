import type { DayInfo } from '../calendar/day-kind';
import { fail, pass, unknown, warn, type RuleCheck } from '../rules/check';
import { zonedToInstant } from '../roster/zoned-time';
import { dateInZone } from '../policy/zoned-date';
import type { LeaveLevel, LeaveType } from './schemas';

export interface LeaveShift {
  date: string;
  code: string;
  night: boolean;
  /** Start instant (ms). */
  start: number;
}

/** Everything the leave rules need, gathered by the handler from the store. */
export interface LeaveFacts {
  now: string;
  timeZone: string;
  policy: { ordinaryLeaveNoticeDays: number; specialLeaveNoticeHours: number; leaveDeptDirectorMaxDays: number; sickCertificateFromDays: number; nightLeaveRequestDeadline: string; holidayLeaveNoticeDays: number };
  type: LeaveType;
  fromDate: string;
  toDate: string;
  /** The person's shifts in the range, or unknown (another team's roster on this desk). */
  shifts: { known: boolean; list: readonly LeaveShift[] };
  days: readonly DayInfo[];
  filedByOwner: boolean;
  /** The person is a team lead: their chain starts at the department director. */
  requesterIsLead?: boolean;
  /** Dates in the range where the person works a swapped or pay-back shift of an approved swap. */
  swapDates: readonly string[];
  /** Other open or approved leave of the person overlapping the range. */
  overlapping: readonly { id: string; fromDate: string; toDate: string }[];
}

export const LEAVE_RULES = ['leave.advance', 'leave.in-person', 'leave.authority', 'leave.sick-certificate', 'leave.sick-emergency', 'leave.night-shift', 'leave.holiday', 'leave.business', 'swap.no-leave'] as const;

const DAY_MS = 86_400_000;
export const leaveDays = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS) + 1;

/**
 * leave.authority + leave.business + leave.chain: the levels a request climbs, one by one, up to the one
 * allowed to grant it (≤ N days: department director; longer, or business/study: center director).
 */
export function approvalChain(type: LeaveType, days: number, deptMaxDays: number, requesterIsLead = false): LeaveLevel[] {
  const chain: LeaveLevel[] = type === 'business' || days > deptMaxDays ? ['team_lead', 'department_director', 'center_director'] : ['team_lead', 'department_director'];
  // A team lead's own leave starts one level up: nobody approves their own request.
  return requesterIsLead ? chain.slice(1) : chain;
}

/** Judges one leave request against every `leave.*` rule that facts can decide (and swap.no-leave), in a fixed order. */
export function checkLeave(f: LeaveFacts): RuleCheck[] {
  const days = leaveDays(f.fromDate, f.toDate);
  const first = [...f.shifts.list].sort((a, b) => a.start - b.start)[0];
  const now = Date.parse(f.now);
  const checks: RuleCheck[] = [];

  // leave.advance / leave.late-request: in time, or only with a manager's approval.
  if (!f.shifts.known) checks.push(unknown('leave.advance'));
  else if (!first) checks.push(fail('leave.advance', { problem: 'noShifts', from: f.fromDate, to: f.toDate }));
  else if (first.start <= now) checks.push(fail('leave.advance', { problem: 'started', date: first.date }));
  else {
    // In minutes: the words say days or hours as people count them (提前 9 天，须提前 1 天).
    const aheadMinutes = Math.floor((first.start - now) / 60_000);
    const needMinutes = f.type === 'personal' ? f.policy.ordinaryLeaveNoticeDays * 1440 : f.type === 'personal_special' ? f.policy.specialLeaveNoticeHours * 60 : 0;
    const params: Record<string, string | number> = needMinutes === 0 ? { aheadMinutes, needMinutes, variant: 'noNotice' } : { aheadMinutes, needMinutes };
    checks.push(aheadMinutes >= needMinutes ? pass('leave.advance', params) : warn('leave.late-request', params));
  }

  const sick = f.type === 'sick' || f.type === 'sick_emergency';
  checks.push(f.filedByOwner ? pass('leave.in-person') : sick ? pass('leave.in-person', { variant: 'proxy' }) : fail('leave.in-person'));

  const chain = approvalChain(f.type, days, f.policy.leaveDeptDirectorMaxDays, f.requesterIsLead);
  checks.push(pass('leave.authority', { days, approver: chain[chain.length - 1]! }));
  if (f.type === 'business') checks.push(pass('leave.business'));

  if (f.type === 'sick') {
    const due = addDaysIso(f.toDate, 1);
    checks.push(days >= f.policy.sickCertificateFromDays ? pass('leave.sick-certificate', { variant: 'due', due, days }) : pass('leave.sick-certificate', { days }));
  }
  if (f.type === 'sick_emergency') checks.push(first && first.start > now ? pass('leave.sick-emergency') : f.shifts.known ? fail('leave.sick-emergency') : unknown('leave.sick-emergency'));

  // leave.night-shift: a special case only, requested before noon "that day". Our reading (DECISIONS.md): the
  // deadline is the last time-of-day deadline before the shift starts, so a night starting at 00:00 belongs,
  // for this rule, to the calendar day before — else the deadline would fall after the start and never refuse.
  const night = f.shifts.list.find((s) => s.night);
  if (night) {
    const nightDeadline = (day: string) => zonedToInstant(day, f.policy.nightLeaveRequestDeadline, f.timeZone);
    const deadlineDay = nightDeadline(night.date) < night.start ? night.date : addDaysIso(night.date, -1);
    const params = { date: night.date, deadline: f.policy.nightLeaveRequestDeadline, deadlineDay };
    checks.push(now < nightDeadline(deadlineDay) ? warn('leave.night-shift', params) : fail('leave.night-shift', params));
  }

  // leave.holiday (with swap.holiday's "staff on duty on a holiday"): a very special case, N days ahead.
  const holiday = f.days.find((d) => d.kind === 'holiday');
  if (holiday) {
    const ahead = Math.floor((Date.parse(`${holiday.date}T00:00:00Z`) - Date.parse(`${dateInZone(f.now, f.timeZone)}T00:00:00Z`)) / DAY_MS);
    const params = { date: holiday.date, holiday: holiday.holiday ?? '', days: f.policy.holidayLeaveNoticeDays };
    checks.push(ahead >= f.policy.holidayLeaveNoticeDays ? warn('leave.holiday', params) : fail('leave.holiday', params));
  }

  checks.push(f.swapDates.length ? fail('swap.no-leave', { date: f.swapDates[0]! }) : pass('swap.no-leave'));
  return checks;
}

function addDaysIso(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** leave.sick-certificate: what the person still owes, as of `today`. */
export function certificateState(o: { type: LeaveType; fromDate: string; toDate: string; certificate: { from: string; to: string } | null; sickCertificateFromDays: number; today: string }): 'none' | 'due' | 'overdue' | 'ok' | 'gap' {
  if (o.type !== 'sick' || leaveDays(o.fromDate, o.toDate) < o.sickCertificateFromDays) return 'none';
  if (o.certificate) return o.certificate.from <= o.fromDate && o.certificate.to >= o.toDate ? 'ok' : 'gap';
  return o.today > addDaysIso(o.toDate, 1) ? 'overdue' : 'due';
}

/** leave.discipline: lateness or time away of at least the threshold, without approved leave, is a violation. */
export function checkDiscipline(o: { kind: 'late' | 'away'; minutes: number; thresholds: { late: number; away: number }; onApprovedLeave: boolean }): RuleCheck {
  const threshold = o.kind === 'late' ? o.thresholds.late : o.thresholds.away;
  if (o.onApprovedLeave) return pass('leave.discipline', { variant: 'onLeave' });
  return o.minutes >= threshold ? fail('leave.discipline', { kind: o.kind, minutes: o.minutes, threshold }) : pass('leave.discipline', { minutes: o.minutes, threshold });
}
