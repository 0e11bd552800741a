import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { MethodName } from '../../shared/api/table';
import { migrate } from '../../db/migrate';
import { catchUpCallIndex } from '../../db/search/deferred-call-index';
import { openSqlite } from '../../db/open-sqlite';
import { getMeta, setMeta } from '../../db/stores/meta-store';
import { countUsers, findActiveActor } from '../../db/stores/users-store';
import { createDispatch, type Dispatch, type OutputMode } from '../../db/dispatch';
import { seedDemoCenter, type DemoLogin } from '../../db/demo/seed';
import { ensureDefaultPolicy } from '../../db/stores/policy-store';
import { ensureDefaultShiftTypes } from '../../db/stores/shift-types-store';
import { SessionTable } from './auth/sessions';
import { deskMutationHooks } from './desk-mutations';
import { DeskEvents } from './events';
import { backendHandlers, localHandlers, sessionHandlers } from './handlers';
import { onlineHandlers } from './online-handlers';
import { askServer } from './ask-server';
import { DeskCredentials } from './auth/credentials';
import { deskKeyBox, type SecretBox } from './auth/secret-box';
import { APP_VERSION } from './app-version';
import { SyncEngine } from './sync/sync-engine';
import { httpServerLink, type ServerLink } from './sync/server-link';
import { DeskRecordings } from './recordings/desk-recordings';
import { seedDemoRecordings } from '../../db/demo/recordings';

export interface DeskHostOptions {
  dataDir: string;
  /** Seed the demo center into an empty standalone database. Ignored with a server: data comes from it. */
  demo?: boolean;
  /** Central server to sync with; remembered in the database, so later starts may omit it. */
  serverUrl?: string;
  nativeBinding?: string;
  clock?: () => Date;
  /** Sync backoff start (ms); tests shorten it. */
  retryBaseMs?: number;
  /** Replaces the HTTP link (tests that cut the network). */
  link?: ServerLink;
  /** Seals server tokens at rest: the OS keychain in Electron; a desk key file beside the database otherwise. */
  secretBox?: SecretBox;
  /** Answers checked against their output schemas (`check`, development and tests) or trusted (`trust`, an installed desk). */
  outputs?: Exclude<OutputMode, 'parse'>;
}

export interface DeskHost {
  dispatch: Dispatch;
  events: DeskEvents;
  db: Kysely<Database>;
  deskId: string;
  dbFile: string;
  sync: SyncEngine;
  /** Attach and play recordings (both transports hand their bytes here). */
  recordings: DeskRecordings;
  /** Logins created by this start's demo seed; empty when the database already had users. */
  demoLogins: DemoLogin[];
  clientIdFor(userId: string): Promise<string | null>;
  close(): Promise<void>;
}

export const DB_FILE_NAME = 'zhiban.db';

/** The session's user as this desk knows them now; before the first sync, as the server said at sign-in. */
async function resolveDeskActor(db: Kysely<Database>, sessions: SessionTable, token: string | undefined, method?: MethodName) {
  const s = sessions.resolve(token, method); // refuses all but a password change while one is due
  if (!s) return null;
  const actor = await findActiveActor(db, s.userId);
  if (actor) return actor;
  const known = await db.selectFrom('users').select('id').where('id', '=', s.userId).executeTakeFirst();
  if (known || !s.actor) {
    sessions.close(token); // Deactivated here (or never known): the session ends.
    return null;
  }
  return s.actor;
}

/** Opens (or creates) the desk database, migrates it, seeds or syncs, and wires the dispatch. */
export async function startDeskHost(opts: DeskHostOptions): Promise<DeskHost> {
  mkdirSync(opts.dataDir, { recursive: true });
  const dbFile = join(opts.dataDir, DB_FILE_NAME);
  const { db, raw } = openSqlite(dbFile, { nativeBinding: opts.nativeBinding });
  try {
    await migrate(db);
    // A first sync left half-way (closed, crashed) set the call search index aside: index now, so the desk's
    // search works offline meanwhile; the rest of that sync indexes call by call.
    await db.transaction().execute((tx) => catchUpCallIndex(tx));
    let deskId = await getMeta(db, 'desk_id');
    if (!deskId) {
      deskId = randomUUID();
      await setMeta(db, 'desk_id', deskId);
    }
    if (opts.serverUrl) await setMeta(db, 'server_url', opts.serverUrl);
    const serverUrl = opts.serverUrl ?? ((await getMeta(db, 'server_url')) || null);
    const link = opts.link ?? (serverUrl ? httpServerLink(serverUrl) : null);
    // A synced desk is a partial replica (see open-sqlite.ts): integrity is the server's job.
    if (link) raw.pragma('foreign_keys = OFF');
    // Until the first sync brings the center's own versions, the desk judges by the originals' defaults.
    await ensureDefaultPolicy(db, 0);
    await ensureDefaultShiftTypes(db, 0);
    const demoLogins = !link && opts.demo && (await countUsers(db)) === 0 ? await seedDemoCenter(db, opts.clock?.()) : [];

    const clock = opts.clock ?? (() => new Date());
    const sessions = new SessionTable();
    const events = new DeskEvents();
    const credentials = new DeskCredentials({ db, box: opts.secretBox ?? deskKeyBox(opts.dataDir), deskId, clock });
    await credentials.dropUnsealed();
    const deps = { db, sessions, deskId, appVersion: APP_VERSION, dataPath: dbFile, link, clock, events, credentials };
    // Handlers and the engine need each other (replay uses handlers; sync.now uses the engine).
    const handlerDeps = { ...deps, sync: null as unknown as SyncEngine };
    const handlers = backendHandlers();
    let recordings: DeskRecordings | null = null;
    const sync = new SyncEngine({ db, link, handlers, events, deskId, clock, credentials, retryBaseMs: opts.retryBaseMs, afterPush: (l) => recordings?.uploadSpooled(l) ?? Promise.resolve() });
    handlerDeps.sync = sync;
    const dispatch = createDispatch({
      db,
      handlers,
      sessionHandlers: sessionHandlers(handlerDeps),
      onlineHandlers: onlineHandlers(handlerDeps),
      localHandlers: localHandlers(handlerDeps),
      askServer: askServer(handlerDeps),
      resolveActor: (token, method) => resolveDeskActor(db, sessions, token, method),
      mutations: deskMutationHooks({ deskId, events, clock, onQueued: () => sync.kick(), standalone: () => handlerDeps.link === null }),
      clock,
      partialReplica: () => handlerDeps.link !== null,
      outputs: opts.outputs ?? 'check',
    });
    recordings = new DeskRecordings({ db, dispatch, dataDir: opts.dataDir, link: () => handlerDeps.link, tokenFor: (u) => sync.tokenFor(u), kick: () => sync.kick() });
    if (demoLogins.length > 0) await seedDemoRecordings(db, recordings.blobs, opts.clock?.());
    sync.kick();
    return {
      recordings,
      dispatch,
      events,
      db,
      deskId,
      dbFile,
      sync,
      demoLogins,
      clientIdFor: (userId) => getMeta(db, `client:${userId}`),
      close: async () => {
        await sync.stop();
        await db.destroy();
      },
    };
  } catch (err) {
    await db.destroy();
    throw err;
  }
}
