import { fail, pass, type RuleCheck } from '../rules/check';
import type { FloorState } from '../handover/schemas';
import { MEETING_ITEMS, type DutyCounts, type DutyEntry, type Mark, type MeetingItem, type MeetingItems } from './schemas';

/** One record per team, day and shift: two desks opening the same roll call meet at one row. */
export const rollCallId = (teamId: string, date: string, shiftCode: string) => `rc:${teamId}:${date}:${shiftCode}`;
export const rollCallEntryId = (rollCallId: string, userId: string) => `${rollCallId}:${userId}`;
export const summaryId = (teamId: string, month: string) => `ds:${teamId}:${month}`;

/**
 * The mark the roll call suggests from where the floor has a person (the lead may change it): in (and away,
 * or already gone) is present unless they came late; on approved leave is leave; not in is absent.
 */
export function suggestedMark(state: FloorState, lateMinutes: number): Mark {
  switch (state) {
    case 'checkedIn':
    case 'away':
    case 'checkedOut':
      return lateMinutes > 0 ? 'late' : 'present';
    case 'late':
      return 'late';
    case 'onLeave':
      return 'leave';
    case 'due':
    case 'missing':
      return 'absent';
  }
}

/** handover.early-arrival: in at least `earlyArrivalMinutes` before the start, i.e. in time for the roll call; null when not in. */
export function inForRollCall(checkedInAt: string | null, start: string, earlyArrivalMinutes: number): boolean | null {
  if (!checkedInAt) return null;
  return Date.parse(start) - Date.parse(checkedInAt) >= earlyArrivalMinutes * 60_000;
}

/**
 * A roll call names only people due on that shift (or already on its record), and briefs only active issues
 * (qa.rollcall). A shift nobody is due on has no roll call.
 */
export function checkRollCall(o: { due: readonly string[]; recorded: readonly string[]; people: readonly string[]; briefed: readonly string[]; active: readonly string[] }): RuleCheck[] {
  const known = new Set([...o.due, ...o.recorded]);
  const stranger = o.people.find((p) => !known.has(p));
  const twice = o.people.find((p, i) => o.people.indexOf(p) !== i);
  const active = new Set(o.active);
  const stale = o.briefed.find((b) => !active.has(b));
  return [
    known.size === 0 ? fail('handover.early-arrival', { problem: 'noneDue' }) : stranger !== undefined ? fail('handover.early-arrival', { problem: 'notDue', userId: stranger }) : twice !== undefined ? fail('handover.early-arrival', { problem: 'twice', userId: twice }) : pass('handover.early-arrival'),
    stale !== undefined ? fail('qa.rollcall', { problem: 'notActive', issueId: stale }) : pass('qa.rollcall', { briefed: o.briefed.length }),
  ];
}

/** handover.meeting: every item filled or "nothing" chosen; someone attended; only people of the two shifts. */
export function checkMeeting(o: { items: MeetingItems; attendees: readonly { userId: string; present: boolean }[]; expected: readonly string[] }): { checks: RuleCheck[]; blank: MeetingItem[]; strangers: string[] } {
  const blank = MEETING_ITEMS.filter((k) => !o.items[k].nothing && o.items[k].text.trim() === '');
  const expected = new Set(o.expected);
  const strangers = o.attendees.filter((a) => !expected.has(a.userId)).map((a) => a.userId);
  const problem = blank.length ? 'blank' : strangers.length ? 'notOnShift' : !o.attendees.some((a) => a.present) ? 'noAttendees' : null;
  return { checks: [problem ? fail('handover.meeting', { problem }) : pass('handover.meeting')], blank, strangers };
}

/** A month of duty log in numbers: lines by kind, and how many shifts have any. */
export function dutyCounts(entries: readonly Pick<DutyEntry, 'kind' | 'date' | 'shiftCode'>[]): DutyCounts {
  const c: DutyCounts = { shifts: new Set(entries.map((e) => `${e.date}/${e.shiftCode}`)).size, entries: entries.length, event: 0, problem: 0, decision: 0, figure: 0 };
  for (const e of entries) c[e.kind] += 1;
  return c;
}

/** The first and last day of a month `YYYY-MM`. */
export function monthDays(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

/**
 * When a month's duty summary is due (report.monthly-quality: 每月汇总 … {dueDay} 日前交): day `dueDay` of the
 * month after it, since a month is summarized once it is over.
 */
export function summaryDue(month: string, dueDay: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  return `${next}-${String(dueDay).padStart(2, '0')}`;
}

/** The month before `today`'s: the one whose summary falls due this month. */
export function lastMonth(today: string): string {
  const [y, m] = today.slice(0, 7).split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/**
 * Whether to remind a duty lead of last month's summary: not saved yet, and due within `aheadDays` (or past
 * due). Null when there is nothing to remind of.
 */
export function summaryReminder(o: { today: string; dueDay: number; aheadDays: number; saved: boolean }): { month: string; due: string; daysLeft: number } | null {
  if (o.saved) return null;
  const month = lastMonth(o.today);
  const due = summaryDue(month, o.dueDay);
  const daysLeft = Math.round((Date.parse(`${due}T00:00:00Z`) - Date.parse(`${o.today}T00:00:00Z`)) / 86_400_000);
  return daysLeft <= o.aheadDays ? { month, due, daysLeft } : null;
}
