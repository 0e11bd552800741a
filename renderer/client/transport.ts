import type { WireResult } from '../../shared/api/errors';
import type { DeskEvent } from '../../shared/api/events';

/** How the renderer reaches its backend: Electron IPC on the desktop, the loopback bridge in a browser. */
export interface Transport {
  readonly kind: 'ipc' | 'http';
  call(method: string, args: unknown, session?: string): Promise<WireResult<unknown>>;
  onEvent(cb: (e: DeskEvent) => void): () => void;
}
