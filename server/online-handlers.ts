import type { Kysely } from 'kysely';
import type { OnlineHandlers } from '../db/dispatch';
import { hashPassword } from '../db/auth/password';
import type { Database } from '../db/schema';
import { setPasswordHash, upsertPeople } from '../db/stores/accounts-store';
import { makeStore } from '../db/stores/store';
import { revokeUserSessions } from './auth/server-sessions';
import { takeVersion } from './sync/versions';

/**
 * Account writes on the central server: hashed here, written under the next commit version (so desks
 * receive the people, never the hashes) and poked. Not in the mutation log: its arguments hold passwords.
 */
export function serverOnlineHandlers(deps: { db: Kysely<Database>; clock: () => Date; poke: (version: number) => void }): OnlineHandlers {
  const versioned = async <T>(run: (tx: Kysely<Database>, version: number) => Promise<T>): Promise<T> => {
    let version = 0;
    const out = await deps.db.transaction().execute(async (tx) => {
      version = await takeVersion(tx);
      return run(tx, version);
    });
    deps.poke(version);
    return out;
  };
  return {
    'org.createPerson': async (ctx, input) => {
      const hash = await hashPassword(input.password);
      return versioned(async (tx, version) => {
        const { ids } = await upsertPeople(tx, { version, undo: null }, { actor: ctx.actor, now: ctx.now, people: [input.person], passwordHash: hash, createOnly: true });
        return (await makeStore(tx).org.person(ids[0]!))!;
      });
    },
    'org.importPeople': async (ctx, input) => {
      const hash = input.initialPassword ? await hashPassword(input.initialPassword) : null;
      const r = await versioned((tx, version) => upsertPeople(tx, { version, undo: null }, { actor: ctx.actor, now: ctx.now, people: input.people, passwordHash: hash, createOnly: false }));
      return { created: r.created, updated: r.updated };
    },
    'org.setPassword': async (_ctx, input) => {
      const hash = await hashPassword(input.password);
      await versioned((tx, version) => setPasswordHash(tx, { version, undo: null }, input.userId, hash));
      // A reset password is usually a lost one: sessions opened with the old one end now.
      await revokeUserSessions(deps.db, input.userId, deps.clock());
      return { ok: true as const };
    },
  };
}
