import type { RowScope } from '../sync/scope-rules';
import type { CallRecord } from './schemas';

export interface CallQuery {
  /** The rows this reader may see: the same scope their desk's pull holds. */
  scope: RowScope;
  from: string;
  to: string;
  q: string;
  limit: number;
}

/** Storage the calls domain needs; db/ implements it for SQLite and PostgreSQL alike. */
export interface CallsPort {
  exists(id: string): Promise<boolean>;
  insert(call: Omit<CallRecord, 'agentName' | 'synced'> & { createdAt: string }): Promise<void>;
  get(id: string): Promise<CallRecord | null>;
  list(query: CallQuery): Promise<CallRecord[]>;
}
