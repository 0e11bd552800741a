import { startDeskHost, type DeskHost } from '../../../electron/backend/desk-host';
import { httpServerLink, OfflineError, type ServerLink } from '../../../electron/backend/sync/server-link';
import { DEMO_PASSWORD } from '../../../db/demo/demo-center';

/** A network between one desk and the server that tests can cut, or make lose a push's reply. */
export interface Wire {
  online: boolean;
  /** The next push reaches the server, but its reply is lost on the way back. */
  dropNextReply: boolean;
}

export function wiredLink(url: string, wire: Wire): ServerLink {
  const inner = httpServerLink(url);
  const gate = <T>(f: () => Promise<T>) => (wire.online ? f() : Promise.reject(new OfflineError('network cut by test')));
  return {
    url,
    login: (u, p) => gate(() => inner.login(u, p)),
    push: (t, b) =>
      gate(async () => {
        const r = await inner.push(t, b);
        if (wire.dropNextReply) {
          wire.dropNextReply = false;
          throw new OfflineError('reply lost by test');
        }
        return r;
      }),
    pull: (t, b) => gate(() => inner.pull(t, b)),
    call: (t, m, i) => gate(() => inner.call(t, m, i)),
    listen: (t, onPoke) => inner.listen(t, () => wire.online && onPoke()),
  };
}

export interface TestDesk {
  host: DeskHost;
  wire: Wire;
  token: string;
  username: string;
}

/** A real desk (SQLite file in `dataDir`) signed in online as `username`. */
export async function openDesk(serverUrl: string, dataDir: string, username: string): Promise<TestDesk> {
  const wire: Wire = { online: true, dropNextReply: false };
  const host = await startDeskHost({ dataDir, link: wiredLink(serverUrl, wire), retryBaseMs: 20 });
  const r = await host.dispatch('session.login', { username, password: DEMO_PASSWORD });
  if (!r.ok) throw new Error(`desk login ${username}: ${r.error.message}`);
  return { host, wire, token: (r.value as { token: string }).token, username };
}
