import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeskHost } from '../../electron/backend/desk-host';
import { verifyAuditChain } from '../../db/audit/chain';
import { POLICY_DEFAULTS } from '../../shared/policy/defaults';
import { api as post, ENGINE_CASES, serverLogin, startCentral, type RunningCentral } from './support/central';
import { EXAMPLES } from './support/examples';
import { startDemoDesk } from './support/desks';
import { Fixture, FIXED_NOW } from './support/fixture';
import { tempDir } from './support/tmp';

/**
 * The audit log (#15 item 9): approvals, policy and account changes are recorded as they apply, on the server
 * (pushed or called) and on a standalone desk, in an append-only chain whose hashes expose any edit or removal;
 * directors and the admin browse it with filters; a password never enters it.
 */
const dir = tempDir();
afterAll(() => dir.remove());

describe('on the central server', () => {
  let central: RunningCentral;
  let fx: Fixture;
  beforeAll(async () => {
    central = await startCentral(ENGINE_CASES[0]!, `${dir.path}/server`, { clock: () => FIXED_NOW });
    fx = new Fixture(central.server.dispatch);
  });
  afterAll(() => central.stop());

  it('records each audited change once, in order, with who and what — and no unaudited one', async () => {
    await fx.call('agent01', 'calls.log', await EXAMPLES['calls.log'].input(fx));
    const leave = await EXAMPLES['leave.decide'].input(fx);
    await fx.call('lead01', 'leave.decide', leave);
    const policy = await EXAMPLES['policy.update'].input(fx);
    await fx.call('center01', 'policy.update', policy);
    const list = await fx.call('center01', 'audit.list', {});
    expect(list.map((e) => [e.action, e.actorName, e.outcome])).toEqual([
      ['policy.update', '高文', 'applied'],
      ['leave.decide', '郑伟', 'applied'],
    ]);
    expect(list[1]!.subject).toMatchObject({ id: leave.id, approve: true });
    expect(list[0]!.seq).toBe(list[1]!.seq + 1);
    expect(await fx.call('dept01', 'audit.verify', {})).toEqual({ ok: true, checked: 2, broken: null });
  });

  it('filters by person and action, and only reviewers may read it', async () => {
    expect((await fx.call('admin', 'audit.list', { action: 'leave.decide' })).map((e) => e.action)).toEqual(['leave.decide']);
    expect(await fx.call('admin', 'audit.list', { actorId: fx.userId('center01') })).toHaveLength(1);
    const r = await central.server.dispatch('audit.list', {}, await fx.token('agent01'));
    expect(r).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('a pushed approval is audited at the act time the server judged', async () => {
    const token = await serverLogin(central.url, 'center01');
    const clientId = randomUUID();
    await post(central.url, '/api/sync/pull', { clientId, cookie: null, sinceMutationId: 0, limit: 5 }, token);
    const args = { id: randomUUID(), effectiveFrom: fx.day(3), values: { ...POLICY_DEFAULTS, maxSwapsPerMonth: 4 }, note: '' };
    const r = await post(central.url, '/api/sync/push', { clientId, mutations: [{ id: 1, name: 'policy.update', args, actedAt: `${FIXED_NOW.toISOString()}#0000#desk-x` }] }, token);
    expect(r.body.results[0].status).toBe('applied');
    const [last] = await fx.call('center01', 'audit.list', { limit: 1 });
    expect(last).toMatchObject({ action: 'policy.update', clientId, subject: { id: args.id } });
  });

  it('records sign-ins and refused sign-ins with where they came from, and account changes without the password', async () => {
    const deskId = randomUUID();
    expect((await post(central.url, '/api/v1/session.login', { username: 'agent02', password: 'not-the-password', deskId })).status).toBe(401);
    const admin = await serverLogin(central.url, 'admin');
    const target = fx.userId('agent02');
    expect((await post(central.url, '/api/v1/org.setPassword', { userId: target, password: 'Quiet-Harbour-42' }, admin)).status).toBe(200);
    const [reset, signIn, refused] = await fx.call('admin', 'audit.list', { limit: 3 });
    expect(refused).toMatchObject({ action: 'session.login', outcome: 'failure', actorId: null, subject: { username: 'agent02', deskId, address: '127.0.0.1' } });
    expect(signIn).toMatchObject({ action: 'session.login', outcome: 'success', actorId: fx.userId('admin') });
    expect(reset).toMatchObject({ action: 'org.setPassword', outcome: 'success', actorId: fx.userId('admin'), subject: { userId: target, password: '[redacted]' } });
    const all = JSON.stringify(await central.store.db.selectFrom('audit_log').selectAll().execute());
    expect(all).not.toContain('Quiet-Harbour-42');
    expect(all).not.toContain('not-the-password');
    expect((await fx.call('admin', 'audit.verify', {})).ok).toBe(true);
  });

  it('detects an edited entry and a removed one', async () => {
    expect((await verifyAuditChain(central.store.db)).ok).toBe(true);
    const first = await central.store.db.selectFrom('audit_log').select('subject').where('seq', '=', 1).executeTakeFirstOrThrow();
    await sql`update audit_log set subject = ${JSON.stringify({ id: 'someone-else' })} where seq = 1`.execute(central.store.db);
    expect(await verifyAuditChain(central.store.db)).toMatchObject({ ok: false, broken: { seq: 1, reason: 'hash' } });
    await sql`update audit_log set subject = ${first.subject} where seq = 1`.execute(central.store.db);
    expect((await verifyAuditChain(central.store.db)).ok).toBe(true);
    await sql`delete from audit_log where seq = 2`.execute(central.store.db);
    expect(await verifyAuditChain(central.store.db)).toMatchObject({ ok: false, broken: { seq: 2, reason: 'gap' } });
  });
});

describe('on a standalone desk (its own center)', () => {
  let host: DeskHost;
  beforeAll(async () => {
    host = await startDemoDesk({ dataDir: `${dir.path}/desk`, clock: () => FIXED_NOW });
  });
  afterAll(() => host.close());

  it('keeps its own chain, and never a password', async () => {
    const fx = new Fixture(host.dispatch);
    await fx.call('admin', 'org.setPassword', await EXAMPLES['org.setPassword'].input(fx));
    await fx.call('admin', 'org.saveTeam', { id: 'team-c', name: '三组' });
    const list = await fx.call('admin', 'audit.list', {});
    expect(list.map((e) => e.action)).toEqual(expect.arrayContaining(['org.saveTeam', 'org.setPassword', 'session.login']));
    expect(await host.dispatch('session.login', { username: 'agent01', password: 'wrong-one' })).toMatchObject({ ok: false });
    expect((await fx.call('admin', 'audit.list', { action: 'session.login', limit: 1 }))[0]).toMatchObject({ outcome: 'failure', subject: { username: 'agent01' } });
    const all = JSON.stringify(await host.db.selectFrom('audit_log').selectAll().execute());
    expect(all).not.toContain('Correct-Horse');
    expect((await fx.call('admin', 'audit.verify', {})).ok).toBe(true);
  });
});
