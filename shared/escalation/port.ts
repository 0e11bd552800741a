import type { RowScope } from '../sync/scope-rules';
import type { Escalation } from './schemas';

/** A report as stored: the view without the names the store joins in. */
export type EscalationRow = Omit<Escalation, 'reporterName' | 'synced'>;

export interface EscalationPort {
  get(id: string): Promise<Escalation | null>;
  put(row: EscalationRow): Promise<void>;
  /** Every report in the reader's scope (the rows their pull holds), newest first. */
  list(scope: RowScope): Promise<Escalation[]>;
}
