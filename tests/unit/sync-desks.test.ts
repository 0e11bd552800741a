import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { DeskEvent } from '../../shared/api/events';
import type { SyncStatus } from '../../shared/sync/status';
import { startDeskHost } from '../../electron/backend/desk-host';
import { ENGINE_CASES, startCentral, type RunningCentral } from './support/central';
import { openDesk, wiredLink, type TestDesk, startDemoDesk } from './support/desks';
import { aCall } from './support/calls';
import { tempDir } from './support/tmp';

const dir = tempDir();
let central: RunningCentral;
const desks: TestDesk[] = [];
beforeAll(async () => {
  central = await startCentral(ENGINE_CASES[0]!, join(dir.path, 'server'));
});
afterAll(async () => {
  for (const d of desks) await d.host.close();
  await central.stop();
  dir.remove();
});

async function desk(name: string, username: string) {
  const d = await openDesk(central.url, join(dir.path, name), username);
  desks.push(d);
  return d;
}

const everything = () => ({ from: new Date(0).toISOString(), to: new Date(Date.now() + 86_400_000).toISOString() });
async function listCalls(d: TestDesk, q = '') {
  const r = await d.host.dispatch('calls.list', { ...everything(), q }, d.token);
  if (!r.ok) throw new Error(r.error.message);
  return r.value as { id: string; agentId: string; teamId: string | null; summary: string }[];
}
const status = async (d: TestDesk) => (await d.host.dispatch('sync.status', {}, d.token)) as { ok: true; value: SyncStatus };
const serverHas = async (id: string) => (await central.store.db.selectFrom('calls').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;

/**
 * For expect.poll on work the desk finishes in the background (a retry after backoff, a pull after a poke):
 * the poll ends as soon as the condition holds; the timeout only fails a condition that never will, and is
 * wide so a busy machine is not mistaken for a broken sync.
 */
const SETTLED = { timeout: 10_000, interval: 20 };

function nextEvent(d: TestDesk, pred: (e: DeskEvent) => boolean, ms = 10_000): Promise<DeskEvent> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error('no such event in time')), ms);
    const off = d.host.events.on((e) => {
      if (pred(e)) {
        clearTimeout(t);
        off();
        resolve(e);
      }
    });
  });
}

describe('desk ↔ server sync', () => {
  it('gives a new desk its first sync, with progress, of exactly its scope', async () => {
    const progress: number[] = [];
    const wire = { online: true, dropNextReply: false };
    const host = await startDeskHost({ dataDir: join(dir.path, 'first'), link: wiredLink(central.url, wire), retryBaseMs: 20 });
    host.events.on((e) => e.type === 'sync' && e.status.firstSync && progress.push(e.status.firstSync.total));
    const r = await host.dispatch('session.login', { username: 'agent01', password: 'zhiban123' });
    const d: TestDesk = { host, wire, token: (r as { value: { token: string } }).value.token, username: 'agent01' };
    desks.push(d);
    await host.sync.syncNow();
    expect(progress.length).toBeGreaterThan(0);
    expect((await status(d)).value).toMatchObject({ state: 'online', pending: 0 });
    const calls = await listCalls(d);
    expect(calls.length).toBe(2); // agent01's two demo calls
    expect(new Set(calls.map((c) => c.agentId))).toEqual(new Set(['user-agent01']));
    const users = await host.db.selectFrom('users').select(['id', 'team_id', 'password_hash']).execute();
    expect(users.every((u) => u.password_hash === '')).toBe(true); // the colleague directory, never a hash
    const roster = await host.db.selectFrom('roster').select('team_id').distinct().execute();
    expect(roster.map((r) => r.team_id)).toEqual(['team-a']);
  });

  it('keeps work done offline and delivers it when back; the lead sees it without asking (poke)', async () => {
    const agent = await desk('a2', 'agent02');
    const lead = await desk('l1', 'lead01');
    await agent.host.sync.syncNow();
    await lead.host.sync.syncNow();
    agent.wire.online = false;
    const input = aCall({ summary: '离线登记的来电' });
    expect((await agent.host.dispatch('calls.log', input, agent.token)).ok).toBe(true);
    await agent.host.sync.syncNow();
    expect((await status(agent)).value).toMatchObject({ state: 'offline', pending: 1 });
    expect((await listCalls(agent, '离线')).map((c) => c.id)).toEqual([input.id]);
    expect(await serverHas(input.id)).toBe(false);

    const leadSaw = nextEvent(lead, (e) => e.type === 'changed' && e.method === 'sync.pull' && true);
    agent.wire.online = true;
    await agent.host.sync.syncNow();
    expect((await status(agent)).value).toMatchObject({ state: 'online', pending: 0 });
    expect(await serverHas(input.id)).toBe(true);
    await leadSaw;
    await expect.poll(async () => (await listCalls(lead, '离线')).map((c) => c.id), SETTLED).toEqual([input.id]);
  });

  it('loses nothing and applies nothing twice when a push reply is lost', async () => {
    const d = await desk('a3', 'agent03');
    await d.host.sync.syncNow();
    const input = aCall({ summary: '回执丢失' });
    d.wire.dropNextReply = true;
    await d.host.dispatch('calls.log', input, d.token);
    await d.host.sync.syncNow(); // the push lands, its reply is lost, the desk retries after backoff
    await expect.poll(() => d.wire.dropNextReply, SETTLED).toBe(false);
    expect(await serverHas(input.id)).toBe(true);
    await expect.poll(async () => (await status(d)).value.pending, SETTLED).toBe(0);
    expect((await status(d)).value).toMatchObject({ state: 'online', pending: 0 });
    const logged = await central.store.db.selectFrom('mutation_log').selectAll().where('args', 'like', `%${input.id}%`).execute();
    expect(logged).toHaveLength(1);
    expect((await listCalls(d, '回执丢失')).map((c) => c.id)).toEqual([input.id]);
  });

  it('shows a refused action in the needs-attention inbox, naming the rule, and takes its effect off the screens', async () => {
    const d = await desk('a4', 'agent04');
    await d.host.sync.syncNow();
    d.wire.online = false;
    const input = aCall({ summary: '将被拒绝' });
    await d.host.dispatch('calls.log', input, d.token);
    expect(await listCalls(d, '将被拒绝')).toHaveLength(1);
    await central.store.db.updateTable('users').set({ role: 'qa_inspector' }).where('username', '=', 'agent04').execute();
    d.wire.online = true;
    await d.host.sync.syncNow();
    await central.store.db.updateTable('users').set({ role: 'agent' }).where('username', '=', 'agent04').execute();
    await d.host.sync.syncNow();
    expect(await listCalls(d, '将被拒绝')).toHaveLength(0);
    expect(await serverHas(input.id)).toBe(false);
    const inbox = await d.host.dispatch('sync.inbox', {}, d.token);
    expect(inbox).toMatchObject({ ok: true, value: [{ name: 'calls.log', error: { code: 'forbidden', ruleIds: ['sync.current-role'] } }] });

    // The inbox survives a restart, and dismissing it is the person's own business.
    await d.host.close();
    desks.splice(desks.indexOf(d), 1);
    const again = await desk('a4', 'agent04');
    const kept = await again.host.dispatch('sync.inbox', {}, again.token);
    expect((kept as { value: unknown[] }).value).toHaveLength(1);
    const item = (kept as { value: { clientId: string; mutationId: number }[] }).value[0]!;
    await again.host.dispatch('sync.dismiss', { clientId: item.clientId, mutationId: item.mutationId }, again.token);
    expect((await again.host.dispatch('sync.inbox', {}, again.token)) as { value: unknown[] }).toMatchObject({ value: [] });
  });

  it('a second person signing in at a shared desk syncs their own scope (not "offline" for good)', async () => {
    const d = await desk('shared', 'agent04');
    expect(await d.host.sync.syncNow()).toMatchObject({ state: 'online' });
    expect((await d.host.dispatch('session.logout', {}, d.token)).ok).toBe(true);
    const r = await d.host.dispatch('session.login', { username: 'lead01', password: 'zhiban123' });
    if (!r.ok) throw new Error(r.error.message);
    const lead = { ...d, token: (r.value as { token: string }).token };
    expect(await d.host.sync.syncNow()).toMatchObject({ state: 'online' });
    // The lead's scope: the whole team's calls, not only agent04's.
    expect(new Set((await listCalls(lead)).map((c) => c.agentId)).size).toBeGreaterThan(1);
  });

  it('signs a known person in offline with their last identity, and no one else', async () => {
    const d = await desk('a5', 'agent05');
    d.wire.online = false;
    expect((await d.host.dispatch('session.login', { username: 'agent05', password: 'zhiban123' })).ok).toBe(true);
    expect(await d.host.dispatch('session.login', { username: 'agent05', password: 'wrong' })).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect(await d.host.dispatch('session.login', { username: 'agent06', password: 'zhiban123' })).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
  });
});

describe('the server a desk syncs with is a setting', () => {
  it('admins set it (validated), others may not, and clearing it makes the desk standalone', async () => {
    const host = await startDemoDesk({ dataDir: join(dir.path, 'setting') });
    try {
      const login = async (u: string) => ((await host.dispatch('session.login', { username: u, password: 'zhiban123' })) as { value: { token: string } }).value.token;
      const admin = await login('admin');
      expect(await host.dispatch('sync.setServer', { url: central.url }, await login('agent01'))).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(await host.dispatch('sync.setServer', { url: 'ftp://x' }, admin)).toMatchObject({ ok: false, error: { fields: [{ path: 'url', code: 'err.url' }] } });
      expect(await host.dispatch('sync.setServer', { url: central.url }, admin)).toMatchObject({ ok: true, value: { serverUrl: central.url, state: 'signedOut' } });
      expect(await host.dispatch('sync.setServer', { url: null }, admin)).toMatchObject({ ok: true, value: { serverUrl: null, state: 'standalone' } });
    } finally {
      await host.close();
    }
  });
});
