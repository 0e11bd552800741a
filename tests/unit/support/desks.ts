import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DB_FILE_NAME, startDeskHost, type DeskHost, type DeskHostOptions } from '../../../electron/backend/desk-host';
import { httpServerLink, OfflineError, type ServerLink } from '../../../electron/backend/sync/server-link';
import { DEMO_PASSWORD } from '../../../db/demo/demo-center';
import { seedDemoCenter } from '../../../db/demo/seed';
import { openSqlite } from '../../../db/open-sqlite';
import { demoPasswordHashes, placeBareDesk } from './templates';
import { DeskCredentials } from '../../../electron/backend/auth/credentials';
import { deskKeyBox } from '../../../electron/backend/auth/secret-box';
import { findActiveActor } from '../../../db/stores/users-store';
import { createDispatch, type Dispatch } from '../../../db/dispatch';
import { SessionTable } from '../../../electron/backend/auth/sessions';
import { DeskEvents } from '../../../electron/backend/events';
import { deskMutationHooks } from '../../../electron/backend/desk-mutations';
import { backendHandlers, localHandlers, sessionHandlers } from '../../../electron/backend/handlers';
import { onlineHandlers } from '../../../electron/backend/online-handlers';

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

/**
 * A real desk (SQLite file in `dataDir`) signed in online as `username`, past its first pull: signing in only
 * starts that pull, and a test acting before it lands races it (an edit of a person the desk does not hold yet).
 */
export async function openDesk(serverUrl: string, dataDir: string, username: string, o: { clock?: () => Date } = {}): Promise<TestDesk> {
  const wire: Wire = { online: true, dropNextReply: false };
  if (!existsSync(join(dataDir, DB_FILE_NAME))) await placeBareDesk(dataDir);
  const host = await startDeskHost({ dataDir, link: wiredLink(serverUrl, wire), retryBaseMs: 20, clock: o.clock });
  const r = await host.dispatch('session.login', { username, password: DEMO_PASSWORD });
  if (!r.ok) throw new Error(`desk login ${username}: ${r.error.message}`);
  await host.sync.syncNow();
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

/** A link to a server that is never there: every call fails as a cut cable does. */
export function unreachableLink(url = 'http://127.0.0.1:9'): ServerLink {
  const down = () => Promise.reject(new OfflineError('server unreachable (test)'));
  return { url, health: down, login: down, push: down, pull: down, call: down, listen: () => () => undefined };
}

/**
 * A synced desk whose server is out of reach: the demo center as a first sync would have left it, and every
 * demo person able to sign in offline. Its mutations wait in the outbox with their undo entries, which a
 * standalone desk (its own center) does not keep; tests of the outbox and the undo log use this desk.
 */
export async function startOfflineDemoDesk(o: Omit<DeskHostOptions, 'demo' | 'link'>): Promise<DeskHost> {
  const fresh = !existsSync(join(o.dataDir, DB_FILE_NAME));
  if (fresh) await (await startDemoDesk(o)).close();
  const host = await startDeskHost({ ...o, link: unreachableLink() });
  if (fresh) {
    const creds = new DeskCredentials({ db: host.db, box: o.secretBox ?? deskKeyBox(o.dataDir), deskId: host.deskId, clock: o.clock ?? (() => new Date()) });
    for (const u of await host.db.selectFrom('users').select(['id', 'password_hash']).execute()) {
      const actor = await findActiveActor(host.db, u.id);
      if (actor) await creds.save({ userId: u.id, token: 'unreachable', expiresAt: '2099-01-01T00:00:00.000Z', passwordHash: u.password_hash, actor });
    }
  }
  return host;
}

/**
 * The dispatch of a standalone desk (whole center, its handlers, its sessions) whose mutations keep their outbox
 * entry and undo entries as a synced desk's do: the undo-log property runs every example on it, with the whole
 * center in view (a synced desk's scope would hide the colleagues the examples work with).
 */
export function journalledDispatch(host: DeskHost, dataDir: string, clock: () => Date = () => new Date()): Dispatch {
  const sessions = new SessionTable();
  const events = new DeskEvents();
  const deps = { db: host.db, sessions, deskId: host.deskId, appVersion: 'test', dataPath: '', link: null, sync: host.sync, clock, credentials: new DeskCredentials({ db: host.db, box: deskKeyBox(dataDir), deskId: host.deskId, clock }) };
  return createDispatch({
    db: host.db,
    handlers: backendHandlers(),
    sessionHandlers: sessionHandlers(deps),
    onlineHandlers: onlineHandlers({ ...deps, events }),
    localHandlers: localHandlers(deps),
    resolveActor: async (token, method) => {
      const s = sessions.resolve(token, method);
      return s ? findActiveActor(host.db, s.userId) : null;
    },
    // No `standalone`: every mutation is journalled (outbox + undo), as on a synced desk.
    mutations: deskMutationHooks({ deskId: host.deskId, events, clock }),
    clock,
    outputs: 'check',
  });
}
