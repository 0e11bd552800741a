import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/schema';
import { takeVersion } from '../../server/sync/versions';
import type { CentralStore } from '../../server/store';
import { ENGINE_CASES } from './support/central';
import { seedDemoCenter } from '../../db/demo/seed';
import { tempDir } from './support/tmp';
import { demoPasswordHashes } from './support/templates';
import { until } from './support/until';

/**
 * The mechanism that keeps limits spanning people safe (two swaps a month, coverage minimums): every
 * writing transaction on the server first takes the version row lock. Proven here with the classic
 * write-skew shape — two transactions each read "how many so far", see room for one more, and insert —
 * on a real PostgreSQL server, where transactions really run side by side.
 */
const PG = ENGINE_CASES[1]!;

/** Whether another session of this database is waiting for a lock (the version row, here). */
async function anotherWaitsOnLock(db: Kysely<Database>): Promise<boolean> {
  const r = await sql<{ n: number }>`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock' and pid <> pg_backend_pid()`.execute(db);
  return r.rows[0]!.n > 0;
}

async function takeLastUnit(db: Kysely<Database>, o: { lock: boolean; arrived: () => void; bothArrived: () => boolean }): Promise<boolean> {
  // READ COMMITTED, as processPush runs: after waiting for the lock, each statement sees every earlier commit.
  return db.transaction().execute(async (tx) => {
      if (o.lock) await takeVersion(tx);
      const { n } = await tx.selectFrom('calls').select((eb) => eb.fn.countAll().as('n')).where('agent_id', '=', 'user-agent01').where('summary', '=', 'limited').executeTakeFirstOrThrow();
      o.arrived();
      // Give the other transaction every chance to read the same "room for one more": wait until it has read
      // too, or until PostgreSQL shows it waiting for a lock, where it cannot read before this one commits.
      await until(async () => o.bothArrived() || (await anotherWaitsOnLock(db)), { what: 'the other transaction to read or to wait for the lock' });
      if (Number(n) >= 1) return false;
      const now = new Date().toISOString();
      await tx
        .insertInto('calls')
        .values({ id: randomUUID(), agent_id: 'user-agent01', team_id: 'team-a', customer_phone: '1', customer_name: '', category: 'query', summary: 'limited', outcome: 'o', follow_up: 0, started_at: now, ended_at: now, duration_sec: 0, created_at: now, version: 1 })
        .execute();
      return true;
  });
}

async function race(db: Kysely<Database>, lock: boolean): Promise<number> {
  await db.deleteFrom('calls').where('summary', '=', 'limited').execute();
  let arrivals = 0;
  const bothArrived = () => arrivals === 2;
  const arrived = () => void ++arrivals;
  const results = await Promise.all([takeLastUnit(db, { lock, arrived, bothArrived }), takeLastUnit(db, { lock, arrived, bothArrived })]);
  return results.filter(Boolean).length;
}

describe.skipIf(PG.skip !== null)(`per-person limits under concurrent writers (${PG.name})`, () => {
  const dir = tempDir();
  let store: CentralStore;
  beforeAll(async () => {
    store = await PG.open(dir.path);
    await seedDemoCenter(store.db, new Date(), 1, await demoPasswordHashes());
  });
  afterAll(async () => {
    await store?.close();
    dir.remove();
  });

  it('control: without the lock both take the last unit (write skew), so the test can fail', async () => {
    expect(await race(store.db, false)).toBe(2);
  });

  it('with the version row lock exactly one takes it, every time', async () => {
    for (let i = 0; i < 5; i++) expect(await race(store.db, true)).toBe(1);
    expect((await sql<{ n: string }>`select count(*) as n from calls where summary = 'limited'`.execute(store.db)).rows[0]!.n).toBe(1);
  });
});
