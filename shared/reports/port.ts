import type { RowScope } from '../sync/scope-rules';
import type { Meeting, Report } from './schemas';

/** A report as stored: the view without the author's name the store joins in and the flags it adds. */
export type ReportRow = Omit<Report, 'authorName' | 'synced' | 'saved'>;
/** A meeting as stored (names of the people rewarded or penalised are kept as they were that day). */
export type MeetingRow = Omit<Meeting, 'synced'>;

export interface ReportsPort {
  get(id: string, scope?: RowScope): Promise<Report | null>;
  put(row: ReportRow): Promise<void>;
  /** In scope, newest period first; periods compared as text (a day or a month). */
  list(o: { scope: RowScope; kind?: Report['kind']; teamId?: string; periodFrom?: string; periodTo?: string }): Promise<Report[]>;
}

export interface MeetingsPort {
  get(id: string): Promise<Meeting | null>;
  put(row: MeetingRow): Promise<void>;
  /** Newest month first. */
  list(): Promise<Meeting[]>;
}
