import WebSocket from 'ws';
import type { WireError } from '../../../shared/api/errors';
import type { MethodInput, MethodName, MethodOutput } from '../../../shared/api/table';
import { streamFromServer, uploadToServer, type ServerStream } from '../recordings/server-bytes';
import type { PullRequest, PullResponse, PushRequest, PushResponse } from '../../../shared/sync/protocol';

/**
 * The server could not be reached (or answered 5xx): try again later, lose nothing. `serverError`: it was
 * reached but failed (5xx), so retries back off further than for a network that is simply gone.
 */
export class OfflineError extends Error {
  constructor(
    message: string,
    readonly serverError = false,
  ) {
    super(message);
  }
}
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
  /** As the desk signs someone in: the desk's id binds the token to this desk. */
  login(credentials: { username: string; password: string; deskId: string }): Promise<MethodOutput<'session.login'>>;
  push(token: string, body: PushRequest): Promise<PushResponse>;
  pull(token: string, body: PullRequest): Promise<PullResponse>;
  /** One method on the server's API, for work only the server may do (accounts). */
  call<M extends MethodName>(token: string, method: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
  /** PUT a recording's bytes (server-bytes.ts); optional so a test's stand-in link may leave it out. */
  uploadRecording?(token: string, id: string, bytes: Uint8Array): Promise<void>;
  /** GET a recording's bytes, the Range passed on. */
  streamRecording?(token: string, id: string, range: string | undefined): Promise<ServerStream>;
  /**
   * Is the server there? GET /api/health with a short timeout; throws OfflineError if not. Optional so a
   * test's stand-in link may leave it out (the engine then takes "no error" for reachable).
   */
  health?(): Promise<ServerHealth>;
  /**
   * Calls `onPoke` whenever the server says something in scope changed; reconnects by itself. `socket`
   * hears when the socket comes up, when one that was up goes down, and when the server refuses the
   * token (then it stops trying).
   */
  listen(token: string, onPoke: () => void, socket?: PokeSocketEvents): () => void;
}

export interface PokeSocketEvents {
  up?(): void;
  down?(): void;
  refused?(): void;
}

/** What GET /api/health answers; `centerId` names the center (absent from older servers). */
export interface ServerHealth {
  status: string;
  engine?: string;
  version?: string;
  centerId?: string;
}

/** A reachability probe, and a new connection's first contact, give up after this. */
export const PROBE_TIMEOUT_MS = 3_000;
/** Once the server has just answered, a push or pull page may take this long (large pages, busy server). */
export const REQUEST_TIMEOUT_MS = 30_000;
/** A request within this long of the server's last answer skips the probe. */
const FRESH_MS = 5_000;
/** Poke socket: reconnect after 0.5 s, doubling, never waiting more than this (server back within seconds). */
export const RECONNECT_MAX_MS = 2_000;
/** Poke socket heartbeat: a ping every this often; no pong by the next one and the socket is dropped. */
export const HEARTBEAT_MS = 5_000;

export function httpServerLink(baseUrl: string): ServerLink {
  const url = baseUrl.replace(/\/+$/, '');
  // When the server last answered (0: not since the last failure). A request after a quiet spell probes
  // first, so an unreachable server costs ~3 s, not the long timeout a big pull is allowed.
  let lastAnswerAt = 0;

  async function health(): Promise<ServerHealth> {
    let res: Response;
    try {
      res = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
    } catch (err) {
      lastAnswerAt = 0;
      throw new OfflineError(err instanceof Error ? err.message : String(err));
    }
    const json = (await res.json().catch(() => null)) as ServerHealth | null;
    if (!res.ok || json?.status !== 'ok') {
      lastAnswerAt = 0;
      throw new OfflineError(`server health answered ${res.status}`);
    }
    lastAnswerAt = Date.now();
    return json;
  }

  async function post<T>(path: string, body: unknown, token?: string): Promise<T> {
    if (Date.now() - lastAnswerAt > FRESH_MS) await health();
    let res: Response;
    let json: { ok?: boolean; value?: unknown; error?: WireError } | null;
    try {
      res = await fetch(`${url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      // Read under the same timeout: a body that stops halfway is a network failure, not an empty answer.
      json = (await res.json().catch(() => null)) as typeof json;
    } catch (err) {
      lastAnswerAt = 0;
      throw new OfflineError(err instanceof Error ? err.message : String(err));
    }
    if (res.status >= 500) {
      lastAnswerAt = 0;
      throw new OfflineError(`server answered ${res.status}`, true);
    }
    if (res.status >= 400) {
      lastAnswerAt = Date.now();
      throw new ServerRefused(res.status, json?.error ?? { code: 'bad_request', message: `HTTP ${res.status}` });
    }
    if (json === null) {
      lastAnswerAt = 0;
      throw new OfflineError(`unreadable answer from ${path}`);
    }
    lastAnswerAt = Date.now();
    return (path.startsWith('/api/v1/') ? json.value : json) as T;
  }

  return {
    url,
    health,
    login: (credentials) => post('/api/v1/session.login', credentials),
    push: (token, body) => post('/api/sync/push', body, token),
    pull: (token, body) => post('/api/sync/pull', body, token),
    call: (token, method, input) => post(`/api/v1/${method}`, input, token),
    uploadRecording: (token, id, bytes) => uploadToServer(url, token, id, bytes),
    streamRecording: (token, id, range) => streamFromServer(url, token, id, range),
    listen(token, onPoke, socket = {}) {
      let ws: WebSocket | null = null;
      let stopped = false;
      let delay = 500;
      let retry: NodeJS.Timeout | null = null;
      const connect = () => {
        retry = null;
        const sock = new WebSocket(`${url.replace(/^http/, 'ws')}/api/sync/poke?token=${encodeURIComponent(token)}`, { handshakeTimeout: PROBE_TIMEOUT_MS });
        ws = sock;
        let open = false;
        let refused = false;
        let heartbeat: NodeJS.Timeout | null = null;
        sock.on('open', () => {
          open = true;
          delay = 500;
          // A socket that stops answering (cable pulled, no FIN) is dropped by the missed pong. A tick that
          // comes late (this process was busy, say a big rebase) judges nothing: the pong may be queued.
          let answered = true;
          let lastTick = Date.now();
          sock.on('pong', () => (answered = true));
          heartbeat = setInterval(() => {
            const late = Date.now() - lastTick > HEARTBEAT_MS * 1.5;
            lastTick = Date.now();
            if (!answered && !late) return sock.terminate();
            answered = false;
            sock.ping();
          }, HEARTBEAT_MS);
          heartbeat.unref();
          socket.up?.();
          onPoke(); // Anything missed while disconnected.
        });
        sock.on('message', () => onPoke());
        sock.on('error', (err) => {
          // The server refused the token (revoked, expired): retrying cannot help until a new sign-in.
          if (/Unexpected server response: 40[13]\b/.test(err.message)) refused = true;
        });
        sock.on('close', () => {
          if (heartbeat) clearInterval(heartbeat);
          if (stopped || ws !== sock) return;
          if (open) socket.down?.();
          if (refused) {
            socket.refused?.();
            return;
          }
          // Jittered, so a floor of desks does not reconnect in one burst when the server comes back.
          retry = setTimeout(connect, delay * (0.8 + 0.4 * Math.random()));
          retry.unref();
          delay = Math.min(delay * 2, RECONNECT_MAX_MS);
        });
      };
      connect();
      return () => {
        stopped = true;
        if (retry) clearTimeout(retry);
        ws?.terminate();
      };
    },
  };
}
