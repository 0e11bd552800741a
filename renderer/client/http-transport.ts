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
    onEvent(cb) {
      let socket: WebSocket | null = null;
      let stopped = false;
      let delay = 500;
      const connect = () => {
        socket = new WebSocket(`${window.location.origin.replace(/^http/, 'ws')}/events?token=${encodeURIComponent(token)}`);
        socket.onopen = () => (delay = 500);
        socket.onmessage = (m) => cb(JSON.parse(String(m.data)) as DeskEvent);
        socket.onclose = () => {
          if (stopped) return;
          // Backend restarted or the tab slept: reconnect with capped backoff.
          setTimeout(connect, delay);
          delay = Math.min(delay * 2, 10_000);
        };
      };
      connect();
      return () => {
        stopped = true;
        socket?.close();
      };
    },
  };
}
