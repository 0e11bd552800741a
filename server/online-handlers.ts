import type { Kysely } from 'kysely';
import type { OnlineHandlers } from '../db/dispatch';
import { hashPassword, verifyPassword } from '../db/auth/password';
import type { Database } from '../db/schema';
import { setPasswordHash, upsertPeople } from '../db/stores/accounts-store';
import { makeStore } from '../db/stores/store';
import { findAccount } from '../db/stores/users-store';
import { DeskError } from '../shared/api/errors';
import { badCurrentPassword, checkNewPassword, rateLimitedLogin } from '../shared/auth/password-change';
import { revokeUserSessions } from './auth/server-sessions';
import type { LoginLimiter } from './auth/login-limiter';
import { takeVersion } from './sync/versions';
import { createWriter, type Writer } from '../db/sync/writer';
import type { SyncedTable } from '../db/sync/synced-tables';
import { appendAudit } from '../db/audit/chain';
import type { BackendContext, OnlineMethod } from '../db/dispatch';
import { api } from '../shared/api/table';

/**
 * Account writes on the central server: hashed here, written under the next commit version (so desks
 * receive the people, never the hashes) and poked. Not in the mutation log: its arguments hold passwords.
 */
export function serverOnlineHandlers(deps: {
  db: Kysely<Database>;
  clock: () => Date;
  poke: (written: ReadonlyMap<SyncedTable, ReadonlySet<string>>) => void;
  /** A wrong current password in session.changePassword is a guess at the account like a failed sign-in. */
  limiter?: LoginLimiter;
  /** Tokens just revoked (by their hashes): the poke hub closes their sockets. */
  revoked?: (tokenHashes: readonly string[]) => void;
}): OnlineHandlers {
  /** One versioned commit; an audited method's entry is part of it (the change and its record, or neither). */
  const versioned = async <T>(call: { ctx: BackendContext; method: OnlineMethod; input: unknown }, run: (tx: Kysely<Database>, w: Writer) => Promise<T>): Promise<T> => {
    let writer: Writer | null = null;
    const out = await deps.db.transaction().execute(async (tx) => {
      writer = createWriter(tx, { version: await takeVersion(tx), undo: null });
      const value = await run(tx, writer);
      if (api[call.method].audit)
        await appendAudit(tx, writer, { at: call.ctx.now, actorId: call.ctx.actor.userId, action: call.method, subject: call.input, outcome: 'success', clientId: null });
      return value;
    });
    deps.poke((writer as Writer | null)?.written ?? new Map());
    return out;
  };
  return {
    'org.createPerson': async (ctx, input) => {
      const hash = await hashPassword(input.password);
      return versioned({ ctx, method: 'org.createPerson', input }, async (tx, w) => {
        const { ids } = await upsertPeople(tx, w, { actor: ctx.actor, now: ctx.now, people: [input.person], passwordHash: hash, createOnly: true });
        return (await makeStore(tx).org.person(ids[0]!))!;
      });
    },
    'org.importPeople': async (ctx, input) => {
      const hash = input.initialPassword ? await hashPassword(input.initialPassword) : null;
      const r = await versioned({ ctx, method: 'org.importPeople', input }, (tx, w) => upsertPeople(tx, w, { actor: ctx.actor, now: ctx.now, people: input.people, passwordHash: hash, createOnly: false }));
      return { created: r.created, updated: r.updated };
    },
    'org.setPassword': async (ctx, input) => {
      const target = await findAccount(deps.db, input.userId);
      if (target) checkNewPassword({ newPassword: input.password, username: target.actor.username, path: 'password' });
      const hash = await hashPassword(input.password);
      // The administrator knows it: the person changes it at their next sign-in.
      await versioned({ ctx, method: 'org.setPassword', input }, (_tx, w) => setPasswordHash(w, input.userId, hash, true));
      // A reset password is usually a lost one: sessions opened with the old one end now.
      deps.revoked?.(await revokeUserSessions(deps.db, input.userId, deps.clock()));
      return { ok: true as const };
    },
    'session.changePassword': async (ctx, input, token) => {
      const guess = deps.limiter?.reserve(ctx.actor.username, null);
      if (guess && !guess.ok) throw rateLimitedLogin(guess.retryAfterSeconds);
      let outcome: 'failure' | 'success' | 'void' = 'void';
      try {
        const account = await findAccount(deps.db, ctx.actor.userId);
        if (!account) throw new DeskError({ code: 'unauthenticated', message: 'Sign in first' });
        if (!(await verifyPassword(input.currentPassword, account.passwordHash))) {
          outcome = 'failure';
          throw badCurrentPassword();
        }
        outcome = 'success';
        checkNewPassword({ newPassword: input.newPassword, username: account.actor.username, currentPassword: input.currentPassword });
        const hash = await hashPassword(input.newPassword);
        await versioned({ ctx, method: 'session.changePassword', input }, (_tx, w) => setPasswordHash(w, ctx.actor.userId, hash, false));
        // Whoever else holds a session of this person (the old password's) is signed out; this one stays.
        deps.revoked?.(await revokeUserSessions(deps.db, ctx.actor.userId, deps.clock(), token));
        return { ok: true as const };
      } finally {
        if (guess?.ok) guess.settle(outcome);
      }
    },
  };
}
