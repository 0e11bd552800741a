import type { WireError } from '../../shared/api/errors';
import type { DeskEvent } from '../../shared/api/events';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/api/table';
import { httpTransport, takeBridgeToken } from './http-transport';
import { ipcTransport } from './ipc-transport';
import type { Transport } from './transport';

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
}

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
    setSession(token) {
      session = token;
    },
  };
}
