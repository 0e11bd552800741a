import fc from 'fast-check';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { syncScopeOf, rowInScope } from '../../shared/sync/scope';
import { readOutbox } from '../../db/stores/outbox-store';
import { findActiveActor } from '../../db/stores/users-store';
import { ENGINE_CASES, startCentral, api, type RunningCentral } from './support/central';
import { openDesk, type TestDesk } from './support/desks';
import { aCall } from './support/calls';
import { tempDir } from './support/tmp';

/** Who sits at the simulated desks: two agents of different teams and the lead of one of them. */
const PEOPLE = ['agent01', 'agent07', 'lead01'] as const;

type Action =
  | { kind: 'log'; desk: number }
  | { kind: 'cut' | 'restore' | 'sync' | 'loseReply' | 'replayPush' | 'reorderPush'; desk: number }
  | { kind: 'restartServer' }
  | { kind: 'demote' | 'reinstate'; desk: number };

const action: fc.Arbitrary<Action> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('log' as const), desk: fc.nat(2) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constantFrom('cut' as const, 'restore' as const, 'sync' as const), desk: fc.nat(2) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constantFrom('loseReply' as const, 'replayPush' as const, 'reorderPush' as const), desk: fc.nat(2) }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'restartServer' as const }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constantFrom('demote' as const, 'reinstate' as const), desk: fc.nat(2) }) },
);

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function settle(desks: TestDesk[]) {
  for (let round = 0; round < 3; round++) for (const d of desks) await d.host.sync.syncNow();
}

describe('sync convergence (property)', () => {
  it('N desks, random offline work, lost and duplicated and reordered pushes, server restarts: all converge, nothing lost, nothing applied twice', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(action, { minLength: 4, maxLength: 22 }), async (actions) => {
        const dir = tempDir('zhiban-prop-');
        const central: RunningCentral = await startCentral(ENGINE_CASES[0]!, join(dir.path, 'server'));
        const desks: TestDesk[] = [];
        cleanups.push(async () => {
          for (const d of desks) await d.host.close();
          await central.stop();
          dir.remove();
        });
        for (const [i, who] of PEOPLE.entries()) desks.push(await openDesk(central.url, join(dir.path, `desk${i}`), who));
        const logged: { desk: number; id: string }[] = [];
        const setRole = (desk: number, role: string) => central.store.db.updateTable('users').set({ role }).where('username', '=', PEOPLE[desk]!).execute();

        for (const a of actions) {
          const d = 'desk' in a ? desks[a.desk]! : null;
          switch (a.kind) {
            case 'log': {
              if (PEOPLE[a.desk] === 'lead01' && logged.length % 2) break; // leads log calls too, just less
              const input = aCall({ summary: `prop ${logged.length}` });
              const r = await d!.host.dispatch('calls.log', input, d!.token);
              // A desk that already learnt of a demotion refuses at once: nothing acknowledged, nothing to sync.
              if (!r.ok) {
                expect(r.error.code).toBe('forbidden');
                break;
              }
              logged.push({ desk: a.desk, id: input.id });
              break;
            }
            case 'cut':
              d!.wire.online = false;
              break;
            case 'restore':
              d!.wire.online = true;
              break;
            case 'sync':
              await d!.host.sync.syncNow();
              break;
            case 'loseReply':
              d!.wire.dropNextReply = true;
              await d!.host.sync.syncNow();
              break;
            case 'replayPush':
            case 'reorderPush': {
              // Deliver this desk's pending batch straight to the server again (duplicate) or backwards (out of order).
              const clientId = await d!.host.clientIdFor(`user-${PEOPLE[a.desk]}`);
              const pending = clientId ? await readOutbox(d!.host.db, clientId) : [];
              const cred = await d!.host.db.selectFrom('desk_credentials').select('server_token').executeTakeFirst();
              if (!pending.length || !cred) break;
              const batch = pending.map((e) => ({ id: e.id, name: e.name, args: e.args, actedAt: e.actedAt }));
              await api(central.url, '/api/sync/push', { clientId, mutations: a.kind === 'reorderPush' ? batch.reverse() : batch }, cred.server_token);
              break;
            }
            case 'restartServer':
              await central.restart();
              break;
            case 'demote':
              await setRole(a.desk, 'qa_inspector');
              break;
            case 'reinstate':
              await setRole(a.desk, PEOPLE[a.desk]!.startsWith('lead') ? 'team_lead' : 'agent');
              break;
          }
        }

        // Quiescence: everyone back online with their proper role, sync until quiet.
        for (const [i, d] of desks.entries()) {
          d.wire.online = true;
          d.wire.dropNextReply = false;
          await setRole(i, PEOPLE[i]!.startsWith('lead') ? 'team_lead' : 'agent');
        }
        await settle(desks);

        const serverCalls = await central.store.db.selectFrom('calls').select(['id', 'agent_id', 'team_id', 'summary', 'version']).orderBy('id').execute();
        for (const [i, d] of desks.entries()) {
          // 1. Nothing pending anywhere.
          expect(await d.host.db.selectFrom('outbox').selectAll().execute()).toEqual([]);
          // 2. The desk holds exactly the server's rows in its person's scope.
          const actor = (await findActiveActor(central.store.db, `user-${PEOPLE[i]}`))!;
          const scope = syncScopeOf(actor);
          const expected = serverCalls.filter((c) => rowInScope(scope.calls, c)).map((c) => ({ ...c, version: Number(c.version) }));
          const onDesk = (await d.host.db.selectFrom('calls').select(['id', 'agent_id', 'team_id', 'summary', 'version']).orderBy('id').execute()).map((c) => ({ ...c, version: Number(c.version) }));
          expect(onDesk).toEqual(expected);
        }
        // 3. Every acknowledged action ended applied on the server or visibly rejected on its desk, never both.
        for (const l of logged) {
          const applied = serverCalls.some((c) => c.id === l.id);
          const inbox = await desks[l.desk]!.host.db.selectFrom('attention_inbox').select('args').execute();
          const rejected = inbox.some((r) => r.args.includes(l.id));
          expect(applied !== rejected, `call ${l.id} applied=${applied} rejected=${rejected}`).toBe(true);
        }
        // 4. Each mutation ran exactly once on the server, however often it was delivered.
        const log = await central.store.db.selectFrom('mutation_log').select(['client_id', 'id', 'status']).execute();
        expect(log.length).toBe(logged.length);
        expect(new Set(log.map((r) => `${r.client_id}/${r.id}`)).size).toBe(log.length);
        expect(log.filter((r) => r.status === 'applied').length).toBe(serverCalls.length - 6 /* demo calls */);
      }),
      { numRuns: Number(process.env.ZHIBAN_PROPERTY_RUNS ?? 8), endOnFailure: true },
    );
  }, 900_000);
});
