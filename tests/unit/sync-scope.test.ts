import { rowInScope, syncScopeOf } from '../../shared/sync/scope';
import type { Actor } from '../../shared/auth/roles';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, ENGINE_CASES, serverLogin, startCentral, type RunningCentral } from './support/central';
import { tempDir } from './support/tmp';

const dir = tempDir();
let central: RunningCentral;
beforeAll(async () => {
  central = await startCentral(ENGINE_CASES[0]!, dir.path);
});
afterAll(async () => {
  await central.stop();
  dir.remove();
});

type Row = Record<string, unknown>;
// One sign-in per person: each sign-in is an audit entry a director's pull carries, so signing in before every
// page would add rows while the test counts them.
const tokens = new Map<string, string>();
async function pull(username: string, cookie: string | null = null, limit?: number) {
  const token = tokens.get(username) ?? (await serverLogin(central.url, username));
  tokens.set(username, token);
  const r = await api(central.url, '/api/sync/pull', { clientId: randomUUID(), cookie, sinceMutationId: 0, ...(limit ? { limit } : {}) }, token);
  expect(r.status).toBe(200);
  return r.body as { cookie: string; reset: boolean; more: boolean; total: number; patch: { teams: Row[]; users: Row[]; calls: Row[]; roster: Row[] } };
}
const ids = (rows: Row[], col = 'id') => new Set(rows.map((r) => r[col]));

describe("what each role's pull contains, and what it must not", () => {
  it("an agent: own calls, own team's roster, and the colleague directory (to pick a swap partner from any team)", async () => {
    const p = await pull('agent01');
    expect(ids(p.patch.calls, 'agent_id')).toEqual(new Set(['user-agent01']));
    expect(ids(p.patch.roster, 'team_id')).toEqual(new Set(['team-a']));
    expect(ids(p.patch.teams)).toEqual(new Set(['team-a', 'team-b']));
    expect(p.patch.users.map((u) => u.username)).toContain('agent07');
  });

  it("a team lead: the team's calls and roster, not the other team's", async () => {
    const p = await pull('lead02');
    expect(p.patch.calls.length).toBeGreaterThan(0);
    expect(ids(p.patch.calls, 'team_id')).toEqual(new Set(['team-b']));
    expect(ids(p.patch.roster, 'team_id')).toEqual(new Set(['team-b']));
  });

  it.each(['qa01', 'dept01', 'center01'])('%s: the whole center', async (who) => {
    const p = await pull(who);
    expect(ids(p.patch.calls, 'team_id')).toEqual(new Set(['team-a', 'team-b']));
    expect(p.patch.users).toHaveLength(18);
    expect(ids(p.patch.teams)).toEqual(new Set(['team-a', 'team-b']));
  });

  it('an admin: people and teams, no calls', async () => {
    const p = await pull('admin');
    expect(p.patch.calls).toEqual([]);
    expect(p.patch.users).toHaveLength(18);
  });

  it('never sends a password hash to anyone', async () => {
    for (const who of ['agent01', 'lead01', 'center01', 'admin']) {
      const p = await pull(who);
      for (const u of p.patch.users) expect(u).not.toHaveProperty('password_hash');
    }
  });

  it('starts over (reset) when a person changes team, so rows that left the scope leave the desk', async () => {
    const first = await pull('agent02');
    expect(first.reset).toBe(true);
    const again = await pull('agent02', first.cookie);
    expect(again).toMatchObject({ reset: false, total: 0, patch: { calls: [], users: [], teams: [] } });
    await central.store.db.updateTable('users').set({ team_id: 'team-b' }).where('username', '=', 'agent02').execute();
    const moved = await pull('agent02', first.cookie);
    await central.store.db.updateTable('users').set({ team_id: 'team-a' }).where('username', '=', 'agent02').execute();
    expect(moved.reset).toBe(true);
    expect(ids(moved.patch.roster, 'team_id')).toEqual(new Set(['team-b']));
  });

  it('pages a large pull without losing or repeating a row, and counts the total for progress', async () => {
    // Signed in first: a sign-in is an audit entry, a commit of its own the director's pull would page too.
    const agent = await serverLogin(central.url, 'agent03');
    await pull('center01');
    const all = await pull('center01');
    const size = (p: typeof all) => Object.values(p.patch).reduce((n, rows) => n + rows.length, 0);
    const expected = size(all);
    expect(all.total).toBe(expected);
    // Pages of 5: the demo seed is one commit of more than 5 rows, and a page never splits a commit.
    let small = await pull('center01', null, 5);
    const sizes = [size(small)];
    while (small.more) {
      small = await pull('center01', small.cookie, 5);
      sizes.push(size(small));
      // Counted once on the first page and carried in the cookie, not counted again over the rest.
      expect(small.total).toBe(expected);
    }
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(expected);
    expect(Math.max(...sizes)).toBe(all.patch.users.length + all.patch.calls.length + all.patch.teams.length + all.patch.roster.length);
    // Later commits page one by one.
    for (let i = 0; i < 4; i++) {
      const now = new Date();
      await api(central.url, '/api/v1/calls.log', { id: randomUUID(), customerPhone: '95588', category: 'query', summary: `page ${i}`, outcome: 'ok', followUp: false, startedAt: new Date(now.getTime() - 60_000).toISOString(), endedAt: now.toISOString() }, agent);
    }
    const seen: string[] = [];
    let cookie: string | null = small.cookie;
    let pages = 0;
    for (;;) {
      const p = await pull('center01', cookie, 1);
      seen.push(...p.patch.calls.map((c) => c.id as string));
      cookie = p.cookie;
      pages++;
      if (!p.more) break;
    }
    expect(pages).toBe(4);
    expect(new Set(seen).size).toBe(4);
  });
});

describe('roster scope', () => {
  it("gives an agent their team's roster (who works when) and no other team's", async () => {
    const p = await pull('agent01');
    expect(p.patch.roster.length).toBeGreaterThan(0);
    expect(new Set(p.patch.roster.map((r) => r.team_id))).toEqual(new Set(['team-a']));
    const center = await pull('dept01');
    expect(new Set(center.patch.roster.map((r) => r.team_id))).toEqual(new Set(['team-a', 'team-b']));
  });
});

describe('who receives swaps, leave and discipline records', () => {
  const swap = { requester_id: 'user-agent01', requester_team: 'team-a', partner_id: 'user-agent07', partner_team: 'team-b' };
  const leave = { user_id: 'user-agent01', team_id: 'team-a' };
  const actor = (userId: string, role: Actor['role'], teamId: string | null): Actor => ({ userId, username: userId, displayName: userId, role, teamId });
  it.each<[string, Actor, boolean, boolean]>([
    ['the requester', actor('user-agent01', 'agent', 'team-a'), true, true],
    ['the partner (another team)', actor('user-agent07', 'agent', 'team-b'), true, false],
    ['a bystander in the same team', actor('user-agent02', 'agent', 'team-a'), false, false],
    ["the requester's lead", actor('user-lead01', 'team_lead', 'team-a'), true, true],
    ["the partner's lead", actor('user-lead02', 'team_lead', 'team-b'), true, false],
    ['the department director', actor('user-dept01', 'department_director', null), true, true],
    ['the administrator', actor('user-admin', 'admin', null), false, false],
  ])('%s: swap %s, leave and discipline %s', (_l, a, seesSwap, seesLeave) => {
    const scope = syncScopeOf(a);
    expect(rowInScope(scope.swaps, swap)).toBe(seesSwap);
    expect(rowInScope(scope.leave_requests, leave)).toBe(seesLeave);
    expect(rowInScope(scope.violations, leave)).toBe(seesLeave);
  });
});
