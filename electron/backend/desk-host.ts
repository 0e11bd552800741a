import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { migrate } from '../../db/migrate';
import { openSqlite } from '../../db/open-sqlite';
import { getMeta, setMeta } from '../../db/stores/meta-store';
import { countUsers } from '../../db/stores/users-store';
import { SessionTable } from './auth/sessions';
import { createDispatch, type Dispatch } from '../../db/dispatch';
import { findActiveActor } from '../../db/stores/users-store';
import { deskMutationHooks } from './desk-mutations';
import { DeskEvents } from './events';
import { backendHandlers, sessionHandlers } from './handlers';
import { seedDemoCenter, type DemoLogin } from './demo/seed';
import { APP_VERSION } from './app-version';

export interface DeskHostOptions {
  dataDir: string;
  /** Seed the demo center into an empty database (the default for `npm start` / `npm run web`). */
  demo?: boolean;
  nativeBinding?: string;
  clock?: () => Date;
}

export interface DeskHost {
  dispatch: Dispatch;
  events: DeskEvents;
  db: Kysely<Database>;
  clientId: string;
  dbFile: string;
  /** Logins created by this start's demo seed; empty when the database already had users. */
  demoLogins: DemoLogin[];
  close(): Promise<void>;
}

export const DB_FILE_NAME = 'zhiban.db';

/** The session's user as the database knows them now: a role change or deactivation applies at once. */
async function resolveDeskActor(db: Kysely<Database>, sessions: SessionTable, token: string | undefined) {
  const s = sessions.resolve(token);
  if (!s) return null;
  const actor = await findActiveActor(db, s.userId);
  if (!actor) sessions.close(token);
  return actor;
}

/** Opens (or creates) the desk database, migrates it, seeds the demo and wires the dispatch. */
export async function startDeskHost(opts: DeskHostOptions): Promise<DeskHost> {
  mkdirSync(opts.dataDir, { recursive: true });
  const dbFile = join(opts.dataDir, DB_FILE_NAME);
  const { db } = openSqlite(dbFile, { nativeBinding: opts.nativeBinding });
  try {
    await migrate(db);
    let clientId = await getMeta(db, 'client_id');
    if (!clientId) {
      clientId = randomUUID();
      await setMeta(db, 'client_id', clientId);
    }
    const demoLogins = opts.demo && (await countUsers(db)) === 0 ? await seedDemoCenter(db, opts.clock?.()) : [];
    const sessions = new SessionTable();
    const events = new DeskEvents();
    const deps = { db, sessions, clientId, appVersion: APP_VERSION, dataPath: dbFile };
    const clock = opts.clock ?? (() => new Date());
    const dispatch = createDispatch({
      db,
      handlers: backendHandlers(deps),
      sessionHandlers: sessionHandlers(deps),
      resolveActor: (token) => resolveDeskActor(db, sessions, token),
      mutations: deskMutationHooks({ clientId, events, clock }),
      clock,
    });
    return { dispatch, events, db, clientId, dbFile, demoLogins, close: () => db.destroy() };
  } catch (err) {
    await db.destroy();
    throw err;
  }
}
