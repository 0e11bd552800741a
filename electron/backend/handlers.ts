import type { Kysely } from 'kysely';
import { sharedHandlers } from '../../shared/api/shared-handlers';
import { DeskError } from '../../shared/api/errors';
import type { Actor } from '../../shared/auth/roles';
import type { Database } from '../../db/schema';
import { findUserByUsername, findActiveActor } from '../../db/stores/users-store';
import { countOutbox } from '../../db/stores/outbox-store';
import { dismissInboxItem, listInbox } from '../../db/stores/inbox-store';
import { schemaVersion } from '../../db/migrate';
import { burnPasswordCheck, hashPassword, verifyPassword } from '../../db/auth/password';
import type { BackendHandlers, LocalHandlers, SessionHandlers } from '../../db/dispatch';
import type { MethodOutput } from '../../shared/api/table';
import type { SessionTable } from './auth/sessions';
import type { SyncEngine } from './sync/sync-engine';
import type { DeskCredentials } from './auth/credentials';
import { httpServerLink, OfflineError, ServerRefused, type ServerLink } from './sync/server-link';
import { normaliseUsername } from '../../shared/auth/username';
import { setMeta } from '../../db/stores/meta-store';
import { appendAudit } from '../../db/audit/chain';
import { createWriter } from '../../db/sync/writer';
import { loggableError } from '../../db/sync/logged-error';

export interface HandlerDeps {
  db: Kysely<Database>;
  sessions: SessionTable;
  deskId: string;
  appVersion: string;
  dataPath: string;
  /** Changes when an admin points the desk at another server. */
  link: ServerLink | null;
  sync: SyncEngine;
  clock: () => Date;
  credentials: DeskCredentials;
}

const badLogin = () =>
  new DeskError({
    code: 'unauthenticated',
    message: 'Wrong username or password',
    fields: [{ path: 'password', code: 'err.badLogin', message: 'Wrong username or password' }],
  });

/**
 * Offline, for a username that never signed in on this desk: the desk has nothing to check the password
 * against, so "wrong password" would be a lie. It says only what this desk holds, nothing of the server's
 * accounts (it cannot know them); a wrong password for a name it does hold is still badLogin.
 */
const firstSignInNeedsServer = () =>
  new DeskError({
    code: 'unauthenticated',
    message: 'A first sign-in on this desk needs the central server, which cannot be reached now',
    fields: [{ path: 'username', code: 'err.firstSignInNeedsServer', message: 'A first sign-in on this desk needs the central server' }],
  });

/** Who signed in, and whether they must change their password first (with the server's token for that). */
interface SignedIn {
  actor: Actor;
  mustChangePassword: boolean;
  server: { token: string; expiresAt: string } | null;
}

/**
 * With a server: ask it first (it is the authority on accounts), remember its token and a local hash
 * of the accepted password; if it cannot be reached, accept the last identity that signed in here.
 * Without a server (standalone desk): the desk's own users table. Usernames compare as normaliseUsername
 * spells them, here as on the server.
 */
async function signIn(deps: HandlerDeps, username: string, password: string): Promise<SignedIn> {
  if (deps.link) {
    let r: MethodOutput<'session.login'> | null = null;
    // The local hash for offline sign-in (scrypt, on the thread pool) is made while the server checks the
    // password, not after: one scrypt less between Enter and the first screen. Unused if the server refuses.
    const localHash = hashPassword(password);
    localHash.catch(() => undefined); // awaited below when used
    try {
      r = await deps.link.login({ username, password, deskId: deps.deskId });
    } catch (err) {
      // The server locked the account after failed guesses: say so, with the wait (not "wrong password").
      if (err instanceof ServerRefused && err.wire.code === 'rate_limited') throw new DeskError(err.wire);
      if (!(err instanceof OfflineError)) throw badLogin();
    }
    if (r?.mustChangePassword) {
      // A password an administrator chose: this desk keeps no credential for it (no offline sign-in with it),
      // nor one for the password it replaced. The server's token stays in the session, for the change only.
      await deps.db.deleteFrom('desk_credentials').where('user_id', '=', r.actor.userId).execute();
      return { actor: r.actor, mustChangePassword: true, server: { token: deps.credentials.bound(r.token), expiresAt: r.expiresAt } };
    }
    if (r) {
      await deps.credentials.save({ userId: r.actor.userId, token: r.token, expiresAt: r.expiresAt, passwordHash: await localHash, actor: r.actor });
      return { actor: r.actor, mustChangePassword: false, server: null };
    }
    // Offline: the last identity the server confirmed on this desk, as the synced roster now has it.
    const key = normaliseUsername(username);
    const creds = await deps.db.selectFrom('desk_credentials').select(['password_hash', 'actor']).execute();
    const cred = creds.map((c) => ({ hash: c.password_hash, actor: JSON.parse(c.actor) as Actor })).find((c) => normaliseUsername(c.actor.username) === key);
    if (!cred) {
      await burnPasswordCheck(password); // The same time as a real check, as everywhere else.
      throw firstSignInNeedsServer();
    }
    if (!(await verifyPassword(password, cred.hash))) throw badLogin();
    return { actor: (await findActiveActor(deps.db, cred.actor.userId)) ?? cred.actor, mustChangePassword: false, server: null };
  }
  const user = await findUserByUsername(deps.db, username);
  if (!user || !user.active) {
    await burnPasswordCheck(password);
    throw badLogin();
  }
  if (!(await verifyPassword(password, user.passwordHash))) throw badLogin();
  return { actor: user.actor, mustChangePassword: user.mustChangePassword, server: null };
}

/**
 * A standalone desk is its own center, so it keeps its own audit of sign-ins (a synced desk's are in the
 * server's log, with the desk's id). A failure to record never blocks the sign-in.
 */
async function auditStandaloneSignIn(deps: HandlerDeps, username: string, actorId: string | null): Promise<void> {
  if (deps.link) return;
  try {
    await deps.db.transaction().execute((tx) =>
      appendAudit(tx, createWriter(tx, { version: 0, undo: null }), {
        at: deps.clock().toISOString(),
        actorId,
        action: 'session.login',
        subject: { username: username.slice(0, 64), deskId: deps.deskId, address: null },
        outcome: actorId ? 'success' : 'failure',
        clientId: null,
      }),
    );
  } catch (err) {
    console.error('audit entry not recorded', 'session.login', loggableError(err));
  }
}

export function sessionHandlers(deps: HandlerDeps): SessionHandlers {
  return {
    'session.login': async ({ username, password }) => {
      let signedIn: SignedIn;
      try {
        signedIn = await signIn(deps, username, password);
      } catch (err) {
        if (err instanceof DeskError && err.wire.code === 'unauthenticated') await auditStandaloneSignIn(deps, username, null);
        throw err;
      }
      const { actor, mustChangePassword, server } = signedIn;
      await auditStandaloneSignIn(deps, username, actor.userId);
      const { token, expiresAt } = deps.sessions.open(actor.userId, actor, { mustChangePassword, server });
      // Until the password is changed the desk neither mirrors this person nor listens for them.
      if (!mustChangePassword) await deps.sync.setActiveUser(actor.userId);
      return { token, actor, expiresAt: new Date(expiresAt).toISOString(), mustChangePassword };
    },
    'session.logout': async (_input, token) => {
      // With a server, the person's token is revoked there too, once their pending work is pushed.
      const userId = deps.sessions.resolve(token)?.userId;
      deps.sessions.close(token);
      if (userId && deps.link) {
        await deps.credentials.signOut(userId);
        deps.sync.kick();
      }
      return { ok: true as const };
    },
    'session.revokeUser': async () => {
      throw new DeskError({ code: 'bad_request', message: 'Sessions are revoked on the central server' });
    },
  };
}

export function backendHandlers(): BackendHandlers {
  return {
    ...sharedHandlers,
    'session.me': async (ctx) => (await findActiveActor(ctx.tx, ctx.actor.userId)) ?? ctx.actor,
    'sync.inbox': async (ctx, page) => listInbox(ctx.tx, ctx.actor.userId, page),
  };
}

/** The desk's own machinery: never synced, never served by the central server. */
export function localHandlers(deps: HandlerDeps): LocalHandlers {
  return {
    'desk.info': async (ctx) => ({
      appVersion: deps.appVersion,
      schemaVersion: await schemaVersion(ctx.tx),
      clientId: deps.deskId,
      pendingMutations: await countOutbox(ctx.tx),
      dataPath: ctx.actor.role === 'admin' ? deps.dataPath : null,
    }),
    'sync.status': () => deps.sync.status(),
    'sync.dismiss': async (ctx, input) => {
      await dismissInboxItem(ctx.tx, ctx.actor.userId, input.clientId, input.mutationId, ctx.now);
      return { ok: true as const };
    },
    'sync.now': () => deps.sync.syncNow(),
    'sync.setServer': async (ctx, { url }) => {
      await setMeta(ctx.tx, 'server_url', url ?? '');
      deps.link = url ? httpServerLink(url) : null;
      await deps.sync.useServer(deps.link);
      return deps.sync.status();
    },
  };
}
