import type { RowScope } from '../sync/scope-rules';
import type { RevealRecord, ValueTag } from './schemas';

export interface CustomerRow {
  key: string;
  calls: number;
  lastCallAt: string;
  /** The latest call from the number. */
  ref: string;
  phone: string;
  /** The latest name given on a call from the number ('' if never). */
  name: string;
  valueTag: ValueTag | null;
}

export interface CustomersPort {
  /** Customers grouped from the calls in `callScope`, latest call first. */
  directory(o: { callScope: RowScope; q: string; offset: number; limit: number }): Promise<{ items: CustomerRow[]; total: number }>;
  /** Whether any call in scope came from this number. */
  known(callScope: RowScope, key: string): Promise<boolean>;
  tag(key: string): Promise<{ key: string; tag: ValueTag; taggedBy: string; taggedAt: string } | null>;
  putTag(t: { key: string; tag: ValueTag; taggedBy: string; taggedAt: string }): Promise<void>;
  tags(): Promise<{ key: string; tag: ValueTag; taggedBy: string; taggedAt: string }[]>;
  putReveal(r: RevealRecord): Promise<void>;
  reveals(scope: RowScope): Promise<RevealRecord[]>;
}
