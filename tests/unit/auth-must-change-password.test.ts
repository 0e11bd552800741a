import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDeskHost, type DeskHost } from '../../electron/backend/desk-host';
import { seedDemoCenter } from '../../db/demo/seed';
import { DEMO_PASSWORD } from '../../db/demo/demo-center';
import { migrate } from '../../db/migrate';
import { openSqlite } from '../../db/open-sqlite';
import { findUserByUsername } from '../../db/stores/users-store';
import { translate, LOCALES } from '../../renderer/i18n/catalogues';
import { lockedText } from '../../renderer/features/login/login-error';
import { api, ENGINE_CASES, serverLogin, startCentral, type RunningCentral } from './support/central';
import { startDemoDesk, wiredLink, type Wire } from './support/desks';
import { demoPasswordHashes, placeBareDesk } from './support/templates';
import { tempDir } from './support/tmp';

/**
 * Issue #15, a password someone else chose must be changed: a new person, an import's initial password, an
 * administrator's reset (and, where switched on, a demo center) sign in with `mustChangePassword`, and that
 * session can do nothing but `session.changePassword` (or sign out) — on the central server, on a desk that
 * forwards the change, and on a standalone desk. The change clears the flag and ends the person's other sessions.
 */
const dir = tempDir();
afterAll(() => dir.remove());

const person = (username: string) => ({ username, displayName: '新同事', role: 'agent', teamId: 'team-a', jobType: 'voice', skillLevel: 2, seat: '', active: true });
const mustChange = { code: 'forbidden', fields: [{ code: 'err.mustChangePassword' }] };

describe('on the central server', () => {
  let central: RunningCentral;
  let admin: string;
  beforeAll(async () => {
    central = await startCentral(ENGINE_CASES[0]!, join(dir.path, 'server'));
    admin = await serverLogin(central.url, 'admin');
  });
  afterAll(() => central.stop());
  const call = (method: string, body: unknown, token?: string) => api(central.url, `/api/v1/${method}`, body, token);

  it('a new person signs in with mustChangePassword, and that session may only change it or sign out', async () => {
    expect((await call('org.createPerson', { person: person('first.timer'), password: 'Harbour-Lantern-41' }, admin)).status).toBe(200);
    const login = await call('session.login', { username: 'first.timer', password: 'Harbour-Lantern-41' });
    expect(login).toMatchObject({ status: 200, body: { value: { mustChangePassword: true, actor: { username: 'first.timer' } } } });
    const token = login.body.value.token as string;
    expect(await call('session.me', {}, token)).toMatchObject({ status: 403, body: { error: mustChange } });
    expect((await call('org.teams', {}, token)).status).toBe(403);
    expect(await api(central.url, '/api/sync/pull', { clientId: randomUUID(), cookie: null, sinceMutationId: 0 }, token)).toMatchObject({ status: 403, body: { error: mustChange } });
    expect(await api(central.url, '/api/sync/push', { clientId: randomUUID(), mutations: [] }, token)).toMatchObject({ status: 403 });
    const poke = await new Promise<string>((resolve) => {
      const ws = new WebSocket(`${central.url.replace('http', 'ws')}/api/sync/poke?token=${encodeURIComponent(token)}`);
      ws.on('open', () => resolve('open'));
      ws.on('error', (err) => resolve(err.message));
    });
    expect(poke).toMatch(/403/);
    // Signing out is always allowed.
    expect(await call('session.logout', {}, token)).toMatchObject({ status: 200 });
  });

  it('changes it: the rules hold, the flag clears, this session goes on and every other one ends', async () => {
    await call('org.createPerson', { person: person('second.timer'), password: 'Harbour-Lantern-41' }, admin);
    const a = (await call('session.login', { username: 'second.timer', password: 'Harbour-Lantern-41' })).body.value.token as string;
    const b = (await call('session.login', { username: 'second.timer', password: 'Harbour-Lantern-41' })).body.value.token as string;
    const change = (currentPassword: string, newPassword: string) => call('session.changePassword', { currentPassword, newPassword }, a);
    expect(await change('not-the-password', 'Meadow-Compass-52')).toMatchObject({ status: 400, body: { error: { fields: [{ path: 'currentPassword', code: 'err.badCurrentPassword' }] } } });
    expect(await change('Harbour-Lantern-41', 'Second.Timer')).toMatchObject({ status: 400, body: { error: { fields: [{ path: 'newPassword', code: 'err.passwordIsUsername' }] } } });
    expect(await change('Harbour-Lantern-41', 'harbour-lantern-41')).toMatchObject({ status: 400, body: { error: { fields: [{ path: 'newPassword', code: 'err.passwordUnchanged' }] } } });
    expect(await change('Harbour-Lantern-41', 'woaini1314')).toMatchObject({ status: 400, body: { error: { fields: [{ path: 'newPassword', code: 'err.passwordCommon' }] } } });
    expect(await change('Harbour-Lantern-41', 'Meadow-Compass-52')).toMatchObject({ status: 200, body: { value: { ok: true } } });
    expect(await call('session.me', {}, a)).toMatchObject({ status: 200, body: { value: { username: 'second.timer' } } });
    expect((await call('session.me', {}, b)).status).toBe(401);
    expect((await call('session.login', { username: 'second.timer', password: 'Harbour-Lantern-41' })).status).toBe(401);
    expect(await call('session.login', { username: 'second.timer', password: 'Meadow-Compass-52' })).toMatchObject({ status: 200, body: { value: { mustChangePassword: false } } });
    const row = await central.store.db.selectFrom('users').select('must_change_password').where('username', '=', 'second.timer').executeTakeFirstOrThrow();
    expect(Number(row.must_change_password)).toBe(0);
  });

  it('an administrator’s reset and an import’s initial password set it too; a demo center does not, unless asked', async () => {
    const userId = 'user-agent10';
    expect((await call('org.setPassword', { userId, password: 'Orchard-Beacon-63' }, admin)).status).toBe(200);
    expect((await call('session.login', { username: 'agent10', password: 'Orchard-Beacon-63' })).body.value.mustChangePassword).toBe(true);
    const imported = await call('org.importPeople', { people: [person('imported.one'), { ...person('agent11'), displayName: '改名' }], initialPassword: 'Welcome-Floor-2026' }, admin);
    expect(imported.body.value).toEqual({ created: 1, updated: 1 });
    expect((await call('session.login', { username: 'imported.one', password: 'Welcome-Floor-2026' })).body.value.mustChangePassword).toBe(true);
    // An existing person the import only updated keeps their password, unflagged; so does every demo login.
    expect((await call('session.login', { username: 'agent11', password: DEMO_PASSWORD })).body.value.mustChangePassword).toBe(false);
    expect((await call('session.login', { username: 'qa01', password: DEMO_PASSWORD })).body.value.mustChangePassword).toBe(false);
  });

  it('never sends the flag to desks: a pull carries people without it', async () => {
    const pulled = await api(central.url, '/api/sync/pull', { clientId: randomUUID(), cookie: null, sinceMutationId: 0 }, admin);
    const users = pulled.body.patch.users as Record<string, unknown>[];
    expect(users.length).toBeGreaterThan(10);
    for (const u of users) expect(Object.keys(u)).not.toContain('must_change_password');
  });
});

describe('the demo seed', () => {
  it('asks for a new password only when told so (option, or ZHIBAN_DEMO_MUST_CHANGE_PASSWORD=1)', async () => {
    const flagged: Record<string, boolean> = {};
    for (const [name, o, env] of [
      ['default', {}, undefined],
      ['option', { mustChangePassword: true }, undefined],
      ['env', {}, '1'],
    ] as const) {
      const { db } = openSqlite(join(dir.path, `seed-${name}.db`));
      try {
        await migrate(db);
        if (env) process.env.ZHIBAN_DEMO_MUST_CHANGE_PASSWORD = env;
        try {
          await seedDemoCenter(db, new Date(), 0, await demoPasswordHashes(), o);
        } finally {
          delete process.env.ZHIBAN_DEMO_MUST_CHANGE_PASSWORD;
        }
        flagged[name] = (await findUserByUsername(db, 'admin'))!.mustChangePassword;
      } finally {
        await db.destroy();
      }
    }
    expect(flagged).toEqual({ default: false, option: true, env: true });
  });
});

describe('a desk synced with the server', () => {
  let central: RunningCentral;
  let host: DeskHost;
  const wire: Wire = { online: true, dropNextReply: false };
  beforeAll(async () => {
    central = await startCentral(ENGINE_CASES[0]!, join(dir.path, 'server2'));
    const admin = await serverLogin(central.url, 'admin');
    await api(central.url, '/api/v1/org.createPerson', { person: person('desk.newcomer'), password: 'Harbour-Lantern-41' }, admin);
    await placeBareDesk(join(dir.path, 'desk'));
    host = await startDeskHost({ dataDir: join(dir.path, 'desk'), link: wiredLink(central.url, wire), retryBaseMs: 20 });
  });
  afterAll(async () => {
    await host.close();
    await central.stop();
  });

  it('keeps the newcomer at the change, stores no credential for the initial password, and forwards the change', async () => {
    const login = await host.dispatch('session.login', { username: 'desk.newcomer', password: 'Harbour-Lantern-41' });
    expect(login).toMatchObject({ ok: true, value: { mustChangePassword: true } });
    const token = (login as { value: { token: string; actor: { userId: string } } }).value.token;
    const userId = (login as { value: { actor: { userId: string } } }).value.actor.userId;
    expect(await host.dispatch('org.teams', {}, token)).toMatchObject({ ok: false, error: mustChange });
    expect(await host.dispatch('session.me', {}, token)).toMatchObject({ ok: false, error: mustChange });
    expect(await host.db.selectFrom('desk_credentials').select('user_id').where('user_id', '=', userId).executeTakeFirst()).toBeUndefined();

    expect(await host.dispatch('session.changePassword', { currentPassword: 'wrong-current-1', newPassword: 'Meadow-Compass-52' }, token)).toMatchObject({ ok: false, error: { fields: [{ code: 'err.badCurrentPassword' }] } });
    expect(await host.dispatch('session.changePassword', { currentPassword: 'Harbour-Lantern-41', newPassword: 'Meadow-Compass-52' }, token)).toEqual({ ok: true, value: { ok: true } });
    expect(await host.dispatch('session.me', {}, token)).toMatchObject({ ok: true, value: { username: 'desk.newcomer' } });
    expect(await host.dispatch('org.teams', {}, token)).toMatchObject({ ok: true });
    expect((await api(central.url, '/api/v1/session.login', { username: 'desk.newcomer', password: 'Meadow-Compass-52' })).body.value.mustChangePassword).toBe(false);

    // The desk now holds the new password (not the initial one) for signing in offline.
    wire.online = false;
    try {
      expect(await host.dispatch('session.login', { username: 'desk.newcomer', password: 'Harbour-Lantern-41' })).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
      expect(await host.dispatch('session.login', { username: 'Desk.Newcomer ', password: 'Meadow-Compass-52' })).toMatchObject({ ok: true, value: { mustChangePassword: false } });
    } finally {
      wire.online = true;
    }
  });
});

describe('a standalone desk (its own server)', () => {
  let host: DeskHost;
  let admin: string;
  beforeAll(async () => {
    host = await startDemoDesk({ dataDir: join(dir.path, 'standalone') });
    admin = ((await host.dispatch('session.login', { username: 'admin', password: DEMO_PASSWORD })) as { value: { token: string } }).value.token;
  });
  afterAll(() => host.close());

  it('enforces and clears the change itself, ending the person’s other sessions on this desk', async () => {
    expect(await host.dispatch('org.createPerson', { person: person('solo.newcomer'), password: 'Harbour-Lantern-41' }, admin)).toMatchObject({ ok: true });
    const open = async () => (await host.dispatch('session.login', { username: 'SOLO.newcomer', password: 'Harbour-Lantern-41' })) as { ok: true; value: { token: string; mustChangePassword: boolean } };
    const a = await open();
    const b = await open();
    expect(a.value.mustChangePassword).toBe(true);
    expect(await host.dispatch('org.teams', {}, a.value.token)).toMatchObject({ ok: false, error: mustChange });
    expect(await host.dispatch('session.changePassword', { currentPassword: 'Harbour-Lantern-41', newPassword: 'Solo.Newcomer' }, a.value.token)).toMatchObject({ ok: false, error: { fields: [{ code: 'err.passwordIsUsername' }] } });
    expect(await host.dispatch('session.changePassword', { currentPassword: 'Harbour-Lantern-41', newPassword: 'Meadow-Compass-52' }, a.value.token)).toEqual({ ok: true, value: { ok: true } });
    expect(await host.dispatch('org.teams', {}, a.value.token)).toMatchObject({ ok: true });
    expect(await host.dispatch('session.me', {}, b.value.token)).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect(await host.dispatch('session.login', { username: 'solo.newcomer', password: 'Meadow-Compass-52' })).toMatchObject({ ok: true, value: { mustChangePassword: false } });
    // An administrator's reset asks for a change again.
    const userId = (await host.db.selectFrom('users').select('id').where('username', '=', 'solo.newcomer').executeTakeFirstOrThrow()).id;
    expect(await host.dispatch('org.setPassword', { userId, password: 'Orchard-Beacon-63' }, admin)).toMatchObject({ ok: true });
    expect(await host.dispatch('session.login', { username: 'solo.newcomer', password: 'Orchard-Beacon-63' })).toMatchObject({ ok: true, value: { mustChangePassword: true } });
  });
});

describe('the sign-in page’s sentence for a locked account', () => {
  it('says how long to wait, in each language, in seconds or minutes', () => {
    const wire = (retryAfterSeconds: number, code = 'err.loginLocked') => ({ code: 'rate_limited' as const, message: 'x', params: { retryAfterSeconds }, fields: [{ path: 'username', code, message: 'x' }] });
    const say = (locale: (typeof LOCALES)[number], w: ReturnType<typeof wire>) => lockedText((k, p) => translate(locale, k, p), w);
    expect(say('zh-CN', wire(30))).toBe('登录失败次数过多，此账号已暂时锁定，请 30 秒后再试。');
    expect(say('zh-TW', wire(900))).toBe('登入失敗次數過多，此帳號已暫時鎖定，請 15 分鐘後再試。');
    expect(say('en', wire(120))).toBe('Too many failed sign-ins: this account is locked for now. Try again in 2 min.');
    expect(say('en', wire(40, 'err.loginFlood'))).toBe('Too many failed sign-ins from this network. Try again in 40 s.');
    expect(lockedText((k) => translate('en', k), { code: 'unauthenticated', message: 'x' })).toBeNull();
  });
});
