import { sql } from 'kysely';
import pg from 'pg';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINE_CASES, serverLogin, startCentral, api, type RunningCentral } from './support/central';
import { aCall } from './support/calls';
import { tempDir } from './support/tmp';
import { until } from './support/until';

/**
 * The central server on real PostgreSQL rides through the database dropping its connections (a restart, a
 * failover, pg_terminate_backend): it stays up, answers what was in flight as retryable (503), serves again
 * with fresh connections, and health tells a database that cannot write from one that works (#15 item 1).
 */
const pgCase = ENGINE_CASES[1]!;
const dir = tempDir();

describe.skipIf(pgCase.skip !== null)('central server on PostgreSQL when the database drops or stops writing', () => {
  let central: RunningCentral;
  let admin: pg.Client;
  let dbName: string;
  beforeAll(async () => {
    central = await startCentral(pgCase, dir.path);
    dbName = (await sql<{ d: string }>`select current_database() as d`.execute(central.store.db)).rows[0]!.d;
    admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
  });
  afterAll(async () => {
    await admin?.query(`alter database ${dbName} reset default_transaction_read_only`).catch(() => undefined);
    await admin?.end();
    await central?.stop();
    dir.remove();
  });

  const terminateAll = () => admin.query(`select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()`, [dbName]);
  const health = async () => {
    const r = await fetch(`${central.url}/api/health`);
    return { status: r.status, body: (await r.json()) as { status: string; db: string; writes: string } };
  };

  it('survives pg_terminate_backend of every connection, idle and busy, and serves again', async () => {
    const token = await serverLogin(central.url, 'agent01');
    expect((await health()).body.status).toBe('ok');
    // A request in flight when its connection is killed: a long query on the server's own pool.
    const slow = sql`select pg_sleep(5)`.execute(central.store.db).then(() => 'finished', (e: { code?: string }) => e.code ?? 'failed');
    await until(async () => Number((await admin.query(`select count(*) from pg_stat_activity where datname = $1 and query like '%pg_sleep%' and pid <> pg_backend_pid()`, [dbName])).rows[0].count) > 0, { what: 'the slow query to start' });
    await terminateAll();
    expect(await slow).toBe('57P01');
    // Idle pool connections died too: the 'error' events must not end the process, and the next calls reconnect.
    await until(async () => (await health()).status === 200, { what: 'health to answer 200 again' });
    const r = await api(central.url, '/api/v1/calls.log', aCall(), token);
    expect(r.status).toBe(200);
    for (let i = 0; i < 3; i++) {
      await terminateAll();
      const again = await api(central.url, '/api/v1/calls.list', { from: new Date(0).toISOString(), to: new Date(Date.now() + 60_000).toISOString() }, token);
      // Either the pool noticed and reconnected, or the in-flight call is answered as retryable: never a 500.
      expect([200, 503]).toContain(again.status);
      if (again.status === 503) expect(again.body.error.code).toBe('unavailable');
    }
    await until(async () => (await health()).status === 200, { what: 'health to answer 200 again' });
  });

  it('a transient failure inside a pushed action fails the push (the desk retries), never refuses the action for good', async () => {
    const token = await serverLogin(central.url, 'agent03');
    const clientId = randomUUID();
    const call = aCall();
    await sql.raw(`create or replace function zb_test_fail() returns trigger as $$ begin raise exception 'injected' using errcode = '40001'; end $$ language plpgsql`).execute(central.store.db);
    await sql.raw(`create trigger zb_test_fail before insert on calls for each row execute function zb_test_fail()`).execute(central.store.db);
    const push = () => api(central.url, '/api/sync/push', { clientId, mutations: [{ id: 1, name: 'calls.log', args: call, actedAt: `${new Date().toISOString()}#0000#desk-t` }] }, token);
    try {
      const r = await push();
      expect(r).toMatchObject({ status: 503, body: { ok: false, error: { code: 'unavailable' } } });
      expect(await central.store.db.selectFrom('mutation_log').select('id').where('client_id', '=', clientId).execute()).toEqual([]);
    } finally {
      await sql.raw('drop trigger zb_test_fail on calls').execute(central.store.db);
    }
    expect((await push()).body.results[0]).toMatchObject({ status: 'applied' });
  });

  it('says "degraded" when the database answers but cannot write, and writes answer 503 unavailable', async () => {
    const token = await serverLogin(central.url, 'agent02');
    await admin.query(`alter database ${dbName} set default_transaction_read_only = on`);
    await terminateAll(); // the setting applies to new sessions
    try {
      await until(async () => (await health()).body.status === 'degraded', { what: 'health to say degraded' });
      expect(await health()).toMatchObject({ status: 503, body: { db: 'ok', writes: 'failing' } });
      const r = await api(central.url, '/api/v1/calls.log', aCall(), token);
      expect(r).toMatchObject({ status: 503, body: { ok: false, error: { code: 'unavailable' } } });
    } finally {
      await admin.query(`alter database ${dbName} reset default_transaction_read_only`);
      await terminateAll();
    }
    await until(async () => (await health()).body.status === 'ok', { what: 'health to say ok' });
  });
});
