import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POLICY_DEFAULTS } from '../../shared/policy/defaults';
import { changedKeys, POLICY_PARAMS } from '../../shared/policy/params';
import { dateInZone } from '../../shared/policy/zoned-date';
import { formatHlc } from '../../shared/sync/hlc';
import type { DeskHost } from '../../electron/backend/desk-host';
import { api, ENGINE_CASES, serverLogin, startCentral, type RunningCentral } from './support/central';
import { aCall } from './support/calls';
import { startDemoDesk } from './support/desks';
import { tempDir } from './support/tmp';

const dir = tempDir();
let host: DeskHost;
const tokens: Record<string, string> = {};
beforeAll(async () => {
  host = await startDemoDesk({ dataDir: join(dir.path, 'desk') });
  for (const u of ['center01', 'dept01', 'agent01'])
    tokens[u] = ((await host.dispatch('session.login', { username: u, password: 'zhiban123' })) as { value: { token: string } }).value.token;
});
afterAll(async () => {
  await host.close();
  dir.remove();
});

const today = () => dateInZone(Date.now(), POLICY_DEFAULTS.timezone);
const dayAfter = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const update = (values: unknown, effectiveFrom = today(), who = 'center01') => host.dispatch('policy.update', { id: randomUUID(), effectiveFrom, values, note: '' }, tokens[who]);
const history = async () => ((await host.dispatch('policy.history', {}, tokens.center01)) as { value: unknown[] }).value;

describe('center policy', () => {
  it('starts as the originals\u2019 defaults and covers every parameter with a rule', async () => {
    const r = await host.dispatch('policy.current', {}, tokens.agent01);
    expect(r).toMatchObject({ ok: true, value: { values: POLICY_DEFAULTS } });
    for (const [key, meta] of Object.entries(POLICY_PARAMS)) if (key !== 'timezone') expect(meta.ruleIds.length, key).toBeGreaterThan(0);
  });

  it.each([
    ['swap limit below zero', { maxSwapsPerMonth: -1 }, 'values.maxSwapsPerMonth', 'too_small'],
    ['QA quota of zero', { qaMonthlyQuota: 0 }, 'values.qaMonthlyQuota', 'too_small'],
    ['lateness over four hours', { lateThresholdMinutes: 241 }, 'values.lateThresholdMinutes', 'too_big'],
    ['a fractional notice', { ordinaryLeaveNoticeDays: 1.5 }, 'values.ordinaryLeaveNoticeDays', 'invalid_type'],
    ['weights not adding to 100', { weightSatisfaction: 60 }, 'values.weightSatisfaction', 'err.weightsSum'],
    ['an unknown time zone', { timezone: 'Mars/Olympus' }, 'values.timezone', 'err.timezone'],
    ['a noon deadline of 25:00', { nightLeaveRequestDeadline: '25:00' }, 'values.nightLeaveRequestDeadline', 'err.timeOfDay'],
    ['a 4-point survey scale', { surveyScalePoints: 4 }, 'values.surveyScalePoints', 'invalid_union'],
  ])('refuses %s with a field error and saves nothing', async (_label, patch, path, code) => {
    const before = (await history()).length;
    const r = await update({ ...POLICY_DEFAULTS, ...patch });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.fields).toEqual(expect.arrayContaining([expect.objectContaining({ path, code })]));
    expect((await history()).length).toBe(before);
  });

  it('refuses an effective date that has passed in the center\u2019s zone', async () => {
    const r = await update(POLICY_DEFAULTS, dayAfter(today(), -1));
    expect(r).toMatchObject({ ok: false, error: { fields: [{ path: 'effectiveFrom', code: 'err.pastDate' }] } });
  });

  it('lets only the center director change it; everyone reads the rules they are judged by', async () => {
    expect(await update(POLICY_DEFAULTS, today(), 'dept01')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await update(POLICY_DEFAULTS, today(), 'agent01')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await host.dispatch('policy.history', {}, tokens.agent01)).toMatchObject({ ok: true });
  });

  it('applies a version from its effective date on, and keeps every version as the audit', async () => {
    const start = dayAfter(today(), 10);
    const r = await update({ ...POLICY_DEFAULTS, maxSwapsPerMonth: 3 }, start);
    expect(r).toMatchObject({ ok: true, value: { effectiveFrom: start, createdBy: 'user-center01', createdByName: '高文' } });
    expect(await host.dispatch('policy.current', {}, tokens.agent01)).toMatchObject({ value: { values: { maxSwapsPerMonth: 2 } } });
    expect(await host.dispatch('policy.current', { date: dayAfter(start, -1) }, tokens.agent01)).toMatchObject({ value: { values: { maxSwapsPerMonth: 2 } } });
    expect(await host.dispatch('policy.current', { date: start }, tokens.agent01)).toMatchObject({ value: { values: { maxSwapsPerMonth: 3 } } });
    const versions = (await history()) as { values: typeof POLICY_DEFAULTS }[];
    expect(changedKeys(versions[1]!.values, versions[0]!.values)).toEqual(['maxSwapsPerMonth']);
  });

  it('reads back exactly what was saved, for any values in range (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({ maxSwapsPerMonth: fc.integer({ min: 0, max: 31 }), lateThresholdMinutes: fc.integer({ min: 1, max: 240 }), qaMonthlyQuota: fc.integer({ min: 1, max: 31 }), weightSatisfaction: fc.integer({ min: 0, max: 100 }) }),
        fc.integer({ min: 100, max: 400 }),
        async (patch, inDays) => {
          const values = { ...POLICY_DEFAULTS, ...patch, weightResolution: 100 - patch.weightSatisfaction, weightPlanSatisfaction: 0 };
          const from = dayAfter(today(), inDays);
          expect((await update(values, from)).ok).toBe(true);
          expect(await host.dispatch('policy.current', { date: from }, tokens.agent01)).toMatchObject({ value: { values } });
        },
      ),
      { numRuns: 15 },
    );
  });

  it('computes "today" in the center\u2019s zone, not the machine\u2019s', () => {
    expect(dateInZone('2026-11-23T17:30:00Z', 'Asia/Shanghai')).toBe('2026-11-24');
    expect(dateInZone('2026-11-23T17:30:00Z', 'America/New_York')).toBe('2026-11-23');
  });
});

describe('policy on the server', () => {
  const sdir = tempDir();
  let central: RunningCentral;
  beforeAll(async () => {
    central = await startCentral(ENGINE_CASES[0]!, sdir.path);
  });
  afterAll(async () => {
    await central.stop();
    sdir.remove();
  });

  it('bounds pushed act times by the policy in force (sync.max-offline-age)', async () => {
    const director = await serverLogin(central.url, 'center01');
    const saved = await api(central.url, '/api/v1/policy.update', { id: randomUUID(), effectiveFrom: today(), values: { ...POLICY_DEFAULTS, maxOfflineDays: 1 }, note: 'tighter' }, director);
    expect(saved.status).toBe(200);
    const agent = await serverLogin(central.url, 'agent02');
    const twoDaysAgo = Date.now() - 2 * 86_400_000;
    const r = await api(central.url, '/api/sync/push', { clientId: randomUUID(), mutations: [{ id: 1, name: 'calls.log', args: aCall({}, 2 * 24 * 60), actedAt: formatHlc({ wall: twoDaysAgo, counter: 0, node: 'd' }) }] }, agent);
    expect(r.body.results[0]).toMatchObject({ status: 'rejected', error: { ruleIds: ['sync.max-offline-age'], params: { limitDays: 1, ageDays: 2 } } });
  });
});
