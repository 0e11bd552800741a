import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeskHost } from '../../electron/backend/desk-host';
import { startDemoDesk } from './support/desks';
import { tempDir } from './support/tmp';

const dir = tempDir();
let host: DeskHost;
const tokens: Record<string, string> = {};
beforeAll(async () => {
  host = await startDemoDesk({ dataDir: join(dir.path, 'desk') });
  for (const u of ['admin', 'center01', 'agent01'])
    tokens[u] = ((await host.dispatch('session.login', { username: u, password: 'zhiban123' })) as { value: { token: string } }).value.token;
});
afterAll(async () => {
  await host.close();
  dir.remove();
});

const agent03 = { userId: 'user-agent03', displayName: '张敏', role: 'agent', teamId: 'team-a', jobType: 'voice', skillLevel: 2, seat: 'A-03', active: true };
const update = (patch: object, who = 'admin') => host.dispatch('org.updatePerson', { ...agent03, ...patch }, tokens[who]);

describe('people and teams', () => {
  it('lets the administrator set job type, skill, seat and team, and the roster sees it', async () => {
    expect(await update({ jobType: 'chat', skillLevel: 3, seat: 'B-12' })).toMatchObject({ ok: true, value: { jobType: 'chat', skillLevel: 3, seat: 'B-12' } });
    const people = (await host.dispatch('org.people', {}, tokens.center01)) as { value: { userId: string; jobType: string }[] };
    expect(people.value.find((p) => p.userId === 'user-agent03')?.jobType).toBe('chat');
  });

  it.each([
    ['an agent without a team', { teamId: null }, 'teamId', 'err.teamRequired'],
    ['a team that does not exist', { teamId: 'team-z' }, 'teamId', 'err.unknownTeam'],
    // Found by the fuzzer (seed 716126280): an empty id slipped past the check and failed the foreign key (500).
    ['an empty team id', { teamId: '' }, 'teamId', 'err.unknownTeam'],
    ['a skill level of 0', { skillLevel: 0 }, 'skillLevel', 'too_small'],
    ['an unknown job type', { jobType: 'fax' }, 'jobType', 'invalid_value'],
    ['an empty name', { displayName: '  ' }, 'displayName', 'err.required'],
  ])('refuses %s with a field error', async (_l, patch, path, code) => {
    expect(await update(patch)).toMatchObject({ ok: false, error: { fields: [expect.objectContaining({ path, code })] } });
  });

  it('keeps the administrator from locking themselves out, and others from editing', async () => {
    const self = { userId: 'user-admin', displayName: '系统管理员', role: 'agent', teamId: 'team-a', jobType: 'voice', skillLevel: 1, seat: '', active: true };
    expect(await host.dispatch('org.updatePerson', self, tokens.admin)).toMatchObject({ ok: false, error: { fields: [{ path: 'role', code: 'err.selfDemote' }] } });
    expect(await update({}, 'center01')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('deactivating a person ends their session at once', async () => {
    expect((await update({ userId: 'user-agent01', displayName: '王芳', active: false })).ok).toBe(true);
    expect(await host.dispatch('session.me', {}, tokens.agent01)).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    await update({ userId: 'user-agent01', displayName: '王芳', active: true });
  });

  it('adds a team with a valid id only', async () => {
    expect(await host.dispatch('org.saveTeam', { id: 'team-c', name: '三组' }, tokens.admin)).toMatchObject({ ok: true });
    expect(await host.dispatch('org.saveTeam', { id: 'Team C!', name: 'x' }, tokens.admin)).toMatchObject({ ok: false, error: { fields: [{ path: 'id', code: 'err.teamId' }] } });
    expect(((await host.dispatch('org.teams', {}, tokens.center01)) as { value: { id: string }[] }).value.map((t) => t.id)).toContain('team-c');
  });
});
