import type { WireResult } from '../../shared/api/errors';
import type { DeskEvent } from '../../shared/api/events';

/** How the renderer reaches its backend: Electron IPC on the desktop, the loopback bridge in a browser. */
export interface Transport {
  readonly kind: 'ipc' | 'http';
  call(method: string, args: unknown, session?: string): Promise<WireResult<unknown>>;
  onEvent(cb: (e: DeskEvent) => void): () => void;
  /** A recording's file to the desk backend; `onProgress` hears the share sent (0–1). Optional: a test's stand-in may lack it. */
  attachRecording?(input: RecordingFile, session: string | undefined, onProgress?: (sent: number) => void): Promise<WireResult<unknown>>;
  /** A recording's bytes, whole (the player draws the waveform from them). */
  readRecording?(id: string, session: string | undefined): Promise<WireResult<{ mime: string; bytes: ArrayBuffer }>>;
}

export interface RecordingFile {
  callId: string;
  fileName: string;
  replaces?: string;
  file: Blob;
}
