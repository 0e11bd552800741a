import type { Actor } from '../auth/roles';
import { fail, pass, type RuleCheck } from '../rules/check';
import type { AnswerStatus } from './schemas';

/** The ISO-8601 week of a calendar day (the meeting's week as people name it: 2026-W11). */
export function isoWeek(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const day = new Date(Date.UTC(y, m - 1, d));
  const weekday = day.getUTCDay() || 7;
  // The Thursday of the same week decides the year the week belongs to.
  day.setUTCDate(day.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(day.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((day.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${day.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/** meeting.weekly: an answer comes from a meeting that has been held (its date is not after today in the center). */
export function checkMeetingDate(meetingDate: string, today: string): RuleCheck {
  return meetingDate > today ? fail('meeting.weekly', { problem: 'future', date: meetingDate }) : pass('meeting.weekly', { week: isoWeek(meetingDate) });
}

/**
 * meeting.weekly: who may change what the meeting agreed. A director may revise or withdraw any answer; a lead
 * only their own (another team's lead asks its publisher or a director). A withdrawn answer is history.
 */
export function checkMayChange(actor: Pick<Actor, 'userId' | 'role'>, a: { publishedBy: string; status: AnswerStatus; meetingWeek: string }): RuleCheck {
  if (a.status === 'withdrawn') return fail('meeting.weekly', { problem: 'withdrawn' });
  if (actor.role === 'team_lead' && a.publishedBy !== actor.userId) return fail('meeting.weekly', { problem: 'notYours' });
  return pass('meeting.weekly', { week: a.meetingWeek });
}
