import type { Kysely } from 'kysely';
import { DeskError } from '../shared/api/errors';
import { readStoredArgs, storedError } from '../db/sync/logged-error';
import { sharedHandlers } from '../shared/api/shared-handlers';
import { burnPasswordCheck, verifyPassword } from '../db/auth/password';
import type { BackendHandlers, SessionHandlers } from '../db/dispatch';
import type { Database } from '../db/schema';
import { findActiveActor, findUserByUsername } from '../db/stores/users-store';
import { openServerSession, revokeToken, revokeUserSessions } from './auth/server-sessions';

export interface ServerHandlerDeps {
  db: Kysely<Database>;
  clock: () => Date;
  appVersion: string;
  /** Tokens just revoked (by their hashes): the poke hub closes their sockets. */
  revoked?: (tokenHashes: readonly string[]) => void;
}

const badLogin = () =>
  new DeskError({ code: 'unauthenticated', message: 'Wrong username or password', fields: [{ path: 'password', code: 'err.badLogin', message: 'Wrong username or password' }] });

export function serverSessionHandlers(deps: ServerHandlerDeps): SessionHandlers {
  return {
    'session.login': async ({ username, password, deskId }) => {
      const user = await findUserByUsername(deps.db, username);
      if (!user || !user.active) {
        await burnPasswordCheck(password);
        throw badLogin();
      }
      if (!(await verifyPassword(password, user.passwordHash))) throw badLogin();
      const { token, expiresAt } = await openServerSession(deps.db, user.actor.userId, deps.clock(), deskId);
      // A password an administrator chose: the session may only change it (resolveActor enforces it).
      return { token, actor: user.actor, expiresAt, mustChangePassword: user.mustChangePassword };
    },
    'session.logout': async (_input, token) => {
      if (token) deps.revoked?.(await revokeToken(deps.db, token, deps.clock()));
      return { ok: true as const };
    },
    'session.revokeUser': async ({ userId }) => {
      const hashes = await revokeUserSessions(deps.db, userId, deps.clock());
      deps.revoked?.(hashes);
      return { revoked: hashes.length };
    },
  };
}

export function serverHandlers(): BackendHandlers {
  return {
    ...sharedHandlers,
    'session.me': async (ctx) => {
      const actor = await findActiveActor(ctx.tx, ctx.actor.userId);
      if (!actor) throw new DeskError({ code: 'unauthenticated', message: 'Sign in first' });
      return actor;
    },
    // One page, newest first; `before` is the previous page's last item (ties at one instant never skip or repeat).
    'sync.inbox': async (ctx, { limit, before }) => {
      let q = ctx.tx.selectFrom('mutation_log').selectAll().where('actor_id', '=', ctx.actor.userId).where('status', '=', 'rejected');
      if (before) q = q.where((eb) => eb(eb.refTuple('received_at', 'client_id', 'id'), '<', eb.tuple(before.createdAt, before.clientId, before.mutationId)));
      const rows = await q.orderBy('received_at', 'desc').orderBy('client_id', 'desc').orderBy('id', 'desc').limit(limit).execute();
      return rows.map((r) => ({
        clientId: r.client_id,
        mutationId: Number(r.id),
        name: r.name,
        args: readStoredArgs(r.args),
        actedAt: r.acted_at,
        createdAt: r.received_at,
        error: storedError(r),
      }));
    },
  };
}
