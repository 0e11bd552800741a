import type { RowScope } from '../sync/scope-rules';
import type { Attendance, HandoverLog, Release, Sections } from './schemas';
import type { NoticeRead } from './notices';
import type { Away } from './away';

export interface AttendanceRow {
  id: string;
  userId: string;
  teamId: string | null;
  date: string;
  shiftCode: string;
  checkedInAt: string;
  lateMinutes: number;
  violationId: string | null;
  checkedOutAt: string | null;
  ruleIds: string[];
}

export interface HandoverLogRow {
  id: string;
  teamId: string | null;
  date: string;
  fromShift: string;
  toShift: string;
  toDate: string;
  writtenBy: string;
  writtenAt: string;
  sections: Sections;
  ackedBy: string | null;
  ackedAt: string | null;
  corrections: { by: string; at: string; text: string }[];
}

export interface NoticeRow {
  id: string;
  kind: 'business' | 'offer' | 'urgent';
  title: string;
  body: string;
  publishedBy: string;
  publishedAt: string;
}

export interface HandoverPort {
  /** One person's attendance on a day (their shift that day), or null before they check in. */
  attendance(userId: string, date: string): Promise<Attendance | null>;
  putAttendance(row: AttendanceRow): Promise<void>;
  /** Attendance of everyone on a day this store holds (the floor filters by team). */
  attendanceOn(date: string): Promise<Attendance[]>;
  addRelease(r: Omit<Release, 'releasedByName'>): Promise<void>;
  /** Releases of a person (null: everyone) on a day. */
  releasesOn(date: string, userId: string | null): Promise<Release[]>;
  log(id: string): Promise<(HandoverLog & { row: HandoverLogRow }) | null>;
  putLog(row: HandoverLogRow): Promise<void>;
  /** Rows in the reader's scope (what their pull holds) from a date on. */
  listAttendance(o: { scope: RowScope; from: string }): Promise<Attendance[]>;
  listReleases(o: { scope: RowScope; from: string }): Promise<Release[]>;
  listLogs(o: { scope: RowScope; from: string }): Promise<HandoverLog[]>;
  notice(id: string): Promise<(NoticeRow & { publishedByName: string }) | null>;
  putNotice(n: NoticeRow): Promise<void>;
  /** Notices published on or after a day, newest first. */
  notices(from: string): Promise<(NoticeRow & { publishedByName: string })[]>;
  /** Every receipt of one notice this store holds. */
  noticeReads(noticeId: string): Promise<NoticeRead[]>;
  addNoticeRead(r: Omit<NoticeRead, 'userName'>): Promise<void>;
  listNoticeReads(o: { scope: RowScope }): Promise<NoticeRead[]>;
  away(id: string): Promise<Away | null>;
  putAway(a: Omit<Away, 'userName'>): Promise<void>;
  /** Times away of a day (one person's, or everyone's this store holds). */
  awayOn(date: string, userId: string | null): Promise<Away[]>;
  /** The person's time away not yet closed (asked or allowed, not back), if any. */
  openAway(userId: string): Promise<Away | null>;
  listAway(o: { scope: RowScope; from: string }): Promise<Away[]>;
}
