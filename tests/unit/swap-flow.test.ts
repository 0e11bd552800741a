import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { takeVersion } from '../../server/sync/versions';
import { ENGINE_CASES, startCentral, type RunningCentral } from './support/central';
import { openDesk, type TestDesk } from './support/desks';
import { tempDir } from './support/tmp';

const dir = tempDir();
let central: RunningCentral;
const desks: Record<string, TestDesk> = {};
// Next month, so every shift below is in the future whatever today is.
const now = new Date();
const month = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1)).toISOString().slice(0, 7);
const day = (d: number) => `${month}-${String(d).padStart(2, '0')}`;
const ID: Record<string, string> = {};

/** The roster these tests reason about, written on the server the way a director's import would land. */
async function setRoster(entries: [string, number, string][]) {
  await central.store.db.transaction().execute(async (tx) => {
    const version = await takeVersion(tx);
    const users = await tx.selectFrom('users').select(['id', 'username', 'team_id']).execute();
    for (const u of users) ID[u.username] = u.id;
    const ids = ['agent01', 'agent02', 'agent07', 'agent08'].map((u) => ID[u]!);
    // Before any desk has synced, so a plain delete is enough.
    await tx.deleteFrom('roster').where('user_id', 'in', ids).where('date', '>=', day(1)).where('date', '<=', day(28)).execute();
    for (const [username, d, code] of entries) {
      const u = users.find((x) => x.username === username)!;
      await tx.insertInto('roster').values({ id: randomUUID(), user_id: u.id, team_id: u.team_id, date: day(d), shift_code: code, updated_by: 'test', updated_at: now.toISOString(), version }).execute();
    }
    // Coverage is its own rule with its own tests; these flows are about approvals and limits.
    await tx.updateTable('shift_types').set({ min_coverage: '{}', version }).execute();
  });
}

const call = async <T = Record<string, unknown>>(d: TestDesk, method: string, input: unknown): Promise<T> => {
  const r = await d.host.dispatch(method, input, d.token);
  if (!r.ok) throw Object.assign(new Error(`${method}: ${r.error.message}`), { wire: r.error });
  return r.value as T;
};
const sync = (...ds: TestDesk[]) => Promise.all(ds.map((d) => d.host.sync.syncNow()));
const serverSwap = (id: string) => central.store.db.selectFrom('swaps').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const serverShift = async (username: string, d: number) => (await central.store.db.selectFrom('roster').select('shift_code').where('user_id', '=', ID[username]!).where('date', '=', day(d)).executeTakeFirst())?.shift_code || null; // '' is a rest day

beforeAll(async () => {
  central = await startCentral(ENGINE_CASES[0]!, join(dir.path, 'server'));
  await setRoster([
    ['agent01', 10, 'D'],
    ['agent07', 14, 'E'],
    ['agent08', 18, 'D'],
    ['agent07', 22, 'E'],
    ['agent02', 25, 'D'],
    ['agent07', 27, 'E'],
  ]);
  for (const u of ['agent01', 'agent02', 'agent07', 'agent08', 'lead01', 'lead02']) desks[u] = await openDesk(central.url, join(dir.path, u), u);
  await sync(...Object.values(desks));
}, 60_000);
afterAll(async () => {
  for (const d of Object.values(desks)) await d.host.close();
  await central.stop();
  dir.remove();
});

describe('a cross-team swap from request to roster', () => {
  const id = randomUUID();

  it('online, the check before sending is the server\'s, from its whole store: every rule decided', async () => {
    const r = await call<{ checks: { ruleId: string; status: string }[]; giveShift: string; takeShift: string }>(desks.agent01!, 'swap.check', { partnerId: ID.agent07, giveDate: day(10), takeDate: day(14) });
    expect([r.giveShift, r.takeShift]).toEqual(['D', 'E']);
    expect(r.checks.filter((c) => c.status !== 'pass')).toEqual([]);
    // And the form's options come from the server too: the colleague's shifts and the pay-back days allowed.
    const o = await call<{ partnerShifts: { date: string; code: string }[] | null; suggestions: { takeDate: string }[] }>(desks.agent01!, 'swap.options', { partnerId: ID.agent07, giveDate: day(10) });
    expect(o.partnerShifts).toEqual(expect.arrayContaining([{ date: day(14), code: 'E' }]));
    expect(o.suggestions.map((s) => s.takeDate)).toContain(day(14));
  });

  it('offline, the desk says what it knows and marks what only the server can judge unknown', async () => {
    desks.agent01!.wire.online = false;
    const r = await call<{ checks: { ruleId: string; status: string }[]; giveShift: string }>(desks.agent01!, 'swap.check', { partnerId: ID.agent07, giveDate: day(10), takeDate: day(14) });
    const o = await call<{ partnerShifts: unknown }>(desks.agent01!, 'swap.options', { partnerId: ID.agent07, giveDate: day(10) });
    desks.agent01!.wire.online = true;
    expect(o.partnerShifts).toBeNull();
    expect(r.giveShift).toBe('D');
    expect(Object.fromEntries(r.checks.map((c) => [c.ruleId, c.status]))).toEqual({
      'swap.allowed': 'unknown', // agent07's roster lives with team B
      'swap.same-role-skill': 'pass',
      'swap.holiday': 'pass',
      'swap.monthly-limit': 'unknown', // agent07's other swaps, too
      'swap.no-consecutive': 'unknown',
      'swap.no-back-to-back': 'unknown',
      'swap.staffing': 'unknown',
      'swap.no-leave': 'unknown', // and agent07's leave
    });
  });

  it('refuses approving before the colleague accepts, answering for someone else, and an agent approving', async () => {
    await call(desks.agent01!, 'swap.request', { id, partnerId: ID.agent07, giveDate: day(10), takeDate: day(14), reason: '孩子家长会' });
    await sync(desks.agent01!, desks.lead01!, desks.lead02!, desks.agent07!);
    await expect(call(desks.lead01!, 'swap.decide', { id, approve: true })).rejects.toMatchObject({ wire: { fields: [{ code: 'err.swapNotAccepted' }], params: { partner: '赵磊' } } });
    await expect(call(desks.agent07!, 'swap.respond', { id: 'nope', accept: true })).rejects.toMatchObject({ wire: { code: 'not_found' } });
    // The requester cannot answer for the colleague, nor approve as an agent.
    await expect(call(desks.agent01!, 'swap.respond', { id, accept: true })).rejects.toMatchObject({ wire: { code: 'forbidden' } });
    await expect(call(desks.agent01!, 'swap.decide', { id, approve: true })).rejects.toMatchObject({ wire: { code: 'forbidden' } });
    // A bystander's desk does not even hold the form; the server, which does, refuses them by name.
    await expect(call(desks.agent02!, 'swap.respond', { id, accept: true })).rejects.toMatchObject({ wire: { code: 'not_found' } });
    const token = (await desks.agent02!.host.sync.tokenFor(ID.agent02!))!;
    const res = await fetch(`${central.url}/api/v1/swap.respond`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ id, accept: true }) });
    expect(res.status).toBe(403);
  });

  it('the colleague accepts, lead B approves (still waiting for A), lead A approves: the roster moves and the pay-back is owed', async () => {
    await call(desks.agent07!, 'swap.respond', { id, accept: true });
    await sync(desks.agent07!, desks.lead02!, desks.lead01!);
    expect(await call(desks.lead02!, 'swap.decide', { id, approve: true })).toMatchObject({ status: 'accepted', leadB: { by: ID.lead02 }, leadA: null });
    await expect(call(desks.lead02!, 'swap.decide', { id, approve: true })).rejects.toMatchObject({ wire: { fields: [{ code: 'err.alreadyApproved' }] } });
    await sync(desks.lead02!, desks.lead01!);
    expect(await call(desks.lead01!, 'swap.decide', { id, approve: true })).toMatchObject({ status: 'approved' });
    await sync(desks.lead01!);
    expect(await serverSwap(id)).toMatchObject({ status: 'approved', give_shift: 'D', take_shift: 'E' });
    expect(JSON.parse((await serverSwap(id)).decision_rules)).toEqual(expect.arrayContaining(['swap.both-leads', 'swap.monthly-limit', 'swap.staffing']));
    expect([await serverShift('agent01', 10), await serverShift('agent07', 10)]).toEqual([null, 'D']);
    expect([await serverShift('agent07', 14), await serverShift('agent01', 14)]).toEqual([null, 'E']);
    await sync(desks.agent01!);
    const mine = await call<{ swaps: { id: string; status: string; paidBack: boolean }[]; used: number; max: number }>(desks.agent01!, 'swap.list', { month });
    expect(mine.swaps.find((s) => s.id === id)).toMatchObject({ status: 'approved', paidBack: false });
    expect([mine.used, mine.max]).toEqual([1, 2]);
  });
});

describe('two leads approve offline; the person has one swap left', () => {
  const s1 = randomUUID(); // agent08 ↔ agent07, inside team B: lead02 alone decides
  const s2 = randomUUID(); // agent02 (team A) ↔ agent07 (team B): both leads

  it('exactly one swap stands after sync; the other lands in the losing lead\u2019s inbox naming swap.monthly-limit', async () => {
    await call(desks.agent08!, 'swap.request', { id: s1, partnerId: ID.agent07, giveDate: day(18), takeDate: day(22), reason: '看病' });
    await call(desks.agent02!, 'swap.request', { id: s2, partnerId: ID.agent07, giveDate: day(25), takeDate: day(27), reason: '搬家' });
    await sync(desks.agent08!, desks.agent02!, desks.agent07!);
    await call(desks.agent07!, 'swap.respond', { id: s1, accept: true });
    await call(desks.agent07!, 'swap.respond', { id: s2, accept: true });
    await sync(desks.agent07!, desks.lead02!);
    await call(desks.lead02!, 'swap.decide', { id: s2, approve: true }); // B's half of s2, online
    await sync(desks.lead02!, desks.lead01!);

    // Both leads lose the network and each gives the last approval one swap needs.
    desks.lead01!.wire.online = false;
    desks.lead02!.wire.online = false;
    expect(await call(desks.lead02!, 'swap.decide', { id: s1, approve: true })).toMatchObject({ status: 'approved', synced: false });
    expect(await call(desks.lead01!, 'swap.decide', { id: s2, approve: true })).toMatchObject({ status: 'approved', synced: false });

    desks.lead02!.wire.online = true;
    await sync(desks.lead02!);
    desks.lead01!.wire.online = true;
    await sync(desks.lead01!);

    expect((await serverSwap(s1)).status).toBe('approved');
    expect((await serverSwap(s2)).status).toBe('accepted'); // still waiting: lead A's approval was refused
    expect(await serverShift('agent02', 25)).toBe('D'); // s2 never touched the roster
    const inbox = await call<{ name: string; error: { code: string; ruleIds: string[]; params: Record<string, unknown> } }[]>(desks.lead01!, 'sync.inbox', {});
    expect(inbox).toEqual([expect.objectContaining({ name: 'swap.decide', error: expect.objectContaining({ code: 'rule_violation', ruleIds: ['swap.monthly-limit'], params: expect.objectContaining({ used: 2, max: 2 }) }) })]);
    expect(await call(desks.lead02!, 'sync.inbox', {})).toEqual([]);
    // The losing desk shows the server's truth again.
    expect((await call<{ swaps: { id: string; status: string }[] }>(desks.lead01!, 'swap.list', { month })).swaps.find((s) => s.id === s2)?.status).toBe('accepted');
  });
});
