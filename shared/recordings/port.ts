import type { RowScope } from '../sync/scope-rules';
import type { RecordingRecord, RecordingState } from './schemas';

export type RecordingRow = Omit<RecordingRecord, 'uploaderName' | 'synced'>;

/** Storage the recordings domain needs. */
export interface RecordingsPort {
  get(id: string, scope?: RowScope): Promise<RecordingRecord | null>;
  /** A call's recordings, the current one first; without a call, the newest in scope. */
  list(q: { callId?: string; scope?: RowScope; limit?: number }): Promise<RecordingRecord[]>;
  put(row: RecordingRow): Promise<void>;
  markReplaced(id: string, by: string): Promise<void>;
  /** Whether this store holds the bytes with this hash (the server, a standalone desk): then a new row is stored at once. */
  hasContent(sha256: string): Promise<boolean>;
  setState(id: string, state: RecordingState): Promise<void>;
}
