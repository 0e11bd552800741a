import type { WireError } from '../../shared/api/errors';
import type { DeskEvent } from '../../shared/api/events';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/api/table';
import { httpTransport, takeBridgeToken } from './http-transport';
import { ipcTransport } from './ipc-transport';
import type { RecordingFile, Transport } from './transport';
import type { RecordingRecord } from '../../shared/recordings/schemas';

export class CallError extends Error {
  constructor(readonly wire: WireError) {
    super(wire.message);
    this.name = 'CallError';
  }
}

/** Picked once at start-up: the preload's bridge if present, else the loopback bridge. */
export function pickTransport(): Transport | null {
  if (window.desk) return ipcTransport(window.desk);
  const token = takeBridgeToken();
  return token ? httpTransport(token) : null;
}

export interface DeskClient {
  call<M extends MethodName>(method: M, args: MethodInput<M>): Promise<MethodOutput<M>>;
  onEvent(cb: (e: DeskEvent) => void): () => void;
  setSession(token: string | null): void;
  /** The session calls go out under (null when signed out). */
  session(): string | null;
  /** Hands a recording's file to the desk (which checks it, keeps it and uploads it); the new recording. */
  attachRecording(input: RecordingFile, onProgress?: (sent: number) => void): Promise<RecordingRecord>;
  /** A recording's bytes (the desk's spool copy or the server's). */
  readRecording(id: string): Promise<{ mime: string; bytes: ArrayBuffer }>;
}

const noRecordings = (): WireError => ({ code: 'unavailable', message: 'This desk cannot carry recordings' });

export function createDeskClient(transport: Transport, onUnauthenticated: () => void): DeskClient {
  let session: string | null = null;
  return {
    async call(method, args) {
      const r = await transport.call(method, args, session ?? undefined);
      if (r.ok) return r.value as never;
      if (r.error.code === 'unauthenticated' && method !== 'session.login') onUnauthenticated();
      throw new CallError(r.error);
    },
    onEvent: (cb) => transport.onEvent(cb),
    async attachRecording(input, onProgress) {
      const r = transport.attachRecording ? await transport.attachRecording(input, session ?? undefined, onProgress) : { ok: false as const, error: noRecordings() };
      if (r.ok) return r.value as RecordingRecord;
      if (r.error.code === 'unauthenticated') onUnauthenticated();
      throw new CallError(r.error);
    },
    async readRecording(id) {
      const r = transport.readRecording ? await transport.readRecording(id, session ?? undefined) : { ok: false as const, error: noRecordings() };
      if (r.ok) return r.value;
      if (r.error.code === 'unauthenticated') onUnauthenticated();
      throw new CallError(r.error);
    },
    setSession(token) {
      session = token;
    },
    session: () => session,
  };
}
