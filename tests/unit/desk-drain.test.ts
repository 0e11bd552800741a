import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { ENGINE_CASES, startCentral, type RunningCentral } from './support/central';
import { openDesk, startDemoDesk, type TestDesk } from './support/desks';
import { DEMO_PASSWORD } from '../../db/demo/demo-center';
import { aCall } from './support/calls';
import { tempDir } from './support/tmp';

/**
 * Issue #16 item 3, drain: a standalone desk (its own center) keeps no outbox or undo log at all; a synced
 * desk keeps exactly the pending mutations and their before-images, and nothing once a sync has settled them.
 */
const dir = tempDir();
let central: RunningCentral;
let d: TestDesk;
beforeAll(async () => {
  central = await startCentral(ENGINE_CASES[0]!, join(dir.path, 'server'));
  d = await openDesk(central.url, join(dir.path, 'synced'), 'agent01');
});
afterAll(async () => {
  await d?.host.close();
  await central?.stop();
  dir.remove();
});

const count = async (db: Kysely<Database>, table: 'outbox' | 'undo_log') => Number((await db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

describe('outbox and undo log hold only what is still needed', () => {
  it('a standalone desk: N mutations leave neither an outbox entry nor an undo entry, and are there all the same', async () => {
    const host = await startDemoDesk({ dataDir: join(dir.path, 'standalone') });
    try {
      const r = await host.dispatch('session.login', { username: 'agent02', password: DEMO_PASSWORD });
      const token = (r as { value: { token: string } }).value.token;
      const calls = Array.from({ length: 8 }, () => aCall());
      for (const c of calls) expect(await host.dispatch('calls.log', c, token)).toMatchObject({ ok: true });
      expect({ outbox: await count(host.db, 'outbox'), undo: await count(host.db, 'undo_log') }).toEqual({ outbox: 0, undo: 0 });
      const ids = (await host.db.selectFrom('calls').select('id').where('id', 'in', calls.map((c) => c.id)).execute()).map((x) => x.id);
      expect(new Set(ids)).toEqual(new Set(calls.map((c) => c.id)));
      expect(await host.sync.status()).toMatchObject({ state: 'standalone', pending: 0 });
    } finally {
      await host.close();
    }
  });

  it('a synced desk: offline work waits with its before-images; a sync leaves nothing behind, and the rows stay', async () => {
    d.wire.online = false;
    const calls = Array.from({ length: 6 }, () => aCall());
    for (const c of calls) expect(await d.host.dispatch('calls.log', c, d.token)).toMatchObject({ ok: true });
    expect(await count(d.host.db, 'outbox')).toBe(6);
    expect(await count(d.host.db, 'undo_log')).toBeGreaterThanOrEqual(6);

    d.wire.online = true;
    await d.host.sync.syncNow();
    await expect.poll(async () => ({ outbox: await count(d.host.db, 'outbox'), undo: await count(d.host.db, 'undo_log') }), { timeout: 10_000, interval: 20 }).toEqual({ outbox: 0, undo: 0 });
    // Confirmed now: the server's rows (version > 0) replaced the optimistic ones.
    const rows = await d.host.db.selectFrom('calls').select(['id', 'version']).where('id', 'in', calls.map((c) => c.id)).execute();
    expect(rows).toHaveLength(6);
    expect(rows.every((r) => Number(r.version) > 0)).toBe(true);
  });

  it('a synced desk: once a sync settled the earlier work, only the still-pending mutation holds undo entries', async () => {
    d.wire.online = false;
    const done = aCall();
    expect(await d.host.dispatch('calls.log', done, d.token)).toMatchObject({ ok: true });
    d.wire.online = true;
    await d.host.sync.syncNow();
    // Acknowledged is not enough: its before-images go only once the pull carrying its effect is applied.
    await expect.poll(async () => ({ outbox: await count(d.host.db, 'outbox'), undo: await count(d.host.db, 'undo_log') }), { timeout: 10_000, interval: 20 }).toEqual({ outbox: 0, undo: 0 });
    d.wire.online = false;
    const pending = aCall();
    expect(await d.host.dispatch('calls.log', pending, d.token)).toMatchObject({ ok: true });
    const clientId = (await d.host.clientIdFor('user-agent01'))!;
    const outbox = await d.host.db.selectFrom('outbox').select('id').execute();
    expect(outbox).toHaveLength(1);
    const undo = await d.host.db.selectFrom('undo_log').select(['client_id', 'mutation_id', 'pk']).execute();
    expect(undo.map((u) => [u.client_id, Number(u.mutation_id), u.pk])).toEqual([[clientId, Number(outbox[0]!.id), pending.id]]);
    d.wire.online = true;
  });
});
