import type { WireResult } from '../../shared/api/errors';
import type { DeskEvent } from '../../shared/api/events';
import type { Transport } from './transport';

const TOKEN_KEY = 'zhiban.bridgeToken';

/** The per-launch token arrives in the URL fragment; keep it for reloads of this tab and clean the address bar. */
export function takeBridgeToken(): string | null {
  const m = /[#&]token=([\w-]+)/.exec(window.location.hash);
  if (m?.[1]) {
    window.sessionStorage.setItem(TOKEN_KEY, m[1]);
    window.history.replaceState(null, '', window.location.pathname + window.location.search);
    return m[1];
  }
  return window.sessionStorage.getItem(TOKEN_KEY);
}

export function httpTransport(token: string): Transport {
  const events = sharedEventSocket(() => `${window.location.origin.replace(/^http/, 'ws')}/events?token=${encodeURIComponent(token)}`);
  return {
    kind: 'http',
    async call(method, args, session) {
      const headers: Record<string, string> = { 'content-type': 'application/json', 'x-desk-token': token };
      if (session) headers.authorization = `Bearer ${session}`;
      let res: Response;
      try {
        res = await fetch('/rpc', { method: 'POST', headers, body: JSON.stringify({ method, args }) });
      } catch {
        return { ok: false, error: { code: 'internal', message: 'network' } };
      }
      try {
        return (await res.json()) as WireResult<unknown>;
      } catch {
        return { ok: false, error: { code: 'internal', message: `HTTP ${res.status}` } };
      }
    },
    attachRecording(input, session, onProgress) {
      // XMLHttpRequest, not fetch: only it reports upload progress.
      return new Promise((resolve) => {
        const q = new URLSearchParams({ callId: input.callId, fileName: input.fileName, ...(input.replaces ? { replaces: input.replaces } : {}) });
        const xhr = new XMLHttpRequest();
        xhr.open('POST', `/recordings?${q.toString()}`);
        xhr.setRequestHeader('content-type', 'application/octet-stream');
        xhr.setRequestHeader('x-desk-token', token);
        if (session) xhr.setRequestHeader('authorization', `Bearer ${session}`);
        xhr.upload.onprogress = (e) => e.lengthComputable && onProgress?.(e.loaded / e.total);
        xhr.onload = () => {
          try {
            resolve(JSON.parse(xhr.responseText) as WireResult<unknown>);
          } catch {
            resolve({ ok: false, error: { code: 'internal', message: `HTTP ${xhr.status}` } });
          }
        };
        xhr.onerror = () => resolve({ ok: false, error: { code: 'internal', message: 'network' } });
        xhr.send(input.file);
      });
    },
    async readRecording(id, session) {
      const headers: Record<string, string> = { 'x-desk-token': token };
      if (session) headers.authorization = `Bearer ${session}`;
      let res: Response;
      try {
        res = await fetch(`/recordings/${encodeURIComponent(id)}`, { headers });
      } catch {
        return { ok: false, error: { code: 'internal', message: 'network' } };
      }
      if (!res.ok) return ((await res.json().catch(() => null)) as WireResult<never> | null) ?? { ok: false, error: { code: 'internal', message: `HTTP ${res.status}` } };
      return { ok: true, value: { mime: res.headers.get('content-type') ?? 'application/octet-stream', bytes: await res.arrayBuffer() } };
    },
    onEvent: events.on,
  };
}

/**
 * One socket for every listener of this tab. A socket per listener (one per screen query and badge) meant dozens
 * of sockets, and a browser opens WebSockets to one host one at a time (RFC 6455 §4.1): with every domain's
 * badges on screen, a write's "changed" event could arrive seconds late or, while listeners came and went,
 * never. Opened with the first listener, closed with the last, reconnected with capped backoff.
 */
export function sharedEventSocket(url: () => string): { on(cb: (e: DeskEvent) => void): () => void } {
  const listeners = new Set<(e: DeskEvent) => void>();
  let socket: WebSocket | null = null;
  let retry: number | undefined;
  let linger: number | undefined;
  let delay = 500;
  const connect = () => {
    retry = undefined;
    const ws = new WebSocket(url());
    socket = ws;
    ws.onopen = () => (delay = 500);
    ws.onmessage = (m) => {
      const e = JSON.parse(String(m.data)) as DeskEvent;
      for (const cb of [...listeners]) cb(e);
    };
    ws.onclose = () => {
      if (socket !== ws) return;
      socket = null;
      if (listeners.size === 0) return;
      // Backend restarted or the tab slept: reconnect with capped backoff.
      retry = window.setTimeout(connect, delay);
      delay = Math.min(delay * 2, 10_000);
    };
  };
  return {
    on(cb) {
      listeners.add(cb);
      window.clearTimeout(linger);
      linger = undefined;
      if (!socket && retry === undefined) connect();
      return () => {
        listeners.delete(cb);
        if (listeners.size > 0) return;
        // A screen swap removes the last listener and adds the next at once: keep the socket a moment.
        window.clearTimeout(linger);
        linger = window.setTimeout(() => {
          linger = undefined;
          if (listeners.size > 0) return;
          window.clearTimeout(retry);
          retry = undefined;
          const ws = socket;
          socket = null;
          ws?.close();
        }, 1000);
      };
    },
  };
}
