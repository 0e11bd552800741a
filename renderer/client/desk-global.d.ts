import type { WireResult } from '../../shared/api/errors';
import type { DeskEvent } from '../../shared/api/events';

/** What electron/preload exposes, and nothing more. */
export interface DeskBridge {
  call(method: string, args: unknown, session?: string): Promise<WireResult<unknown>>;
  on(event: 'changed', cb: (e: DeskEvent) => void): () => void;
}

declare global {
  interface Window {
    desk?: DeskBridge;
  }
}
