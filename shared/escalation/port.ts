import type { RowScope } from '../sync/scope-rules';
import type { Escalation, EscalationListQuery } from './schemas';
import type { Help, HelpRow } from './help';

/** A report as stored: the view without the names the store joins in. */
export type EscalationRow = Omit<Escalation, 'reporterName' | 'synced'>;

export interface EscalationPort {
  get(id: string): Promise<Escalation | null>;
  put(row: EscalationRow): Promise<void>;
  /** Every report in the reader's scope (the rows their pull holds), newest first. */
  list(scope: RowScope): Promise<Escalation[]>;
  /** The board's page in the reader's scope (EscalationListSchema): live ones whole, then settled ones after the cursor. */
  page(scope: RowScope, o: EscalationListQuery): Promise<Escalation[]>;
}

/** Raised hands (举手), stored beside the reports they may become. */
export interface HelpPort {
  get(id: string): Promise<Help | null>;
  put(row: HelpRow): Promise<void>;
  list(scope: RowScope): Promise<Help[]>;
}
