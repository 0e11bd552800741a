import { DeskCredentials } from '../../electron/backend/auth/credentials';
import { startDemoDesk, startOfflineDemoDesk } from './support/desks';
import { deskKeyBox } from '../../electron/backend/auth/secret-box';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logCall } from '../../shared/calls/handlers';
import { readOutbox } from '../../db/stores/outbox-store';
import { SessionTable } from '../../electron/backend/auth/sessions';
import { createDispatch, type Dispatch } from '../../db/dispatch';
import { deskMutationHooks } from '../../electron/backend/desk-mutations';
import { findActiveActor } from '../../db/stores/users-store';
import { DeskEvents, type DeskEvent } from '../../electron/backend/events';
import { backendHandlers, sessionHandlers } from '../../electron/backend/handlers';
import { onlineHandlers } from '../../electron/backend/online-handlers';
import type { DeskHost } from '../../electron/backend/desk-host';
import { DEMO_PASSWORD } from '../../db/demo/demo-center';
import { aCall } from './support/calls';
import { tempDir } from './support/tmp';

const dir = tempDir();
let host: DeskHost;
const events: DeskEvent[] = [];

/** The outbox is a synced desk's (a standalone desk keeps none): those tests swap this one in as `host`. */
let synced: DeskHost;
beforeAll(async () => {
  host = await startDemoDesk({ dataDir: dir.path });
  host.events.on((e) => events.push(e));
  synced = await startOfflineDemoDesk({ dataDir: `${dir.path}/synced` });
  synced.events.on((e) => events.push(e));
});
afterAll(async () => {
  await host.close();
  await synced.close();
  dir.remove();
});
function onSyncedDesk() {
  let standalone: DeskHost;
  beforeAll(() => {
    standalone = host;
    host = synced;
  });
  afterAll(() => {
    synced = host;
    host = standalone;
  });
}

async function login(dispatch: Dispatch, username: string, password = DEMO_PASSWORD): Promise<string> {
  const r = await dispatch('session.login', { username, password });
  if (!r.ok) throw new Error(r.error.message);
  return (r.value as { token: string }).token;
}

const countCalls = async () => Number((await host.db.selectFrom('calls').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
const countOutbox = async () => Number((await host.db.selectFrom('outbox').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
const outboxOf = async (username: string) => readOutbox(host.db, (await host.clientIdFor(`user-${username}`)) ?? 'none');

/** Runs `act` and asserts it wrote neither a call nor an outbox entry. */
async function writesNothing(act: () => Promise<unknown>) {
  const [calls, outbox] = [await countCalls(), await countOutbox()];
  await act();
  expect(await countCalls()).toBe(calls);
  expect(await countOutbox()).toBe(outbox);
}

describe('dispatch: validation', () => {
  it('refuses an unknown method', async () => {
    await writesNothing(async () => {
      const r = await host.dispatch('calls.drop_all', {}, await login(host.dispatch, 'agent01'));
      expect(r).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    });
  });

  it.each([
    ['a wrong type', { followUp: 'yes' }, 'followUp'],
    ['an unknown category', { category: 'gossip' }, 'category'],
    ['a summary over 2000 characters', { summary: '长'.repeat(2001) }, 'summary'],
    ['a phone with letters', { customerPhone: 'call me' }, 'customerPhone'],
    ['an empty outcome', { outcome: '   ' }, 'outcome'],
    ['an id that is not a UUID', { id: '42' }, 'id'],
    ['a start that is not a date', { startedAt: 'yesterday' }, 'startedAt'],
  ])('refuses %s with a field-level error and writes nothing', async (_label, bad, field) => {
    const token = await login(host.dispatch, 'agent01');
    await writesNothing(async () => {
      const r = await host.dispatch('calls.log', { ...aCall(), ...bad }, token);
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.error.code).toBe('invalid_input');
      expect(r.error.fields?.map((f) => f.path)).toContain(field);
    });
  });

  it('refuses missing fields, naming each', async () => {
    const token = await login(host.dispatch, 'agent01');
    const r = await host.dispatch('calls.log', { id: crypto.randomUUID() }, token);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.fields?.map((f) => f.path)).toEqual(expect.arrayContaining(['customerPhone', 'category', 'summary', 'outcome', 'followUp']));
  });

  it('refuses a call that ends before it starts or in the future', async () => {
    const token = await login(host.dispatch, 'agent01');
    const start = new Date(Date.now() - 60_000).toISOString();
    await writesNothing(async () => {
      const r1 = await host.dispatch('calls.log', aCall({ startedAt: start, endedAt: new Date(Date.now() - 120_000).toISOString() }), token);
      expect(r1).toMatchObject({ ok: false, error: { fields: [{ path: 'endedAt', code: 'err.endBeforeStart' }] } });
      const r2 = await host.dispatch('calls.log', aCall({ startedAt: start, endedAt: new Date(Date.now() + 3_600_000).toISOString() }), token);
      expect(r2).toMatchObject({ ok: false, error: { fields: [{ path: 'endedAt', code: 'err.future' }] } });
    });
  });
});

describe('dispatch: identity and roles', () => {
  it('refuses calls without a valid session', async () => {
    await writesNothing(async () => {
      expect(await host.dispatch('calls.log', aCall())).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
      expect(await host.dispatch('calls.log', aCall(), 'forged-token')).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    });
  });

  it('refuses a wrong password without saying which part was wrong', async () => {
    const wrong = await host.dispatch('session.login', { username: 'agent01', password: 'nope' });
    const nobody = await host.dispatch('session.login', { username: 'nobody', password: 'nope' });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'unauthenticated', fields: [{ path: 'password', code: 'err.badLogin' }] } });
    expect(nobody).toEqual(wrong);
  });

  it.each(['qa01', 'dept01', 'center01', 'admin'])('refuses calls.log from %s, whatever the UI sends', async (username) => {
    const token = await login(host.dispatch, username);
    await writesNothing(async () => {
      expect(await host.dispatch('calls.log', aCall(), token)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    });
  });

  it('refuses calls.list to admin', async () => {
    const token = await login(host.dispatch, 'admin');
    expect(await host.dispatch('calls.list', { from: new Date(0).toISOString(), to: new Date().toISOString() }, token)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('applies a role change or deactivation on the very next call', async () => {
    const token = await login(host.dispatch, 'agent12');
    await host.db.updateTable('users').set({ active: 0 }).where('username', '=', 'agent12').execute();
    expect(await host.dispatch('session.me', {}, token)).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    await host.db.updateTable('users').set({ active: 1 }).where('username', '=', 'agent12').execute();
  });

  it('ends a session at logout', async () => {
    const token = await login(host.dispatch, 'agent11');
    expect((await host.dispatch('session.me', {}, token)).ok).toBe(true);
    await host.dispatch('session.logout', {}, token);
    expect(await host.dispatch('session.me', {}, token)).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
  });
});

describe('dispatch: transaction and outbox', () => {
  onSyncedDesk();
  it('saves a call and exactly one outbox entry with the next id, then emits a change', async () => {
    const token = await login(host.dispatch, 'agent02');
    const before = await outboxOf('agent02');
    const input = aCall({ customerName: '  钱女士 ' });
    events.length = 0;
    const r = await host.dispatch('calls.log', input, token);
    expect(r).toMatchObject({ ok: true, value: { id: input.id, customerName: '钱女士', agentName: '李娜', teamId: 'team-a', durationSec: 180 } });
    const after = await outboxOf('agent02');
    expect(after).toHaveLength(before.length + 1);
    const entry = after.at(-1)!;
    expect(entry).toMatchObject({ clientId: await host.clientIdFor('user-agent02'), id: (before.at(-1)?.id ?? 0) + 1, name: 'calls.log', actorId: 'user-agent02' });
    expect(entry.actedAt).toMatch(/^\d{4}-\d{2}-\d{2}T[\d:.]+Z#\d{4}#/);
    expect(entry.args).toMatchObject({ id: input.id, customerName: '钱女士', category: 'complaint' });
    expect(events).toEqual([{ type: 'changed', method: 'calls.log', tables: ['calls'] }]);
  });

  it('refuses the same call id twice as a conflict, with one outbox entry only', async () => {
    const token = await login(host.dispatch, 'agent02');
    const input = aCall();
    expect((await host.dispatch('calls.log', input, token)).ok).toBe(true);
    await writesNothing(async () => {
      expect(await host.dispatch('calls.log', input, token)).toMatchObject({ ok: false, error: { code: 'conflict' } });
    });
  });

  it('rolls back a handler that fails after writing: no call, no outbox entry, no event', async () => {
    const deps = { db: host.db, sessions: new SessionTable(), deskId: host.deskId, appVersion: 't', dataPath: '', link: null, sync: host.sync, clock: () => new Date(), credentials: new DeskCredentials({ db: host.db, box: deskKeyBox(dir.path), deskId: host.deskId, clock: () => new Date() }) };
    const failing = createDispatch({
      db: host.db,
      resolveActor: async (t) => {
        const s = deps.sessions.resolve(t);
        return s ? findActiveActor(host.db, s.userId) : null;
      },
      mutations: deskMutationHooks({ deskId: host.deskId, events: new DeskEvents(), clock: () => new Date() }),
      sessionHandlers: sessionHandlers(deps),
      onlineHandlers: onlineHandlers({ ...deps, events: new DeskEvents() }),
      handlers: {
        ...backendHandlers(),
        'calls.log': async (ctx, input) => {
          await logCall(ctx, input);
          throw new Error('disk on fire');
        },
      },
      log: () => {},
    });
    const token = await login(failing, 'agent03');
    const input = aCall();
    events.length = 0;
    await writesNothing(async () => {
      expect(await failing('calls.log', input, token)).toMatchObject({ ok: false, error: { code: 'internal' } });
    });
    expect(await host.db.selectFrom('calls').select('id').where('id', '=', input.id).executeTakeFirst()).toBeUndefined();
    expect(events).toEqual([]);
  });

  it('writes no outbox entry for a query', async () => {
    const token = await login(host.dispatch, 'agent01');
    await writesNothing(() => host.dispatch('calls.list', { from: new Date(0).toISOString(), to: new Date().toISOString() }, token));
  });
});

describe('dispatch: who sees which calls', () => {
  const everything = () => ({ from: new Date(0).toISOString(), to: new Date(Date.now() + 86_400_000).toISOString() });
  const list = async (username: string, q = '') => {
    const r = await host.dispatch('calls.list', { ...everything(), q }, await login(host.dispatch, username));
    if (!r.ok) throw new Error(r.error.message);
    return r.value as { agentId: string; teamId: string | null; customerName: string }[];
  };

  it('gives an agent only their own calls', async () => {
    const calls = await list('agent01');
    expect(calls.length).toBeGreaterThan(0);
    expect(new Set(calls.map((c) => c.agentId))).toEqual(new Set(['user-agent01']));
  });

  it("gives a team lead the team's calls, not the other team's", async () => {
    const calls = await list('lead02');
    expect(calls.length).toBeGreaterThan(0);
    expect(new Set(calls.map((c) => c.teamId))).toEqual(new Set(['team-b']));
  });

  it('gives a director the whole center', async () => {
    const calls = await list('center01');
    expect(new Set(calls.map((c) => c.teamId))).toEqual(new Set(['team-a', 'team-b']));
  });

  it('searches phone, name, summary and outcome, taking % and _ literally', async () => {
    expect((await list('agent01', '宽带')).every((c) => c.customerName === '钱女士')).toBe(true);
    expect(await list('agent01', '0013')).toHaveLength(1);
    const token = await login(host.dispatch, 'agent04');
    await host.dispatch('calls.log', aCall({ summary: '退款 100% 到账', customerName: '甲' }), token);
    await host.dispatch('calls.log', aCall({ summary: '工单 A_B', customerName: '乙' }), token);
    await host.dispatch('calls.log', aCall({ summary: '工单 AXB', customerName: '丙' }), token);
    expect((await list('agent04', '%')).map((c) => c.customerName)).toEqual(['甲']);
    expect((await list('agent04', 'a_b')).map((c) => c.customerName)).toEqual(['乙']);
  });
});

describe('desk restart', () => {
  onSyncedDesk();
  it('keeps calls, the outbox and the desk and client ids across a restart', async () => {
    const token = await login(host.dispatch, 'agent05');
    const input = aCall({ summary: '重启测试' });
    await host.dispatch('calls.log', input, token);
    const { deskId } = host;
    const clientId = await host.clientIdFor('user-agent05');
    const outbox = await outboxOf('agent05');
    await host.close();
    host = await startOfflineDemoDesk({ dataDir: `${dir.path}/synced` });
    expect(host.deskId).toBe(deskId);
    expect(await host.clientIdFor('user-agent05')).toBe(clientId);
    expect(host.demoLogins).toEqual([]);
    expect(await outboxOf('agent05')).toEqual(outbox);
    const r = await host.dispatch('calls.list', { from: input.startedAt, to: new Date().toISOString(), q: '重启测试' }, await login(host.dispatch, 'agent05'));
    expect(r).toMatchObject({ ok: true, value: [{ id: input.id }] });
  });
});
