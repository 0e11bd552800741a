import type { RowScope } from '../sync/scope-rules';
import type { DutyEntry, Issue, Meeting, RollCall, RollCallEntry, Summary } from './schemas';

/** Rows as stored: the views without the names the store joins in or the counts handlers add. */
export type IssueRow = Omit<Issue, 'publishedByName' | 'briefed' | 'lastBriefed'>;
export type RollCallRow = Omit<RollCall, 'takenByName' | 'revisedByName' | 'synced'>;
export type RollCallEntryRow = Omit<RollCallEntry, 'userName'>;
export type MeetingRow = Omit<Meeting, 'heldByName' | 'corrections' | 'synced'> & { corrections: { by: string; at: string; text: string }[] };
export type DutyEntryRow = Omit<DutyEntry, 'writtenByName' | 'synced'>;
export type SummaryRow = Omit<Summary, 'writtenByName' | 'synced'>;

export interface BriefingPort {
  issue(id: string): Promise<(IssueRow & { publishedByName: string }) | null>;
  putIssue(row: IssueRow): Promise<void>;
  /** Every issue this store holds, newest first. */
  issues(): Promise<(IssueRow & { publishedByName: string })[]>;

  rollCall(id: string): Promise<RollCall | null>;
  putRollCall(row: RollCallRow): Promise<void>;
  rollCallEntries(rollCallId: string): Promise<RollCallEntry[]>;
  putRollCallEntry(row: RollCallEntryRow): Promise<void>;
  /** Roll calls in a scope from a day on, newest first (scope: what the reader's pull holds). */
  listRollCalls(o: { scope: RowScope; from: string }): Promise<RollCall[]>;
  listRollCallEntries(o: { scope: RowScope; from: string }): Promise<RollCallEntry[]>;

  meeting(id: string): Promise<(Meeting & { row: MeetingRow }) | null>;
  putMeeting(row: MeetingRow): Promise<void>;
  listMeetings(o: { scope: RowScope; from: string }): Promise<Meeting[]>;

  putDutyEntry(row: DutyEntryRow): Promise<void>;
  dutyEntry(id: string): Promise<DutyEntry | null>;
  /** A team's duty-log lines between two days (inclusive), optionally of one shift, in time order. */
  dutyEntries(o: { teamId: string; from: string; to: string; shiftCode?: string }): Promise<DutyEntry[]>;
  listDutyEntries(o: { scope: RowScope; from: string }): Promise<DutyEntry[]>;

  summary(id: string): Promise<Summary | null>;
  putSummary(row: SummaryRow): Promise<void>;
  listSummaries(o: { scope: RowScope; from: string }): Promise<Summary[]>;
}
