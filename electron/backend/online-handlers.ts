import { DeskError } from '../../shared/api/errors';
import type { OnlineHandlers } from '../../db/dispatch';
import { hashPassword } from '../../db/auth/password';
import { setPasswordHash, upsertPeople } from '../../db/stores/accounts-store';
import { makeStore } from '../../db/stores/store';
import { createWriter } from '../../db/sync/writer';
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
            return deps.db.transaction().execute(async (tx) => {
              const { ids } = await upsertPeople(tx, createWriter(tx, { version: 0, undo: null }), { actor: ctx.actor, now: ctx.now, people: [input.person], passwordHash: hash, createOnly: true });
              return (await makeStore(tx).org.person(ids[0]!))!;
            });
          }),
    'org.importPeople': (ctx, input) =>
      deps.link
        ? forward('org.importPeople', input, ctx.actor.userId)
        : locally(async () => {
            const hash = input.initialPassword ? await hashPassword(input.initialPassword) : null;
            const r = await deps.db.transaction().execute((tx) => upsertPeople(tx, createWriter(tx, { version: 0, undo: null }), { actor: ctx.actor, now: ctx.now, people: input.people, passwordHash: hash, createOnly: false }));
            return { created: r.created, updated: r.updated };
          }),
    'org.setPassword': (ctx, input) =>
      deps.link
        ? forward('org.setPassword', input, ctx.actor.userId)
        : locally(async () => {
            const hash = await hashPassword(input.password);
            await deps.db.transaction().execute((tx) => setPasswordHash(createWriter(tx, { version: 0, undo: null }), input.userId, hash));
            // As on the server: sessions opened with the old password end now.
            deps.sessions.closeUser(input.userId);
            return { ok: true as const };
          }),
  };
}
