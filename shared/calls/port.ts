import type { RowScope } from '../sync/scope-rules';
import type { CallCursor, CallHistoryFilter } from './history-schemas';
import type { CallRecord } from './schemas';

export interface CallQuery {
  /** The rows this reader may see: the same scope their desk's pull holds. */
  scope: RowScope;
  from: string;
  to: string;
  q: string;
  limit: number;
  /** Search summary and outcome only (a reader who sees numbers and names masked). */
  textOnly?: boolean;
}

/** The history's filters over a reader's scope, after a cursor when paging by keys. */
export interface CallFilterQuery {
  scope: RowScope;
  from: string;
  to: string;
  agentId?: string;
  teamId?: string;
  category?: CallRecord['category'];
  outcome: string;
  followUp: 'any' | 'yes' | 'no';
  q: string;
  /** Search summary and outcome only (a reader who sees numbers and names masked). */
  textOnly?: boolean;
  after?: CallCursor;
}

/** Storage the calls domain needs; db/ implements it for SQLite and PostgreSQL alike. */
export interface CallsPort {
  exists(id: string): Promise<boolean>;
  /** Writes a new call; false (and nothing written) when a call with its id exists. */
  insert(call: Omit<CallRecord, 'agentName' | 'synced'> & { createdAt: string; phoneKey: string }): Promise<boolean>;
  get(id: string, scope?: RowScope): Promise<CallRecord | null>;
  list(query: CallQuery): Promise<CallRecord[]>;
  /** One page of the filtered history, newest first, and how many match in all. */
  page(query: CallHistoryFilter & { scope: RowScope; textOnly?: boolean }): Promise<{ items: CallRecord[]; total: number }>;
  /** One page by keys, newest first, the cursor of the next, and the matches counted up to `countCap`. */
  search(query: CallFilterQuery & { limit: number; countCap: number }): Promise<{ items: CallRecord[]; next: CallCursor | null; total: number; capped: boolean }>;
  /** Category, start and follow-up flag of every call in scope started in [from, to): the dashboard's raw figures. */
  facts(query: { scope: RowScope; from: string; to: string }): Promise<{ category: CallRecord['category']; startedAt: string; followUp: boolean }[]>;
  /** Calls whose number has this key, newest first, and their count. */
  byPhoneKey(query: { scope: RowScope; key: string; excludeId?: string; limit: number }): Promise<{ items: CallRecord[]; total: number }>;
}
