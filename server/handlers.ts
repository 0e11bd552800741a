import type { Kysely } from 'kysely';
import { DeskError } from '../shared/api/errors';
import { storedError } from '../db/sync/logged-error';
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
}

const badLogin = () =>
  new DeskError({ code: 'unauthenticated', message: 'Wrong username or password', fields: [{ path: 'password', code: 'err.badLogin', message: 'Wrong username or password' }] });

export function serverSessionHandlers(deps: ServerHandlerDeps): SessionHandlers {
  return {
    'session.login': async ({ username, password }) => {
      const user = await findUserByUsername(deps.db, username);
      if (!user || !user.active) {
        await burnPasswordCheck(password);
        throw badLogin();
      }
      if (!(await verifyPassword(password, user.passwordHash))) throw badLogin();
      const { token, expiresAt } = await openServerSession(deps.db, user.actor.userId, deps.clock());
      return { token, actor: user.actor, expiresAt };
    },
    'session.logout': async (_input, token) => {
      if (token) await revokeToken(deps.db, token, deps.clock());
      return { ok: true as const };
    },
    'session.revokeUser': async ({ userId }) => ({ revoked: await revokeUserSessions(deps.db, userId, deps.clock()) }),
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
    'sync.inbox': async (ctx) => {
      const rows = await ctx.tx.selectFrom('mutation_log').selectAll().where('actor_id', '=', ctx.actor.userId).where('status', '=', 'rejected').orderBy('received_at', 'desc').limit(200).execute();
      return rows.map((r) => ({
        clientId: r.client_id,
        mutationId: Number(r.id),
        name: r.name,
        args: JSON.parse(r.args) as unknown,
        actedAt: r.acted_at,
        createdAt: r.received_at,
        error: storedError(r),
      }));
    },
  };
}
