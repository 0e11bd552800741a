import { DeskError } from '../../shared/api/errors';
import type { OnlineHandlers } from '../../db/dispatch';
import { hashPassword, verifyPassword } from '../../db/auth/password';
import { setPasswordHash, upsertPeople } from '../../db/stores/accounts-store';
import { findAccount } from '../../db/stores/users-store';
import { badCurrentPassword, checkNewPassword } from '../../shared/auth/password-change';
import { makeStore } from '../../db/stores/store';
import { createWriter, type Writer } from '../../db/sync/writer';
import { appendAudit } from '../../db/audit/chain';
import type { BackendContext, OnlineMethod } from '../../db/dispatch';
import { api } from '../../shared/api/table';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { DeskEvents } from './events';
import type { HandlerDeps } from './handlers';
import { OfflineError, ServerRefused } from './sync/server-link';

type Call = <R>(method: keyof OnlineHandlers, input: unknown, actorId: string) => Promise<R>;

/**
 * On a synced desk, account work goes straight to the server with the person's own server token and the
 * desk then syncs, so the new people arrive like any other change. A standalone desk is its own server.
 */
export function onlineHandlers(deps: HandlerDeps & { events: DeskEvents }): OnlineHandlers {
  const forward: Call = async (method, input, actorId) => {
    const link = deps.link!;
    const token = await deps.sync.tokenFor(actorId);
    if (!token) throw new DeskError({ code: 'unavailable', message: 'Sign in again while connected to the server' });
    try {
      const out = await link.call(token, method, input as never);
      await deps.sync.syncNow();
      return out as never;
    } catch (err) {
      if (err instanceof ServerRefused) throw new DeskError(err.wire);
      if (err instanceof OfflineError) throw new DeskError({ code: 'unavailable', message: 'The central server cannot be reached; try again when online' });
      throw err;
    }
  };
  /** A standalone desk's account write, and its audit entry in the same transaction, as on the server. */
  const standaloneTx = <T>(call: { ctx: BackendContext; method: OnlineMethod; input: unknown }, run: (tx: Kysely<Database>, w: Writer) => Promise<T>): Promise<T> =>
    deps.db.transaction().execute(async (tx) => {
      const w = createWriter(tx, { version: 0, undo: null });
      const value = await run(tx, w);
      if (api[call.method].audit)
        await appendAudit(tx, w, { at: call.ctx.now, actorId: call.ctx.actor.userId, action: call.method, subject: call.input, outcome: 'success', clientId: null });
      return value;
    });
  const locally = async <T>(run: () => Promise<T>): Promise<T> => {
    const out = await run();
    deps.events.emit({ type: 'changed', method: 'org.importPeople', tables: ['users'] });
    return out;
  };

  return {
    'org.createPerson': (ctx, input) =>
      deps.link
        ? forward('org.createPerson', input, ctx.actor.userId)
        : locally(async () => {
            const hash = await hashPassword(input.password);
            return standaloneTx({ ctx, method: 'org.createPerson', input }, async (tx, w) => {
              const { ids } = await upsertPeople(tx, w, { actor: ctx.actor, now: ctx.now, people: [input.person], passwordHash: hash, createOnly: true });
              return (await makeStore(tx).org.person(ids[0]!))!;
            });
          }),
    'org.importPeople': (ctx, input) =>
      deps.link
        ? forward('org.importPeople', input, ctx.actor.userId)
        : locally(async () => {
            const hash = input.initialPassword ? await hashPassword(input.initialPassword) : null;
            const r = await standaloneTx({ ctx, method: 'org.importPeople', input }, (tx, w) => upsertPeople(tx, w, { actor: ctx.actor, now: ctx.now, people: input.people, passwordHash: hash, createOnly: false }));
            return { created: r.created, updated: r.updated };
          }),
    'org.setPassword': (ctx, input) =>
      deps.link
        ? forward('org.setPassword', input, ctx.actor.userId)
        : locally(async () => {
            const target = await findAccount(deps.db, input.userId);
            if (target) checkNewPassword({ newPassword: input.password, username: target.actor.username, path: 'password' });
            const hash = await hashPassword(input.password);
            // As on the server: the person changes it at their next sign-in; sessions with the old one end now.
            await standaloneTx({ ctx, method: 'org.setPassword', input }, (_tx, w) => setPasswordHash(w, input.userId, hash, true));
            deps.sessions.closeUser(input.userId);
            return { ok: true as const };
          }),
    /**
     * Synced desk: the server changes it (with the token this session holds for that, or the person's
     * stored one), then this desk remembers the new password for offline sign-in and, if the change was
     * due, starts mirroring the person. Standalone: the desk is the server. Either way the person's other
     * sessions on this desk end and this one is free.
     */
    'session.changePassword': async (ctx, input, token) => {
      const session = deps.sessions.resolve(token);
      if (!session || !token) throw new DeskError({ code: 'unauthenticated', message: 'Sign in first' });
      const userId = ctx.actor.userId;
      const due = session.mustChangePassword;
      if (deps.link) {
        const serverToken = session.server?.token ?? (await deps.sync.tokenFor(userId));
        if (!serverToken) throw new DeskError({ code: 'unavailable', message: 'Sign in again while connected to the server' });
        try {
          await deps.link.call(serverToken, 'session.changePassword', input);
        } catch (err) {
          if (err instanceof ServerRefused) throw new DeskError(err.wire);
          if (err instanceof OfflineError) throw new DeskError({ code: 'unavailable', message: 'The central server cannot be reached; try again when online' });
          throw err;
        }
        const passwordHash = await hashPassword(input.newPassword);
        if (session.server) {
          // The session keeps the token bound to this desk; the credential stores the token itself, sealed.
          const { token: bound, expiresAt } = session.server;
          await deps.credentials.save({ userId, token: bound.split(':', 1)[0]!, expiresAt, passwordHash, actor: session.actor ?? ctx.actor });
        } else await deps.db.updateTable('desk_credentials').set({ password_hash: passwordHash }).where('user_id', '=', userId).execute();
        deps.sessions.passwordChanged(token);
        if (due) await deps.sync.setActiveUser(userId);
        else deps.sync.kick();
        return { ok: true as const };
      }
      return locally(async () => {
        const account = await findAccount(deps.db, userId);
        if (!account || !(await verifyPassword(input.currentPassword, account.passwordHash))) throw badCurrentPassword();
        checkNewPassword({ newPassword: input.newPassword, username: account.actor.username, currentPassword: input.currentPassword });
        const hash = await hashPassword(input.newPassword);
        await standaloneTx({ ctx, method: 'session.changePassword', input }, (_tx, w) => setPasswordHash(w, userId, hash, false));
        deps.sessions.passwordChanged(token);
        return { ok: true as const };
      });
    },
  };
}
