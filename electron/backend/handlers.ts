import type { Kysely } from 'kysely';
import { callHandlers } from '../../shared/calls/handlers';
import { DeskError } from '../../shared/api/errors';
import type { Database } from '../../db/schema';
import { findUserByUsername, findActiveActor } from '../../db/stores/users-store';
import { countOutbox } from '../../db/stores/outbox-store';
import { schemaVersion } from '../../db/migrate';
import { burnPasswordCheck, verifyPassword } from '../../db/auth/password';
import type { SessionTable } from './auth/sessions';
import type { BackendHandlers, SessionHandlers } from '../../db/dispatch';

export interface HandlerDeps {
  db: Kysely<Database>;
  sessions: SessionTable;
  clientId: string;
  appVersion: string;
  dataPath: string;
}

const badLogin = () =>
  new DeskError({
    code: 'unauthenticated',
    message: 'Wrong username or password',
    fields: [{ path: 'password', code: 'err.badLogin', message: 'Wrong username or password' }],
  });

export function sessionHandlers(deps: HandlerDeps): SessionHandlers {
  return {
    'session.login': async ({ username, password }) => {
      const user = await findUserByUsername(deps.db, username);
      if (!user || !user.active) {
        await burnPasswordCheck(password);
        throw badLogin();
      }
      if (!(await verifyPassword(password, user.passwordHash))) throw badLogin();
      const { token, expiresAt } = deps.sessions.open(user.actor.userId);
      return { token, actor: user.actor, expiresAt: new Date(expiresAt).toISOString() };
    },
    'session.logout': async (_input, token) => {
      deps.sessions.close(token);
      return { ok: true as const };
    },
  };
}

export function backendHandlers(deps: HandlerDeps): BackendHandlers {
  return {
    ...callHandlers,
    'session.me': async (ctx) => {
      const actor = await findActiveActor(ctx.tx, ctx.actor.userId);
      if (!actor) throw new DeskError({ code: 'unauthenticated', message: 'Sign in first' });
      return actor;
    },
    'desk.info': async (ctx) => ({
      appVersion: deps.appVersion,
      schemaVersion: await schemaVersion(ctx.tx),
      clientId: deps.clientId,
      pendingMutations: await countOutbox(ctx.tx, deps.clientId),
      dataPath: ctx.actor.role === 'admin' ? deps.dataPath : null,
    }),
  };
}
