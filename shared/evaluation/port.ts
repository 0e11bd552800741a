import type { RowScope } from '../sync/scope-rules';
import type { Incident } from './schemas';

/** One unit's month as stored (the indicators are computed when read, under the period's policy). */
export interface EvaluationRow {
  id: string;
  teamId: string;
  month: string;
  surveyScale: number;
  surveyCounts: number[];
  complaintSource: 'workorders' | 'manual';
  complaints: number;
  complaintsResolved: number;
  suggestions: number;
  suggestionsResolved: number;
  plansRated: number;
  plansSatisfied: number;
  incidents: Incident[];
  enteredBy: string;
  enteredByName: string;
  updatedAt: string;
  synced: boolean;
}

export interface EvaluationPort {
  get(id: string): Promise<EvaluationRow | null>;
  put(row: Omit<EvaluationRow, 'enteredByName' | 'synced'>): Promise<void>;
  /** In scope, months within [fromMonth, toMonth], by month then team. */
  list(o: { scope: RowScope; fromMonth: string; toMonth: string; teamId?: string }): Promise<EvaluationRow[]>;
}
