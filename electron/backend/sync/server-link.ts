import WebSocket from 'ws';
import type { WireError } from '../../../shared/api/errors';
import type { MethodInput, MethodName, MethodOutput } from '../../../shared/api/table';
import type { PullRequest, PullResponse, PushRequest, PushResponse } from '../../../shared/sync/protocol';

/** The server could not be reached (or answered 5xx): try again later, lose nothing. */
export class OfflineError extends Error {}
/** The server answered with a 4xx: `wire` says why. */
export class ServerRefused extends Error {
  constructor(
    readonly status: number,
    readonly wire: WireError,
  ) {
    super(wire.message);
  }
}

export interface ServerLink {
  readonly url: string;
  login(username: string, password: string): Promise<MethodOutput<'session.login'>>;
  push(token: string, body: PushRequest): Promise<PushResponse>;
  pull(token: string, body: PullRequest): Promise<PullResponse>;
  /** One method on the server's API, for work only the server may do (accounts). */
  call<M extends MethodName>(token: string, method: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
  /** Calls `onPoke` whenever the server says something in scope changed; reconnects by itself. */
  listen(token: string, onPoke: () => void): () => void;
}

const TIMEOUT_MS = 15_000;

export function httpServerLink(baseUrl: string): ServerLink {
  const url = baseUrl.replace(/\/+$/, '');
  async function post<T>(path: string, body: unknown, token?: string): Promise<T> {
    let res: Response;
    try {
      res = await fetch(`${url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (err) {
      throw new OfflineError(err instanceof Error ? err.message : String(err));
    }
    if (res.status >= 500) throw new OfflineError(`server answered ${res.status}`);
    const json = (await res.json().catch(() => null)) as { ok?: boolean; value?: unknown; error?: WireError } | null;
    if (res.status >= 400) throw new ServerRefused(res.status, json?.error ?? { code: 'bad_request', message: `HTTP ${res.status}` });
    return (path.startsWith('/api/v1/') ? json?.value : json) as T;
  }

  return {
    url,
    login: (username, password) => post('/api/v1/session.login', { username, password }),
    push: (token, body) => post('/api/sync/push', body, token),
    pull: (token, body) => post('/api/sync/pull', body, token),
    call: (token, method, input) => post(`/api/v1/${method}`, input, token),
    listen(token, onPoke) {
      let ws: WebSocket | null = null;
      let stopped = false;
      let delay = 500;
      const connect = () => {
        ws = new WebSocket(`${url.replace(/^http/, 'ws')}/api/sync/poke?token=${encodeURIComponent(token)}`);
        ws.on('open', () => {
          delay = 500;
          onPoke(); // Anything missed while disconnected.
        });
        ws.on('message', () => onPoke());
        ws.on('error', () => undefined);
        ws.on('close', () => {
          if (stopped) return;
          setTimeout(connect, delay).unref();
          delay = Math.min(delay * 2, 10_000);
        });
      };
      connect();
      return () => {
        stopped = true;
        ws?.terminate();
      };
    },
  };
}
