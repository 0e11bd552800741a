import { POLICY_DEFAULTS } from '../policy/defaults';
import { dateInZone } from '../policy/zoned-date';
import type { SyncedTable } from './registry';

/**
 * How far back in time a desk holds the tables that grow with the center's history (docs/DECISIONS.md, "Sync
 * windows"): calls of the last 31 days (this whole month, the week's and the month's figures, follow-ups);
 * roster days and QA evaluations from the first day of the previous month on (the month just closed, this one
 * and all that is planned ahead). Each window has a lower bound only, so as time passes rows only ever leave
 * it: none is missed by a desk that pulled before it entered. Older history is asked of the server.
 */
export const CALL_WINDOW_DAYS = 31;

export interface SyncWindow {
  table: SyncedTable;
  column: string;
  /** Rows with `column` at or after this value (an ISO instant, a date or a month, as the column holds). */
  from: string;
}

/** Changes whenever the policy above does: a desk's cookie from another policy starts over (a reset). */
export const WINDOW_POLICY_KEY = `w:c${CALL_WINDOW_DAYS}d.r1m.q1m`;

/** The windows at `now` (the server's clock, in the center's time zone). */
export function syncWindows(now: Date): SyncWindow[] {
  const today = dateInZone(now, POLICY_DEFAULTS.timezone);
  const [y, m] = today.split('-').map(Number) as [number, number];
  const prev = m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
  return [
    { table: 'calls', column: 'started_at', from: new Date(now.getTime() - CALL_WINDOW_DAYS * 86_400_000).toISOString() },
    { table: 'roster', column: 'date', from: `${prev}-01` },
    { table: 'qa_evaluations', column: 'month', from: prev },
  ];
}
