import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DB_FILE_NAME, startDeskHost, type DeskHost, type DeskHostOptions } from '../../../electron/backend/desk-host';
import { httpServerLink, OfflineError, type ServerLink } from '../../../electron/backend/sync/server-link';
import { DEMO_PASSWORD } from '../../../db/demo/demo-center';
import { seedDemoCenter } from '../../../db/demo/seed';
import { openSqlite } from '../../../db/open-sqlite';
import { demoPasswordHashes, placeBareDesk } from './templates';

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
    login: (c) => gate(() => inner.login(c)),
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
    uploadRecording: (t, id, bytes) => gate(() => inner.uploadRecording!(t, id, bytes)),
    streamRecording: (t, id, range) => gate(() => inner.streamRecording!(t, id, range)),
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
export async function openDesk(serverUrl: string, dataDir: string, username: string, o: { clock?: () => Date } = {}): Promise<TestDesk> {
  const wire: Wire = { online: true, dropNextReply: false };
  if (!existsSync(join(dataDir, DB_FILE_NAME))) await placeBareDesk(dataDir);
  const host = await startDeskHost({ dataDir, link: wiredLink(serverUrl, wire), retryBaseMs: 20, clock: o.clock });
  const r = await host.dispatch('session.login', { username, password: DEMO_PASSWORD });
  if (!r.ok) throw new Error(`desk login ${username}: ${r.error.message}`);
  return { host, wire, token: (r.value as { token: string }).token, username };
}

/**
 * `startDeskHost({ ...o, demo: true })` for a standalone demo desk. Its first start begins from the run's
 * desk template and seeds the demo center at `o.clock()` (or now) with the run's demo password hashes
 * (support/templates.ts), so the 18 scrypt hashes of a seed are paid once a run; startDeskHost then finds
 * the demo there. A desk that already has its database (a restart) opens it as it is.
 */
export async function startDemoDesk(o: Omit<DeskHostOptions, 'demo'>): Promise<DeskHost> {
  if (!existsSync(join(o.dataDir, DB_FILE_NAME))) {
    await placeBareDesk(o.dataDir);
    const { db } = openSqlite(join(o.dataDir, DB_FILE_NAME));
    try {
      await seedDemoCenter(db, o.clock?.(), 0, await demoPasswordHashes());
    } finally {
      await db.destroy();
    }
  }
  return startDeskHost({ ...o, demo: true });
}
