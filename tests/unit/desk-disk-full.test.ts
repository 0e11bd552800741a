import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeskHost } from '../../electron/backend/desk-host';
import { DEMO_PASSWORD } from '../../db/demo/demo-center';
import { openSqlite } from '../../db/open-sqlite';
import { readOutbox } from '../../db/stores/outbox-store';
import { isDatabaseUnavailable } from '../../db/unavailable';
import { aCall } from './support/calls';
import { startOfflineDemoDesk } from './support/desks';
import { tempDir } from './support/tmp';

/**
 * A full disk (found by the fault harness, tests/faults, with a desk on a filled tmpfs): SQLite rolls the whole
 * transaction back by itself on SQLITE_FULL, kysely's ROLLBACK then failed with "no transaction is active", and
 * that error hid the real one, so the desk answered `internal` instead of `unavailable`. Here the disk "fills"
 * through max_page_count, which SQLite reports the same way.
 */
const dir = tempDir();
let host: DeskHost;
let token: string;
beforeAll(async () => {
  host = await startOfflineDemoDesk({ dataDir: join(dir.path, 'desk') });
  const r = await host.dispatch('session.login', { username: 'agent03', password: DEMO_PASSWORD });
  token = (r as { value: { token: string } }).value.token;
});
afterAll(async () => {
  await host.close();
  dir.remove();
});

const pageCount = async (db: DeskHost['db']) => Number((await sql<{ page_count: number }>`pragma page_count`.execute(db)).rows[0]!.page_count);

describe('a full disk', () => {
  it('surfaces as SQLITE_FULL from a transaction SQLite already rolled back, not as a failed ROLLBACK', async () => {
    const { db, raw } = openSqlite(join(dir.path, 'bare.db'));
    try {
      await sql`create table t (x text)`.execute(db);
      await sql.raw(`pragma max_page_count = ${(await pageCount(db)) + 3}`).execute(db);
      const err = await db
        .transaction()
        .execute(async (tx) => {
          for (let i = 0; i < 200; i++) await sql`insert into t values (${'x'.repeat(2000)})`.execute(tx);
        })
        .then(
          () => null,
          (e: unknown) => e,
        );
      expect(raw.inTransaction).toBe(false);
      expect((err as { code?: string }).code).toBe('SQLITE_FULL');
      expect(isDatabaseUnavailable(err)).toBe(true);
      await sql.raw('pragma max_page_count = 1073741823').execute(db);
      await db.transaction().execute((tx) => sql`insert into t values ('after')`.execute(tx));
      expect((await sql<{ n: number }>`select count(*) as n from t`.execute(db)).rows[0]!.n).toBe(1);
    } finally {
      await db.destroy();
    }
  });

  it('makes a desk answer unavailable (nothing saved, try again), keep what it had, and work again once there is room', async () => {
    const clientId = async () => (await host.clientIdFor('user-agent03')) ?? 'none';
    const codes: string[] = [];
    let accepted = (await readOutbox(host.db, await clientId())).length;
    // Small rows fill the last pages mid-transaction, where SQLite rolls the whole transaction back itself.
    for (const room of [1, 2, 3, 4, 5, 6]) {
      await sql.raw('pragma max_page_count = 1073741823').execute(host.db);
      await sql.raw(`pragma max_page_count = ${(await pageCount(host.db)) + room}`).execute(host.db);
      for (let i = 0; i < 40; i++) {
        const r = await host.dispatch('calls.log', aCall({ summary: `满盘 ${room}/${i} ${'话'.repeat(30)}` }), token);
        if (r.ok) accepted++;
        else {
          codes.push(r.error.code);
          break;
        }
      }
    }
    expect(codes.length).toBeGreaterThan(0);
    expect(new Set(codes)).toEqual(new Set(['unavailable']));
    expect((await readOutbox(host.db, await clientId())).length).toBe(accepted);

    await sql.raw('pragma max_page_count = 1073741823').execute(host.db);
    expect((await host.dispatch('calls.log', aCall(), token)).ok).toBe(true);
    expect((await readOutbox(host.db, await clientId())).map((e) => e.id)).toEqual(Array.from({ length: accepted + 1 }, (_, i) => i + 1));
  });
});
