import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { api, type MethodsOfKind } from '../../shared/api/table';
import type { DeskHost } from '../../electron/backend/desk-host';
import { rollbackUndo } from '../../db/sync/undo';
import { currentVersion } from '../../server/sync/versions';
import { EXAMPLES } from './support/examples';
import { Fixture, FIXED_NOW } from './support/fixture';
import { diff, snapshot } from './support/snapshot';
import { ENGINE_CASES, startCentral, type RunningCentral } from './support/central';
import { journalledDispatch, startDemoDesk } from './support/desks';
import { tempDir } from './support/tmp';

type Mutation = MethodsOfKind<'mutation'>;
const MUTATIONS = (Object.keys(api) as (keyof typeof api)[]).filter((m): m is Mutation => api[m].kind === 'mutation');
/** Three desks, each running every mutation twice: the time budget grows with the mutation table. */
const UNDO_TIMEOUT_MS = Math.max(30_000, MUTATIONS.length * 3 * 1_000);

const dir = tempDir();
afterAll(() => dir.remove());

describe('every mutation method, generated from the method table and its examples', () => {
  it('covers every mutation (sanity: the list is the table, not a copy)', () => {
    expect(MUTATIONS.length).toBeGreaterThanOrEqual(17);
    for (const m of MUTATIONS) expect(EXAMPLES[m]).toBeDefined();
  });

  it('on a desk, taking back one mutation leaves every synced row as it was, whatever ran before it (property)', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.shuffledSubarray(MUTATIONS, { minLength: MUTATIONS.length, maxLength: MUTATIONS.length }), async (order) => {
        const dataDir = `${dir.path}/desk-${run++}`;
        const host: DeskHost = await startDemoDesk({ dataDir, clock: () => FIXED_NOW });
        // A standalone desk keeps no undo log (its mutations are final): its dispatch with a synced desk's journal.
        const dispatch = journalledDispatch(host, dataDir, () => FIXED_NOW);
        try {
          const fx = new Fixture(dispatch);
          for (const method of order) {
            const ex = EXAMPLES[method];
            const input = await ex.input(fx);
            // Signed in before the snapshot: a standalone desk audits sign-ins, and that entry is not the mutation's.
            const token = await fx.token(ex.as);
            const before = await snapshot(host.db);
            const r = await dispatch(method, input, token);
            expect(r, method).toMatchObject({ ok: true });
            const written = diff(before, await snapshot(host.db));
            expect(written.length, `${method} wrote nothing`).toBeGreaterThan(0);
            const clientId = (await host.clientIdFor(fx.userId(ex.as)))!;
            const last = await host.db.selectFrom('outbox').select((eb) => eb.fn.max('id').as('id')).where('client_id', '=', clientId).executeTakeFirstOrThrow();
            await rollbackUndo(host.db, { clientId, mutationId: Number(last.id) });
            expect(diff(before, await snapshot(host.db)), `${method} left a trace after undo`).toEqual([]);
            // Put it back, so later methods see a center where it happened.
            await host.db.deleteFrom('outbox').where('client_id', '=', clientId).where('id', '=', Number(last.id)).execute();
            expect(await dispatch(method, input, await fx.token(ex.as)), `${method} again`).toMatchObject({ ok: true });
          }
        } finally {
          await host.close();
        }
      }),
      { numRuns: 3 },
    );
  }, UNDO_TIMEOUT_MS);

  const engine = ENGINE_CASES[0]!;
  it(`on the server (${engine.name}), every row a mutation writes carries that commit's version`, async () => {
    const central: RunningCentral = await startCentral(engine, `${dir.path}/server`, { clock: () => FIXED_NOW });
    try {
      const fx = new Fixture(central.server.dispatch);
      for (const method of MUTATIONS) {
        const ex = EXAMPLES[method];
        const input = await ex.input(fx);
        const before = await snapshot(central.store.db);
        const r = await central.server.dispatch(method, input, await fx.token(ex.as));
        expect(r, method).toMatchObject({ ok: true });
        const version = await currentVersion(central.store.db);
        const written = diff(before, await snapshot(central.store.db));
        expect(written.length, `${method} wrote nothing`).toBeGreaterThan(0);
        for (const w of written) expect({ method, table: w.table, key: w.key, version: w.row?.version }).toEqual({ method, table: w.table, key: w.key, version });
      }
    } finally {
      await central.stop();
    }
    // Like the desk leg: a limit that grows with the table, not a fixed 30 s a shared machine outgrows.
  }, UNDO_TIMEOUT_MS);
});
