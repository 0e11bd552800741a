import type { CallRecord } from './schemas';

/** Which calls a reader may see: their own, their team's, or the whole center. */
export type CallScope = { kind: 'agent'; agentId: string } | { kind: 'team'; teamId: string } | { kind: 'center' };

export interface CallQuery {
  scope: CallScope;
  from: string;
  to: string;
  q: string;
  limit: number;
}

/** Storage the calls domain needs; db/ implements it for SQLite and PostgreSQL alike. */
export interface CallsPort {
  exists(id: string): Promise<boolean>;
  insert(call: Omit<CallRecord, 'agentName' | 'synced'>): Promise<void>;
  get(id: string): Promise<CallRecord | null>;
  list(query: CallQuery): Promise<CallRecord[]>;
}
