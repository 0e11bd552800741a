import type { Kysely } from 'kysely';
import type { OnlineHandlers } from '../db/dispatch';
import { hashPassword } from '../db/auth/password';
import type { Database } from '../db/schema';
import { setPasswordHash, upsertPeople } from '../db/stores/accounts-store';
import { makeStore } from '../db/stores/store';
import { revokeUserSessions } from './auth/server-sessions';
import { takeVersion } from './sync/versions';
import { createWriter, type Writer } from '../db/sync/writer';
import type { SyncedTable } from '../db/sync/synced-tables';

/**
 * Account writes on the central server: hashed here, written under the next commit version (so desks
 * receive the people, never the hashes) and poked. Not in the mutation log: its arguments hold passwords.
 */
export function serverOnlineHandlers(deps: { db: Kysely<Database>; clock: () => Date; poke: (written: ReadonlyMap<SyncedTable, ReadonlySet<string>>) => void }): OnlineHandlers {
  const versioned = async <T>(run: (tx: Kysely<Database>, w: Writer) => Promise<T>): Promise<T> => {
    let writer: Writer | null = null;
    const out = await deps.db.transaction().execute(async (tx) => {
      writer = createWriter(tx, { version: await takeVersion(tx), undo: null });
      return run(tx, writer);
    });
    deps.poke((writer as Writer | null)?.written ?? new Map());
    return out;
  };
  return {
    'org.createPerson': async (ctx, input) => {
      const hash = await hashPassword(input.password);
      return versioned(async (tx, w) => {
        const { ids } = await upsertPeople(tx, w, { actor: ctx.actor, now: ctx.now, people: [input.person], passwordHash: hash, createOnly: true });
        return (await makeStore(tx).org.person(ids[0]!))!;
      });
    },
    'org.importPeople': async (ctx, input) => {
      const hash = input.initialPassword ? await hashPassword(input.initialPassword) : null;
      const r = await versioned((tx, w) => upsertPeople(tx, w, { actor: ctx.actor, now: ctx.now, people: input.people, passwordHash: hash, createOnly: false }));
      return { created: r.created, updated: r.updated };
    },
    'org.setPassword': async (_ctx, input) => {
      const hash = await hashPassword(input.password);
      await versioned((_tx, w) => setPasswordHash(w, input.userId, hash));
      // A reset password is usually a lost one: sessions opened with the old one end now.
      await revokeUserSessions(deps.db, input.userId, deps.clock());
      return { ok: true as const };
    },
  };
}
