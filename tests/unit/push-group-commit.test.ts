import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeskError } from '../../shared/api/errors';
import { formatHlc } from '../../shared/sync/hlc';
import type { PushRequest, PushResponse } from '../../shared/sync/protocol';
import type { BackendHandlers } from '../../db/dispatch';
import { seedDemoCenter } from '../../db/demo/seed';
import type { CentralStore } from '../../server/store';
import { serverHandlers } from '../../server/handlers';
import { processPush, PushCommitter, PushRefused } from '../../server/sync/push';
import { currentVersion } from '../../server/sync/versions';
import type { SyncedTable } from '../../db/sync/synced-tables';
import { ENGINE_CASES } from './support/central';
import { FIXED_NOW } from './support/fixture';
import { acceptedSwapsOfAgent01 } from './support/accepted-swaps';
import { snapshot } from './support/snapshot';
import { demoPasswordHashes } from './support/templates';
import { tempDir } from './support/tmp';

/**
 * Group commit (#16; DECISIONS.md "Pushes from many desks share a commit"): pushes that arrive while a commit
 * is in flight share the next one. Each desk must still get exactly the answer it would have got alone, a desk
 * refused or failing must not touch the others, and a limit across people (two swaps a month) must hold.
 */
const dir = tempDir();
const now = () => FIXED_NOW;
type Mutation = PushRequest['mutations'][number];
const m = (id: number, name: string, args: unknown, node = 'desk'): Mutation => ({ id, name, args, actedAt: formatHlc({ wall: FIXED_NOW.getTime() - 5 * 60_000, counter: id, node }) });

function call(id: string, summary = 'billing question') {
  const end = FIXED_NOW.getTime() - 10 * 60_000;
  return { id, customerPhone: '138 0013 8000', customerName: 'Zhao', category: 'query', summary, outcome: 'answered', followUp: false, startedAt: new Date(end - 120_000).toISOString(), endedAt: new Date(end).toISOString() };
}

/** calls.log that refuses after writing (only its savepoint can undo it), or fails as a lost database would. */
function handlersWithFaults(): BackendHandlers {
  const real = serverHandlers();
  return {
    ...real,
    'calls.log': async (ctx, input) => {
      const out = await real['calls.log'](ctx, input);
      if (input.summary === 'refuse after writing') throw new DeskError({ code: 'rule_violation', message: 'refused late', ruleIds: ['test.late'] });
      if (input.summary === 'database gone') throw Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });
      return out;
    },
  };
}

async function answer(run: () => Promise<PushResponse>): Promise<PushResponse | { refused: number; code: string } | { failed: true }> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof PushRefused) return { refused: err.status, code: err.wire.code };
    return { failed: true };
  }
}

/** Synced rows without their version (the order of commits may differ), per table and key. */
async function rows(store: CentralStore) {
  const s = await snapshot(store.db);
  return Object.fromEntries(Object.entries(s).map(([t, byKey]) => [t, Object.fromEntries([...byKey].map(([k, v]) => [k, JSON.stringify({ ...(JSON.parse(v) as object), version: undefined })]))]));
}

for (const engine of ENGINE_CASES)
  describe.skipIf(engine.skip)(`pushes from many desks sharing a commit (${engine.name})`, () => {
    const stores: Record<'group' | 'alone', CentralStore> = {} as never;
    beforeAll(async () => {
      const hashes = await demoPasswordHashes();
      for (const k of ['group', 'alone'] as const) {
        stores[k] = await engine.open(`${dir.path}/${engine.name.slice(0, 6)}-${k}`);
        await seedDemoCenter(stores[k].db, FIXED_NOW, 1, hashes);
      }
    });
    afterAll(async () => {
      for (const s of Object.values(stores)) await s?.close();
    });

    it('desks pushing at once all converge: each answered as if alone, one version per applied mutation, pokes once per commit', async () => {
      const agents = ['agent01', 'agent02', 'agent03', 'agent04', 'agent05', 'agent06'];
      const pushes = agents.map((a, i) => ({ user: `user-${a}`, req: { clientId: randomUUID(), mutations: [1, 2, 3].map((id) => m(id, 'calls.log', call(randomUUID(), `call ${i}.${id}`), a)) } }));
      const pokes: ReadonlyMap<SyncedTable, ReadonlySet<string>>[] = [];
      const committer = new PushCommitter(stores.group.db, serverHandlers(), now, (w) => pokes.push(w));
      const before = await currentVersion(stores.group.db);
      const grouped = await Promise.all(pushes.map((p) => answer(() => committer.push(p.user, p.req))));
      const alone: unknown[] = [];
      for (const p of pushes) alone.push(await answer(() => processPush(stores.alone.db, serverHandlers(), p.user, p.req, now, () => undefined)));

      expect(grouped).toEqual(alone);
      expect(grouped.every((r) => 'results' in r && r.lastMutationId === 3 && r.results.every((x) => x.status === 'applied'))).toBe(true);
      // The first push found the server idle and committed alone; the five that came meanwhile shared the next commit.
      expect(committer.stats.largest).toBeGreaterThan(1);
      expect(committer.stats.commits).toBeLessThan(pushes.length);
      expect(pokes).toHaveLength(committer.stats.commits);
      expect(pokes.reduce((n, w) => n + (w.get('calls')?.size ?? 0), 0)).toBe(18);
      // Every applied mutation has a version of its own, consecutive, and sync_state ends at the last.
      const versions = (await stores.group.db.selectFrom('calls').select('version').where('version', '>', before).orderBy('version').execute()).map((r) => Number(r.version));
      expect(versions).toEqual(Array.from({ length: 18 }, (_, i) => before + 1 + i));
      expect(await currentVersion(stores.group.db)).toBe(before + 18);
      for (const p of pushes) {
        const client = await stores.group.db.selectFrom('sync_clients').select(['last_mutation_id', 'user_id']).where('client_id', '=', p.req.clientId).executeTakeFirstOrThrow();
        expect([Number(client.last_mutation_id), client.user_id]).toEqual([3, p.user]);
      }
      expect(await rows(stores.group)).toEqual(await rows(stores.alone));
    });

    it("a desk refused, a desk with a gap, a desk using another's client id and a desk whose commit fails leave the others' shares standing", async () => {
      const handlers = handlersWithFaults();
      const taken = randomUUID();
      await processPush(stores.group.db, handlers, 'user-agent07', { clientId: taken, mutations: [m(1, 'calls.log', call(randomUUID()))] }, now, () => undefined);
      const good = randomUUID();
      const late = randomUUID();
      const pushes: { user: string; req: PushRequest }[] = [
        // The first commits alone (the server is idle); the rest arrive meanwhile and share one commit.
        { user: 'user-agent01', req: { clientId: randomUUID(), mutations: [m(1, 'calls.log', call(randomUUID()))] } },
        { user: 'user-agent02', req: { clientId: randomUUID(), mutations: [m(1, 'calls.log', call(late, 'refuse after writing')), m(2, 'calls.log', call(randomUUID()))] } },
        { user: 'user-agent03', req: { clientId: randomUUID(), mutations: [m(1, 'calls.log', call(good))] } },
        { user: 'user-agent04', req: { clientId: randomUUID(), mutations: [m(1, 'calls.log', call(randomUUID())), m(3, 'calls.log', call(randomUUID()))] } },
        { user: 'user-agent05', req: { clientId: taken, mutations: [m(2, 'calls.log', call(randomUUID()))] } },
        { user: 'user-agent06', req: { clientId: randomUUID(), mutations: [m(1, 'calls.log', call(randomUUID(), 'database gone'))] } },
        { user: 'user-agent08', req: { clientId: randomUUID(), mutations: [m(1, 'calls.log', call(randomUUID()))] } },
      ];
      const committer = new PushCommitter(stores.group.db, handlers, now, () => undefined);
      const [, refusedLate, plain, gap, foreign, gone, last] = await Promise.all(pushes.map((p) => answer(() => committer.push(p.user, p.req))));
      expect(refusedLate).toMatchObject({ lastMutationId: 2, results: [{ id: 1, status: 'rejected', error: { ruleIds: ['test.late'] } }, { id: 2, status: 'applied' }] });
      expect(plain).toMatchObject({ lastMutationId: 1, results: [{ id: 1, status: 'applied' }] });
      expect(gap).toEqual({ refused: 409, code: 'conflict' });
      expect(foreign).toEqual({ refused: 403, code: 'forbidden' });
      expect(gone).toEqual({ failed: true });
      expect(last).toMatchObject({ lastMutationId: 1, results: [{ id: 1, status: 'applied' }] });
      // The failed commit was run again desk by desk: only the desk at fault failed.
      expect(committer.stats.split).toBe(1);
      const db = stores.group.db;
      expect(await db.selectFrom('calls').select('id').where('id', '=', late).execute()).toEqual([]);
      expect(await db.selectFrom('calls').select('id').where('id', '=', good).execute()).toHaveLength(1);
      // The gap's first mutation stands; the failed desk left nothing, not even its client's advance.
      const last4 = await db.selectFrom('sync_clients').select('last_mutation_id').where('client_id', '=', pushes[3]!.req.clientId).executeTakeFirstOrThrow();
      expect(Number(last4.last_mutation_id)).toBe(1);
      expect(await db.selectFrom('mutation_log').select('id').where('client_id', '=', pushes[5]!.req.clientId).execute()).toEqual([]);
      const owner = await db.selectFrom('sync_clients').select(['user_id', 'last_mutation_id']).where('client_id', '=', taken).executeTakeFirstOrThrow();
      expect([owner.user_id, Number(owner.last_mutation_id)]).toEqual(['user-agent07', 1]);
    });

    it('three desks approving one agent\'s swaps in the same commit: the monthly limit (2) holds (swap.monthly-limit)', async () => {
      const db = stores.group.db;
      const users = await db.selectFrom('users').select(['id', 'username', 'team_id']).execute();
      const { swaps, agent01 } = await acceptedSwapsOfAgent01(db);
      const team = users.find((x) => x.id === agent01)!.team_id;
      const lead = users.find((u) => u.team_id === team && u.username.startsWith('lead'))!.id;
      const committer = new PushCommitter(db, serverHandlers(), now, () => undefined);
      // A busy server: a push from elsewhere is committing, so all three approvals arrive meanwhile and share the next commit.
      const busy = committer.push('user-agent09', { clientId: randomUUID(), mutations: [m(1, 'calls.log', call(randomUUID()))] });
      const answers = await Promise.all(swaps.map((s) => answer(() => committer.push(lead, { clientId: randomUUID(), mutations: [m(1, 'swap.decide', { id: s.id, approve: true })] }))));
      await busy;
      expect(committer.stats.largest).toBe(3);
      const results = answers.map((a) => ('results' in a ? a.results[0]! : a));
      expect(results.filter((r) => 'status' in r && r.status === 'applied')).toHaveLength(2);
      const refused = results.filter((r) => 'status' in r && r.status === 'rejected');
      expect(refused).toHaveLength(1);
      expect(refused[0]).toMatchObject({ error: { ruleIds: expect.arrayContaining(['swap.monthly-limit']) } });
      const approved = await db.selectFrom('swaps').select('id').where('status', '=', 'approved').where('requester_id', '=', agent01).execute();
      expect(approved).toHaveLength(2);
    });
  });

afterAll(() => dir.remove());
