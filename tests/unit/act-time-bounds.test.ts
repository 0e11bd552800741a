import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatHlc } from '../../shared/sync/hlc';
import { judgedActTime, OFFLINE_FLAG_MINUTES } from '../../shared/sync/rules';
import { POLICY_DEFAULTS } from '../../shared/policy/defaults';
import { api, ENGINE_CASES, serverLogin, startCentral, type RunningCentral } from './support/central';
import { FIXED_NOW } from './support/fixture';
import { tempDir } from './support/tmp';

/**
 * A push cannot be backdated past the desk's last pull (#15 item 3): time rules (notice, effective dates, "the
 * shift has not started") judge the act at max(act time, last pull), and an act that reached the server long
 * after it was done is kept with "done offline at …" for the approver.
 */
const H = 3_600_000;
describe('the act time the server judges by', () => {
  it.each([
    ['an honest act after the last pull', 10 * H, 9 * H, 10 * H + 60_000, 10 * H, null],
    ['a push backdated three days before the last pull: judged at the pull, and flagged', 10 * H - 72 * H, 9 * H, 10 * H, 9 * H, 9 * H],
    ['an act done offline five hours before it arrived', 5 * H, 4 * H, 10 * H, 5 * H, 5 * H],
    ['a desk that never pulled: its act time, flagged when old', 2 * H, null, 10 * H, 2 * H, 2 * H],
  ])('%s', (_what, acted, lastPull, received, at, offlineAt) => {
    expect(judgedActTime(acted, lastPull, received)).toEqual({ at, offlineAt });
  });
  it(`flags only what came in more than ${OFFLINE_FLAG_MINUTES} minutes late`, () => {
    expect(judgedActTime(0, 0, OFFLINE_FLAG_MINUTES * 60_000).offlineAt).toBeNull();
    expect(judgedActTime(0, 0, OFFLINE_FLAG_MINUTES * 60_000 + 1).offlineAt).toBe(0);
  });
});

const dir = tempDir();
let central: RunningCentral;
let serverNow = FIXED_NOW.getTime();
beforeAll(async () => {
  central = await startCentral(ENGINE_CASES[0]!, dir.path, { clock: () => new Date(serverNow) });
});
afterAll(async () => {
  await central.stop();
  dir.remove();
});

const stamp = (ms: number) => formatHlc({ wall: ms, counter: 0, node: 'tamper-desk' });
async function pushOne(token: string, clientId: string, id: number, name: string, args: unknown, actedAt: number) {
  const r = await api(central.url, '/api/sync/push', { clientId, mutations: [{ id, name, args, actedAt: stamp(actedAt) }] }, token);
  expect(r.status).toBe(200);
  return r.body.results[0] as { status: string; error?: { ruleIds?: string[]; params?: Record<string, unknown>; fields?: { code: string }[] } };
}

describe('through push, on the server', () => {
  it('leave for a shift that already started cannot be backdated into "asked in time"', async () => {
    const token = await serverLogin(central.url, 'agent01');
    const clientId = randomUUID();
    expect((await api(central.url, '/api/sync/pull', { clientId, cookie: null, sinceMutationId: 0, limit: 5 }, token)).status).toBe(200);
    // agent01's night shift of 03-10 (00:00–08:00) began the day before this pull; the push claims 03-08.
    const r = await pushOne(token, clientId, 1, 'leave.request', { id: randomUUID(), userId: 'user-agent01', type: 'personal', fromDate: '2026-03-10', toDate: '2026-03-10', reason: '补请' }, serverNow - 3 * 24 * H);
    expect(r).toMatchObject({ status: 'rejected', error: { ruleIds: expect.arrayContaining(['leave.advance']), params: { problem: 'started' } } });
  });

  it('a policy cannot be backdated to take effect on a day that had passed when the desk last pulled', async () => {
    const token = await serverLogin(central.url, 'center01');
    const clientId = randomUUID();
    await api(central.url, '/api/sync/pull', { clientId, cookie: null, sinceMutationId: 0, limit: 5 }, token);
    const r = await pushOne(token, clientId, 1, 'policy.update', { id: randomUUID(), effectiveFrom: '2026-03-09', values: { ...POLICY_DEFAULTS, maxSwapsPerMonth: 5 }, note: '' }, serverNow - 3 * 24 * H);
    expect(r).toMatchObject({ status: 'rejected', error: { fields: [{ code: 'err.pastDate' }] } });
  });

  it('an act done offline hours before it reached the server is kept with when it was done', async () => {
    const token = await serverLogin(central.url, 'agent03');
    const clientId = randomUUID();
    await api(central.url, '/api/sync/pull', { clientId, cookie: null, sinceMutationId: 0, limit: 5 }, token);
    const acted = serverNow + H;
    serverNow += 6 * H; // the desk was offline; the push arrives five hours after the act
    const id = randomUUID();
    const r = await pushOne(token, clientId, 1, 'leave.request', { id, userId: 'user-agent03', type: 'personal', fromDate: '2026-03-14', toDate: '2026-03-14', reason: '家中有事' }, acted);
    expect(r.status).toBe('applied');
    const row = await central.store.db.selectFrom('leave_requests').select(['acted_offline_at', 'created_at']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.acted_offline_at).toBe(new Date(acted).toISOString());
    expect(row.created_at).toBe(new Date(acted).toISOString());
  });
});
