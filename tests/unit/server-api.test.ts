import { Validator } from '@seriousme/openapi-schema-validator';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatHlc } from '../../shared/sync/hlc';
import { MAX_PUSH_BATCH } from '../../shared/sync/protocol';
import { POLICY_DEFAULTS } from '../../shared/policy/defaults';
import { api as call, ENGINE_CASES, serverLogin, startCentral, type RunningCentral } from './support/central';
import { aCall } from './support/calls';
import { tempDir } from './support/tmp';

const stamp = (ms = Date.now()) => formatHlc({ wall: ms, counter: 0, node: 'test-desk' });
const mutation = (id: number, args: unknown = aCall(), actedAt = stamp()) => ({ id, name: 'calls.log', args, actedAt });

describe.each(ENGINE_CASES)('central server on $name', (engine) => {
  const dir = tempDir();
  let central: RunningCentral;
  beforeAll(async () => {
    if (engine.skip) return;
    central = await startCentral(engine, dir.path);
  });
  afterAll(async () => {
    await central?.stop();
    dir.remove();
  });

  describe.skipIf(engine.skip !== null)('serving', () => {
    const count = async (table: 'calls' | 'mutation_log') => Number((await central.store.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

    it('reports health with the database engine', async () => {
      const r = await fetch(`${central.url}/api/health`);
      expect(await r.json()).toMatchObject({ status: 'ok', db: 'ok', engine: engine.name.startsWith('PGlite') ? 'pglite' : 'postgres' });
    });

    it('serves an OpenAPI 3.1 document that a real validator accepts, covering every method', async () => {
      const doc = (await (await fetch(`${central.url}/api/openapi.json`)).json()) as { openapi: string; paths: Record<string, unknown> };
      const result = await new Validator().validate(doc as never);
      expect(result.errors ?? []).toEqual([]);
      expect(result.valid).toBe(true);
      expect(doc.openapi).toBe('3.1.0');
      expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/calls.log', '/api/v1/session.login', '/api/sync/push', '/api/sync/pull']));
    });

    it('runs integrator calls with the same validation, roles and rules', async () => {
      const agent = await serverLogin(central.url, 'agent03');
      const ok = await call(central.url, '/api/v1/calls.log', aCall(), agent);
      expect(ok.status).toBe(200);
      expect(ok.body.value.agentName).toBe('张敏');
      const bad = await call(central.url, '/api/v1/calls.log', { ...aCall(), category: 'gossip' }, agent);
      expect(bad).toMatchObject({ status: 400, body: { ok: false, error: { code: 'invalid_input', fields: [{ path: 'category' }] } } });
      const qa = await serverLogin(central.url, 'qa01');
      expect((await call(central.url, '/api/v1/calls.log', aCall(), qa)).status).toBe(403);
      expect((await call(central.url, '/api/v1/nope', {}, qa)).body.error.code).toBe('unknown_method');
    });

    it('answers bad bodies, tokens and content types with 4xx JSON and writes nothing', async () => {
      const token = await serverLogin(central.url, 'agent01');
      const clientId = randomUUID();
      const before = await count('mutation_log');
      const cases: [unknown, string | undefined, Record<string, string>, number][] = [
        ['{"clientId":', token, {}, 400],
        [{ clientId: 'not-a-uuid', mutations: [mutation(1)] }, token, {}, 400],
        [{ clientId, mutations: [] }, token, {}, 400],
        // A malformed act time is that mutation's own refusal now, not the batch's (#15; validation-sync.test.ts item 2).
        [{ clientId, mutations: Array.from({ length: MAX_PUSH_BATCH + 1 }, (_, i) => mutation(i + 1)) }, token, {}, 400],
        [{ clientId, mutations: [mutation(1)] }, undefined, {}, 401],
        [{ clientId, mutations: [mutation(1)] }, 'forged', {}, 401],
        ['x', token, { 'content-type': 'text/plain' }, 415],
      ];
      for (const [body, t, headers, status] of cases) {
        const r = await call(central.url, '/api/sync/push', body, t, headers);
        expect(r.status, JSON.stringify(body).slice(0, 60)).toBe(status);
        expect(r.body).toMatchObject({ ok: false, error: { code: expect.any(String), message: expect.any(String) } });
      }
      expect(await count('mutation_log')).toBe(before);
      expect((await fetch(`${central.url}/api/health`)).status).toBe(200);
    });

    it('applies a replayed push once, and refuses a gap in the ids', async () => {
      const token = await serverLogin(central.url, 'agent02');
      const clientId = randomUUID();
      const body = { clientId, mutations: [mutation(1), mutation(2)] };
      const calls = await count('calls');
      const first = await call(central.url, '/api/sync/push', body, token);
      expect(first.body).toMatchObject({ lastMutationId: 2, results: [{ id: 1, status: 'applied' }, { id: 2, status: 'applied' }] });
      const again = await call(central.url, '/api/sync/push', body, token);
      expect(again.body).toMatchObject({ lastMutationId: 2, results: [{ id: 1, status: 'applied', duplicate: true }, { id: 2, status: 'applied', duplicate: true }] });
      expect(await count('calls')).toBe(calls + 2);
      const gap = await call(central.url, '/api/sync/push', { clientId, mutations: [mutation(5)] }, token);
      expect(gap).toMatchObject({ status: 409, body: { error: { params: { lastMutationId: 2 } } } });
    });

    it("refuses another user's client id", async () => {
      const clientId = randomUUID();
      await call(central.url, '/api/sync/push', { clientId, mutations: [mutation(1)] }, await serverLogin(central.url, 'agent04'));
      const other = await call(central.url, '/api/sync/push', { clientId, mutations: [mutation(2)] }, await serverLogin(central.url, 'agent05'));
      expect(other.status).toBe(403);
    });

    it('bounds act times: a clock too far ahead or work older than the offline limit is rejected with its rule, and the client moves on', async () => {
      const token = await serverLogin(central.url, 'agent06');
      const clientId = randomUUID();
      const ahead = Date.now() + POLICY_DEFAULTS.clockDriftMinutes * 60_000 + 60_000;
      const old = Date.now() - POLICY_DEFAULTS.maxOfflineDays * 86_400_000 - 86_400_000;
      const r = await call(central.url, '/api/sync/push', { clientId, mutations: [mutation(1, aCall(), stamp(ahead)), mutation(2, aCall(), stamp(old)), mutation(3)] }, token);
      expect(r.body.lastMutationId).toBe(3);
      expect(r.body.results.map((x: { status: string }) => x.status)).toEqual(['rejected', 'rejected', 'applied']);
      expect(r.body.results[0].error.ruleIds).toEqual(['sync.clock-drift']);
      expect(r.body.results[1].error.ruleIds).toEqual(['sync.max-offline-age']);
      const row = await central.store.db.selectFrom('mutation_log').selectAll().where('client_id', '=', clientId).where('id', '=', 3).executeTakeFirstOrThrow();
      expect(row.acted_at).not.toBe(row.received_at);
    });

    it("re-authorizes pushed work against the actor's current role", async () => {
      const token = await serverLogin(central.url, 'agent07');
      await central.store.db.updateTable('users').set({ role: 'qa_inspector' }).where('username', '=', 'agent07').execute();
      const r = await call(central.url, '/api/sync/push', { clientId: randomUUID(), mutations: [mutation(1)] }, token);
      await central.store.db.updateTable('users').set({ role: 'agent' }).where('username', '=', 'agent07').execute();
      expect(r.body.results[0]).toMatchObject({ status: 'rejected', error: { code: 'forbidden', ruleIds: ['sync.current-role'] } });
    });

    it('lets an admin revoke every token of a user', async () => {
      const token = await serverLogin(central.url, 'agent08');
      const admin = await serverLogin(central.url, 'admin');
      expect((await call(central.url, '/api/v1/session.revokeUser', { userId: 'user-agent08' }, token)).status).toBe(403);
      const r = await call(central.url, '/api/v1/session.revokeUser', { userId: 'user-agent08' }, admin);
      expect(r.body.value.revoked).toBeGreaterThanOrEqual(1);
      expect((await call(central.url, '/api/v1/session.me', {}, token)).status).toBe(401);
    });

    it('rate-limits failed sign-ins per username', async () => {
      for (let i = 0; i < 5; i++) expect((await call(central.url, '/api/v1/session.login', { username: 'agent09', password: 'wrong' })).status).toBe(401);
      const limited = await call(central.url, '/api/v1/session.login', { username: 'agent09', password: 'zhiban123' });
      expect(limited.status).toBe(429);
      expect(limited.body.error.code).toBe('rate_limited');
    });
  });
});
