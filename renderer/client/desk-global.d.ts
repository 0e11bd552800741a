import type { WireResult } from '../../shared/api/errors';
import type { DeskEvent } from '../../shared/api/events';

/** What electron/preload exposes, and nothing more. */
export interface DeskBridge {
  call(method: string, args: unknown, session?: string): Promise<WireResult<unknown>>;
  on(event: 'changed', cb: (e: DeskEvent) => void): () => void;
  /** A recording's file handed to the desk backend (one code path with the web bridge's POST /recordings). */
  attachRecording(input: { callId: string; fileName: string; replaces?: string; bytes: Uint8Array }, session?: string): Promise<WireResult<unknown>>;
  /** A recording's bytes, from this desk's spool or from the server. */
  readRecording(id: string, session?: string): Promise<WireResult<{ mime: string; bytes: Uint8Array }>>;
}

declare global {
  interface Window {
    desk?: DeskBridge;
  }
}
