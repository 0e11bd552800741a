import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeskError } from '../../shared/api/errors';
import { formatHlc } from '../../shared/sync/hlc';
import { POLICY_DEFAULTS } from '../../shared/policy/defaults';
import type { PushRequest } from '../../shared/sync/protocol';
import type { BackendHandlers } from '../../db/dispatch';
import { seedDemoCenter } from '../../db/demo/seed';
import type { CentralStore } from '../../server/store';
import { serverHandlers } from '../../server/handlers';
import { processPush, PushRefused, PUSH_TX_MUTATIONS } from '../../server/sync/push';
import { currentVersion } from '../../server/sync/versions';
import { processPushPerMutation } from '../../bench/sync/legacy-push';
import { ENGINE_CASES } from './support/central';
import { FIXED_NOW } from './support/fixture';
import { snapshot } from './support/snapshot';
import { demoPasswordHashes } from './support/templates';
import { tempDir } from './support/tmp';

/**
 * A push's mutations share one transaction now (#16 item 2, DECISIONS.md): each still stands or falls alone.
 * The same pushes through the path it replaced (one transaction per mutation) must give the same answers and
 * leave the same rows; only the version numbers may differ (a refused mutation no longer uses one up).
 */
const dir = tempDir();
const H = 3_600_000;
const now = () => FIXED_NOW;
const stamp = (ms: number) => formatHlc({ wall: ms, counter: 0, node: 'desk-t' });
type Mutation = PushRequest['mutations'][number];

/** calls.log that writes its call and then refuses when the summary says so: only the savepoint can undo it. */
function handlersThatRefuseAfterWriting(): BackendHandlers {
  const real = serverHandlers();
  return {
    ...real,
    'calls.log': async (ctx, input) => {
      const out = await real['calls.log'](ctx, input);
      if (input.summary === 'refuse after writing') throw new DeskError({ code: 'rule_violation', message: 'refused late', ruleIds: ['test.late'] });
      return out;
    },
  };
}

function call(id: string, summary = 'billing question') {
  const end = FIXED_NOW.getTime() - 10 * 60_000;
  return { id, customerPhone: '138 0013 8000', customerName: 'Zhao', category: 'query', summary, outcome: 'answered', followUp: false, startedAt: new Date(end - 120_000).toISOString(), endedAt: new Date(end).toISOString() };
}
const m = (id: number, name: string, args: unknown, actedAt = FIXED_NOW.getTime() - 5 * 60_000): Mutation => ({ id, name, args, actedAt: stamp(actedAt) });

/** Synced rows without their version (which may differ), as canonical JSON per table and key. */
async function rows(store: CentralStore) {
  const s = await snapshot(store.db);
  return Object.fromEntries(
    Object.entries(s).map(([t, byKey]) => [t, Object.fromEntries([...byKey].map(([k, v]) => [k, JSON.stringify({ ...(JSON.parse(v) as object), version: undefined })]))]),
  );
}

async function outcome(run: () => Promise<unknown>) {
  try {
    return await run();
  } catch (err) {
    if (err instanceof PushRefused) return { refused: err.status, error: err.wire };
    throw err;
  }
}

describe(`a push applied in one transaction (${ENGINE_CASES[0]!.name})`, () => {
  const stores: Record<'now' | 'before', CentralStore> = {} as never;
  beforeAll(async () => {
    const hashes = await demoPasswordHashes();
    for (const k of ['now', 'before'] as const) {
      stores[k] = await ENGINE_CASES[0]!.open(`${dir.path}/${k}`);
      await seedDemoCenter(stores[k].db, FIXED_NOW, 1, hashes);
    }
  });
  afterAll(async () => {
    for (const s of Object.values(stores)) await s?.close();
    dir.remove();
  });

  it('answers and writes what one transaction per mutation did: refusals, a late refusal rolled back, replays, a changed replay, a gap', async () => {
    const handlers = handlersThatRefuseAfterWriting();
    const agent = randomUUID();
    const [c1, c2, c3, c4] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    const pushes: [string, PushRequest][] = [
      [
        'user-agent01',
        {
          clientId: agent,
          mutations: [
            m(1, 'calls.log', call(c1)),
            m(2, 'calls.log', call(c1)), // the same call again: conflict
            m(3, 'roster.assign', { id: randomUUID(), userId: 'user-agent02', date: '2026-03-20', shiftCode: 'D' }), // not an agent's to do
            m(4, 'calls.log', call(c2), FIXED_NOW.getTime() + 2 * H), // from a clock two hours ahead
            m(5, 'calls.log', call(c3, 'refuse after writing')), // wrote its call, then refused: nothing of it stays
            m(6, 'calls.log', call(c4)),
            m(7, 'no.such.method', {}),
          ],
        },
      ],
      // A desk whose reply was lost sends 5–7 again, then 8; then 9 with 6 changed under the same id.
      ['user-agent01', { clientId: agent, mutations: [m(5, 'calls.log', call(c3, 'refuse after writing')), m(6, 'calls.log', call(c4)), m(7, 'no.such.method', {}), m(8, 'calls.log', call(randomUUID()))] }],
      ['user-agent01', { clientId: agent, mutations: [m(6, 'calls.log', call(c4, 'changed')), m(9, 'calls.log', call(randomUUID()))] }],
      // A gap after two good ones: 10 and 11 stand, 13 is refused with the id the server expects.
      ['user-agent01', { clientId: agent, mutations: [m(10, 'calls.log', call(randomUUID())), m(11, 'calls.log', call(randomUUID())), m(13, 'calls.log', call(randomUUID()))] }],
      // Someone else's client id.
      ['user-agent02', { clientId: agent, mutations: [m(12, 'calls.log', call(randomUUID()))] }],
    ];
    const answers: Record<'now' | 'before', unknown[]> = { now: [], before: [] };
    for (const [k, push] of [['now', processPush], ['before', processPushPerMutation]] as const)
      for (const [user, req] of pushes) answers[k].push(await outcome(() => push(stores[k].db, handlers, user, req, now, () => undefined)));

    expect(answers.now).toEqual(answers.before);
    expect(answers.now[0]).toMatchObject({
      lastMutationId: 7,
      results: [
        { id: 1, status: 'applied' },
        { id: 2, status: 'rejected', error: { code: 'conflict' } },
        { id: 3, status: 'rejected', error: { code: 'forbidden' } },
        { id: 4, status: 'rejected', error: { ruleIds: ['sync.clock-drift'] } },
        { id: 5, status: 'rejected', error: { ruleIds: ['test.late'] } },
        { id: 6, status: 'applied' },
        { id: 7, status: 'rejected', error: { code: 'unknown_method' } },
      ],
    });
    expect(answers.now[2]).toMatchObject({ results: [{ id: 6, status: 'rejected', error: { code: 'conflict' } }, { id: 9, status: 'applied' }] });
    expect(answers.now[3]).toMatchObject({ refused: 409, error: { params: { lastMutationId: 11 } } });
    expect(answers.now[4]).toMatchObject({ refused: 403 });
    expect(await rows(stores.now)).toEqual(await rows(stores.before));
    const log = (s: CentralStore) => s.db.selectFrom('mutation_log').select(['id', 'name', 'status', 'code', 'rule_ids']).where('client_id', '=', agent).orderBy('id').execute();
    expect(await log(stores.now)).toEqual(await log(stores.before));
    expect((await log(stores.now)).map((r) => Number(r.id))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(await stores.now.db.selectFrom('calls').select('id').where('id', '=', c3).execute()).toEqual([]);
  });

  it('gives every applied mutation a version of its own, in order, and leaves sync_state at the last one', async () => {
    const db = stores.now.db;
    const before = await currentVersion(db);
    const ids = Array.from({ length: 4 }, () => randomUUID());
    const r = await processPush(db, serverHandlers(), 'user-agent03', { clientId: randomUUID(), mutations: [m(1, 'calls.log', call(ids[0]!)), m(2, 'calls.log', call(ids[0]!)), m(3, 'calls.log', call(ids[1]!)), m(4, 'calls.log', call(ids[2]!))] }, now, () => undefined);
    expect(r.results.map((x) => x.status)).toEqual(['applied', 'rejected', 'applied', 'applied']);
    const versions = await db.selectFrom('calls').select(['id', 'version']).where('id', 'in', ids.slice(0, 3)).execute();
    const byId = new Map(versions.map((v) => [v.id, Number(v.version)]));
    expect([byId.get(ids[0]!), byId.get(ids[1]!), byId.get(ids[2]!)]).toEqual([before + 1, before + 2, before + 3]);
    expect(await currentVersion(db)).toBe(before + 3);
  });

  it(`splits a push longer than ${PUSH_TX_MUTATIONS} into transactions and pokes once for each`, async () => {
    const pokes: number[] = [];
    const n = PUSH_TX_MUTATIONS + 3;
    const r = await processPush(stores.now.db, serverHandlers(), 'user-agent04', { clientId: randomUUID(), mutations: Array.from({ length: n }, (_, i) => m(i + 1, 'calls.log', call(randomUUID()))) }, now, (w) => pokes.push(w.get('calls')?.size ?? 0));
    expect(r.lastMutationId).toBe(n);
    expect(r.results.every((x) => x.status === 'applied')).toBe(true);
    expect(pokes).toEqual([PUSH_TX_MUTATIONS, 3]);
  });

  it('judges a later mutation of the same push by a policy an earlier one put in force (sync.max-offline-age)', async () => {
    const handlers = serverHandlers();
    const today = FIXED_NOW.toISOString().slice(0, 10);
    const req = (clientId: string): PushRequest => ({
      clientId,
      mutations: [
        m(1, 'policy.update', { id: randomUUID(), effectiveFrom: today, values: { ...POLICY_DEFAULTS, maxOfflineDays: 1 }, note: '' }),
        // Done three days ago: within the 14 days in force before the first mutation, past the 1 day after it.
        m(2, 'policy.update', { id: randomUUID(), effectiveFrom: today, values: { ...POLICY_DEFAULTS, maxSwapsPerMonth: 3 }, note: '' }, FIXED_NOW.getTime() - 3 * 24 * H),
      ],
    });
    const now1 = await processPush(stores.now.db, handlers, 'user-center01', req(randomUUID()), now, () => undefined);
    const before1 = await processPushPerMutation(stores.before.db, handlers, 'user-center01', req(randomUUID()), now, () => undefined);
    expect(now1).toEqual(before1);
    expect(now1.results).toMatchObject([{ status: 'applied' }, { status: 'rejected', error: { ruleIds: ['sync.max-offline-age'] } }]);
  });
});
