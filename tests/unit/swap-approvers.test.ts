import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeskHost } from '../../electron/backend/desk-host';
import { addDays } from '../../shared/calendar/day-kind';
import { dateInZone } from '../../shared/policy/zoned-date';
import { approverSides } from '../../shared/swap/rules';
import { startDemoDesk } from './support/desks';
import { tempDir } from './support/tmp';

const swap = { requesterId: 'r', requesterTeam: 'team-a', requesterIsLead: false, partnerId: 'p', partnerTeam: 'team-b', partnerIsLead: false };
const who = (userId: string, role: string, teamId: string | null) => ({ userId, role, teamId });

describe('swap.both-leads: who approves which side', () => {
  it.each([
    ["the requester's lead", swap, who('l1', 'team_lead', 'team-a'), { a: true, b: false }],
    ["the partner's lead", swap, who('l2', 'team_lead', 'team-b'), { a: false, b: true }],
    ['the one lead of a swap inside a team', { ...swap, partnerTeam: 'team-a' }, who('l1', 'team_lead', 'team-a'), { a: true, b: true }],
    ['a lead of a third team', swap, who('l3', 'team_lead', 'team-c'), { a: false, b: false }],
    ['the department director, when no party is a lead', swap, who('d', 'department_director', null), { a: false, b: false }],
    ['the department director, for the side of a requester who is a lead', { ...swap, requesterIsLead: true }, who('d', 'department_director', null), { a: true, b: false }],
    ['the department director, for both sides when a lead swaps inside their own team', { ...swap, partnerTeam: 'team-a', requesterIsLead: true }, who('d', 'department_director', null), { a: true, b: true }],
    ['a lead who is the requester', { ...swap, requesterId: 'l1', requesterIsLead: true }, who('l1', 'team_lead', 'team-a'), { a: false, b: false }],
    ['an agent', swap, who('x', 'agent', 'team-a'), { a: false, b: false }],
  ])('%s', (_l, s, actor, sides) => {
    expect(approverSides(s, actor)).toEqual(sides);
  });
});

describe("a team lead's own swap is approved one level up", () => {
  const dir = tempDir();
  let host: DeskHost;
  const tok: Record<string, string> = {};
  beforeAll(async () => {
    host = await startDemoDesk({ dataDir: join(dir.path, 'desk') });
    for (const u of ['lead01', 'agent02', 'dept01']) tok[u] = ((await host.dispatch('session.login', { username: u, password: 'zhiban123' })) as { value: { token: string } }).value.token;
  });
  afterAll(async () => {
    await host.close();
    dir.remove();
  });

  it('lead01 swaps with agent02 (same team): lead01 may not approve it, the department director does', async () => {
    const from = addDays(dateInZone(Date.now(), 'Asia/Shanghai'), 2);
    const mine = async (u: string) => ((await host.dispatch('roster.mine', { from, days: 20 }, tok[u])) as { value: { date: string }[] }).value.map((s) => s.date);
    const [give, take] = [await mine('lead01'), await mine('agent02')];
    // The first pair of days every rule accepts.
    let pair: [string, string] | null = null;
    for (const g of give)
      for (const t of take) {
        if (pair) break;
        const r = (await host.dispatch('swap.check', { partnerId: 'user-agent02', giveDate: g, takeDate: t }, tok.lead01)) as { value: { checks: { status: string }[] } };
        if (r.value.checks.every((c) => c.status === 'pass')) pair = [g, t];
      }
    expect(pair).not.toBeNull();
    const id = randomUUID();
    expect((await host.dispatch('swap.request', { id, partnerId: 'user-agent02', giveDate: pair![0], takeDate: pair![1], reason: '培训' }, tok.lead01)).ok).toBe(true);
    expect((await host.dispatch('swap.respond', { id, accept: true }, tok.agent02)).ok).toBe(true);
    expect(await host.dispatch('swap.decide', { id, approve: true }, tok.lead01)).toMatchObject({ ok: false, error: { code: 'forbidden', ruleIds: ['swap.both-leads'] } });
    expect(await host.dispatch('swap.decide', { id, approve: true }, tok.dept01)).toMatchObject({ ok: true, value: { status: 'approved', requesterIsLead: true } });
  });
});
