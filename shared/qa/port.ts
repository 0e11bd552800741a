import type { RowScope } from '../sync/scope-rules';
import type { Calibration, CalibrationScore } from './calibration-schemas';
import type { WeeklyRecord } from './report-schemas';
import type { Evaluation, Template } from './schemas';

/** A published weekly summary as stored (names joined in by the store). */
export type WeeklyRow = Omit<WeeklyRecord, 'publishedByName' | 'synced'>;

/** An evaluation as stored: the view without the names the store joins in. */
export type EvaluationRow = Omit<Evaluation, 'agentName' | 'inspectorName' | 'synced'>;

export interface QaPort {
  /** Published template versions (the built-in default is not stored). */
  templates(): Promise<Template[]>;
  putTemplate(t: Omit<Template, 'builtin'>): Promise<void>;
  get(id: string): Promise<Evaluation | null>;
  byCall(callId: string): Promise<Evaluation | null>;
  put(row: EvaluationRow): Promise<void>;
  /** In scope, newest first; optionally of some months / one agent. */
  list(o: { scope: RowScope; months?: readonly string[]; agentId?: string }): Promise<Evaluation[]>;
  /** Calibration sessions, newest first. */
  calibration(id: string): Promise<Calibration | null>;
  calibrations(): Promise<Calibration[]>;
  putCalibration(c: Calibration): Promise<void>;
  /** Calibration scores in scope, of some sessions (all when absent). */
  calibrationScores(o: { scope: RowScope; sessionIds?: readonly string[] }): Promise<CalibrationScore[]>;
  calibrationScore(id: string): Promise<CalibrationScore | null>;
  putCalibrationScore(s: CalibrationScore): Promise<void>;
  weeklyReport(id: string): Promise<WeeklyRecord | null>;
  putWeeklyReport(row: WeeklyRow): Promise<void>;
  /** In scope, newest week first; optionally one team's. */
  weeklyReports(o: { scope: RowScope; teamId?: string }): Promise<WeeklyRecord[]>;
}
