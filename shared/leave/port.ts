import type { RowScope } from '../sync/scope-rules';
import type { Certificate, Leave, LeaveLevel, LeaveStatus, LeaveType } from './schemas';

export interface LeaveRow {
  id: string;
  userId: string;
  teamId: string | null;
  type: LeaveType;
  fromDate: string;
  toDate: string;
  reason: string;
  filedBy: string;
  status: LeaveStatus;
  approvals: { level: LeaveLevel; by: string; at: string }[];
  flags: string[];
  certificate: Certificate | null;
  decisionRules: string[];
  note: string;
  createdAt: string;
  updatedAt: string;
  /** Acted on a desk long offline: when (approvers see "done offline at …"). */
  actedOfflineAt: string | null;
}

export interface Violation {
  id: string;
  userId: string;
  userName: string;
  teamId: string | null;
  date: string;
  kind: 'late' | 'away';
  minutes: number;
  note: string;
  ruleIds: string[];
  recordedBy: string;
  createdAt: string;
}

export interface LeavePort {
  addViolation(v: Omit<Violation, 'userName'>): Promise<void>;
  /** Records in the reader's scope (the rows their pull holds) from a date on. */
  violations(o: { scope: RowScope; from: string }): Promise<Violation[]>;
  get(id: string): Promise<(Leave & { row: LeaveRow }) | null>;
  put(row: LeaveRow): Promise<void>;
  /** Open or approved leave of a person overlapping [from, to]. */
  overlapping(userId: string, from: string, to: string): Promise<{ id: string; fromDate: string; toDate: string }[]>;
  /** Approved leave of a person covering a day. */
  approvedOn(userId: string, date: string): Promise<boolean>;
  /** Approved leave touching [from, to], of one team or all: who is away on which days (the roster grid marks them). */
  approvedBetween(o: { teamId: string | null; from: string; to: string }): Promise<{ userId: string; fromDate: string; toDate: string }[]>;
  /**
   * Requests in the reader's scope: every one touching [from, to] (none when `after` is given), then open ones
   * outside it, soonest first by (fromDate, id), at most `limit`, after the keyset cursor `after`.
   */
  list(o: { scope: RowScope; from: string; to: string; limit: number; after?: { fromDate: string; id: string } }): Promise<(Leave & { row: LeaveRow })[]>;
}
