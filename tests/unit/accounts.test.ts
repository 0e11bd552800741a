import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeskHost } from '../../electron/backend/desk-host';
import { planPeopleImport } from '../../shared/org/people-import';
import { peopleVocabulary } from '../../renderer/features/org/people-vocabulary';
import { ENGINE_CASES, startCentral, type RunningCentral } from './support/central';
import { openDesk, type TestDesk, startDemoDesk } from './support/desks';
import { tempDir } from './support/tmp';

const teams = [
  { id: 'team-a', name: '一组' },
  { id: 'team-b', name: '二组' },
];
const header = ['用户名', '姓名', '岗位', '班组', '工种', '技能等级', '座位', '在职'];
const plan = (...rows: string[][]) => planPeopleImport([header, ...rows], { teams, words: peopleVocabulary() });

describe('people import plan', () => {
  it('reads roles, teams, job types and yes/no in any UI language, or as keys in any case', () => {
    const p = plan(['agent31', '李雷', '业务代表', '一组', '在线客服', '3', 'C-01', '是'], ['lead09', 'Han Mei', 'TEAM_LEAD', 'team-b', 'Chat', '', '', 'no'], ['qa05', '陳靜', '質檢員', '', '外呼', '2', '', '']);
    expect(p.issues).toEqual([]);
    expect(p.people).toEqual([
      { username: 'agent31', displayName: '李雷', role: 'agent', teamId: 'team-a', jobType: 'chat', skillLevel: 3, seat: 'C-01', active: true },
      { username: 'lead09', displayName: 'Han Mei', role: 'team_lead', teamId: 'team-b', jobType: 'chat', skillLevel: 1, seat: '', active: false },
      { username: 'qa05', displayName: '陳靜', role: 'qa_inspector', teamId: null, jobType: 'outbound', skillLevel: 2, seat: '', active: true },
    ]);
  });

  it.each([
    ['an unknown role', ['x1', 'A', '老板', '一组'], 3, 'err.unknownRole'],
    ['an unknown team', ['x1', 'A', 'agent', '九组'], 4, 'err.unknownTeam'],
    ['an unknown job type', ['x1', 'A', 'agent', '一组', '传真'], 5, 'err.unknownJobType'],
    ['a skill level of 11', ['x1', 'A', 'agent', '一组', '', '11'], 6, 'err.skillLevel'],
    ['an active flag of "maybe"', ['x1', 'A', 'agent', '一组', '', '', '', 'maybe'], 8, 'err.activeFlag'],
    ['a formula', ['x1', '=cmd()', 'agent', '一组'], 2, 'err.formula'],
    ['a username with spaces', ['a b', 'A', 'agent', '一组'], 1, 'err.username'],
    ['an agent without a team', ['x1', 'A', 'agent', ''], 4, 'err.teamRequired'],
    ['an empty name', ['x1', '', 'agent', '一组'], 2, 'err.required'],
  ])('reports %s at its row and column and sends no one', (_l, row, column, code) => {
    const p = plan(['ok01', '好人', 'agent', '一组'], row);
    expect(p.issues).toEqual([expect.objectContaining({ row: 3, column, code })]);
  });

  it('reports a username given twice', () => {
    expect(plan(['x1', 'A', 'agent', '一组'], ['x1', 'B', 'agent', '一组']).issues).toEqual([{ row: 3, column: 1, code: 'err.duplicatePerson', value: 'x1' }]);
  });
});

describe('accounts on a standalone desk (its own server)', () => {
  const dir = tempDir();
  let host: DeskHost;
  let admin: string;
  beforeAll(async () => {
    host = await startDemoDesk({ dataDir: join(dir.path, 'desk') });
    admin = ((await host.dispatch('session.login', { username: 'admin', password: 'zhiban123' })) as { value: { token: string } }).value.token;
  });
  afterAll(async () => {
    await host.close();
    dir.remove();
  });
  const person = { username: 'agent40', displayName: '周杰', role: 'agent', teamId: 'team-a', jobType: 'voice', skillLevel: 2, seat: 'A-40', active: true };

  it('creates a person who can then sign in with that password', async () => {
    expect(await host.dispatch('org.createPerson', { person, password: 'correct-horse' }, admin)).toMatchObject({ ok: true, value: { username: 'agent40', teamId: 'team-a' } });
    expect(await host.dispatch('session.login', { username: 'agent40', password: 'correct-horse' })).toMatchObject({ ok: true, value: { actor: { role: 'agent' } } });
    expect(await host.dispatch('org.createPerson', { person, password: 'correct-horse' }, admin)).toMatchObject({ ok: false, error: { fields: [{ path: 'people.0.username', code: 'err.usernameTaken' }] } });
  });

  it('refuses a short password and non-administrators, writing nothing', async () => {
    expect(await host.dispatch('org.createPerson', { person: { ...person, username: 'agent41' }, password: 'short' }, admin)).toMatchObject({ ok: false, error: { fields: [{ path: 'password', code: 'err.passwordTooShort' }] } });
    const agent = ((await host.dispatch('session.login', { username: 'agent01', password: 'zhiban123' })) as { value: { token: string } }).value.token;
    expect(await host.dispatch('org.createPerson', { person: { ...person, username: 'agent41' }, password: 'long-enough' }, agent)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await host.db.selectFrom('users').select('id').where('username', '=', 'agent41').executeTakeFirst()).toBeUndefined();
  });

  it('imports all or nothing: one unknown team keeps every other row out', async () => {
    const before = await host.db.selectFrom('users').select(['username', 'display_name']).orderBy('username').execute();
    const r = await host.dispatch('org.importPeople', { people: [{ ...person, username: 'agent42' }, { ...person, username: 'agent01', displayName: '改名' }, { ...person, username: 'agent43', teamId: 'team-z' }], initialPassword: 'welcome-2026' }, admin);
    expect(r).toMatchObject({ ok: false, error: { fields: [{ path: 'people.2.teamId', code: 'err.unknownTeam' }] } });
    expect(await host.db.selectFrom('users').select(['username', 'display_name']).orderBy('username').execute()).toEqual(before);
  });

  it('imports new and existing people together, new ones needing the initial password', async () => {
    const people = [{ ...person, username: 'agent42' }, { ...person, username: 'agent01', displayName: '王芳芳' }];
    expect(await host.dispatch('org.importPeople', { people, initialPassword: null }, admin)).toMatchObject({ ok: false, error: { fields: [{ path: 'initialPassword' }] } });
    expect(await host.dispatch('org.importPeople', { people, initialPassword: 'welcome-2026' }, admin)).toEqual({ ok: true, value: { created: 1, updated: 1 } });
    expect(await host.dispatch('session.login', { username: 'agent42', password: 'welcome-2026' })).toMatchObject({ ok: true });
    expect(await host.dispatch('session.login', { username: 'agent01', password: 'zhiban123' })).toMatchObject({ ok: true, value: { actor: { displayName: '王芳芳' } } });
  });
});

describe('accounts through a synced desk', () => {
  const dir = tempDir();
  let central: RunningCentral;
  let admin: TestDesk;
  beforeAll(async () => {
    central = await startCentral(ENGINE_CASES[0]!, join(dir.path, 'server'));
    admin = await openDesk(central.url, join(dir.path, 'admin-desk'), 'admin');
  });
  afterAll(async () => {
    await admin.host.close();
    await central.stop();
    dir.remove();
  });
  const person = { username: 'agent50', displayName: '吴迪', role: 'agent', teamId: 'team-b', jobType: 'chat', skillLevel: 1, seat: '', active: true };

  it('creates the person on the server; the desk gets them by sync and never holds the password', async () => {
    expect(await admin.host.dispatch('org.createPerson', { person, password: 'first-pass-1' }, admin.token)).toMatchObject({ ok: true, value: { username: 'agent50' } });
    const onServer = await central.store.db.selectFrom('users').select(['id', 'password_hash', 'version']).where('username', '=', 'agent50').executeTakeFirstOrThrow();
    expect(onServer.password_hash).toMatch(/^scrypt\$/);
    expect(Number(onServer.version)).toBeGreaterThan(0);
    const onDesk = await admin.host.db.selectFrom('users').select(['id', 'password_hash']).where('username', '=', 'agent50').executeTakeFirst();
    expect(onDesk?.id).toBe(onServer.id);
    expect(onDesk?.password_hash).not.toMatch(/^scrypt/);
    const queued = await admin.host.db.selectFrom('outbox').select('args').execute();
    expect(queued.map((q) => q.args).join()).not.toContain('first-pass-1');
    const logged = await central.store.db.selectFrom('mutation_log').select('args').execute();
    expect(logged.map((q) => q.args).join()).not.toContain('first-pass-1');
  });

  it('says the server is needed when it cannot be reached, and writes nothing', async () => {
    admin.wire.online = false;
    try {
      expect(await admin.host.dispatch('org.createPerson', { person: { ...person, username: 'agent51' }, password: 'first-pass-1' }, admin.token)).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    } finally {
      admin.wire.online = true;
    }
    expect(await central.store.db.selectFrom('users').select('id').where('username', '=', 'agent51').executeTakeFirst()).toBeUndefined();
  });

  it('a reset password ends the person’s server sessions and the new one works', async () => {
    const userId = (await central.store.db.selectFrom('users').select('id').where('username', '=', 'agent50').executeTakeFirstOrThrow()).id;
    const login = (password: string) => fetch(`${central.url}/api/v1/session.login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'agent50', password }) });
    const token = ((await (await login('first-pass-1')).json()) as { value: { token: string } }).value.token;
    expect(await admin.host.dispatch('org.setPassword', { userId, password: 'second-pass-2' }, admin.token)).toEqual({ ok: true, value: { ok: true } });
    const me = await fetch(`${central.url}/api/v1/session.me`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: '{}' });
    expect(me.status).toBe(401);
    expect((await login('first-pass-1')).status).toBe(401);
    expect((await login('second-pass-2')).status).toBe(200);
  });
});
