import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeskHost } from '../../electron/backend/desk-host';
import type { MethodInput } from '../../shared/api/table';
import { POLICY_DEFAULTS } from '../../shared/policy/defaults';
import { startDemoDesk } from './support/desks';
import { Fixture, FIXED_NOW, refusal } from './support/fixture';
import { tempDir } from './support/tmp';

/** A standalone desk of the demo center: the director enters months, leads read their team, bad input writes nothing. */
const dir = tempDir();
let host: DeskHost;
let fx: Fixture;

beforeAll(async () => {
  host = await startDemoDesk({ dataDir: dir.path, clock: () => FIXED_NOW });
  fx = new Fixture(host.dispatch);
});
afterAll(async () => {
  await host.close();
  dir.remove();
});

const month = (o: Partial<MethodInput<'evaluation.save'>> = {}): MethodInput<'evaluation.save'> => ({
  teamId: 'team-a',
  month: '2026-03',
  surveyScale: 5,
  surveyCounts: [
    { point: 3, count: 8 },
    { point: 4, count: 12 },
    { point: 5, count: 20 },
  ],
  complaintSource: 'manual',
  complaints: 2,
  complaintsResolved: 2,
  suggestions: 0,
  suggestionsResolved: 0,
  plansRated: 4,
  plansSatisfied: 3,
  incidents: [],
  ...o,
});
const everything = () => fx.call('center01', 'evaluation.list', { from: '2000-01', to: '2100-12' });

describe('entering a month and reading it back', () => {
  it('the department director enters team A’s March: 80% satisfied − 2 points = 78%, composite (78·50 + 100·30 + 75·20)/100 = 84', async () => {
    const e = await fx.call('dept01', 'evaluation.save', month());
    expect(e.id).toBe('eval:team-a:2026-03');
    expect(e.surveyCounts).toEqual([0, 0, 8, 12, 20]);
    expect(e.result.satisfactionRate).toBe(78);
    expect(e.result.composite).toBeCloseTo(84, 10);
    expect(e.enteredByName).not.toBe('');
  });

  it('a major incident entered by QA replaces the month (one row per team and month) and zeroes satisfaction: 45', async () => {
    const e = await fx.call('qa01', 'evaluation.save', month({ incidents: [{ kind: 'valuablesSecurity', date: '2026-03-09', description: '营业厅有价票证保管失误' }] }));
    expect(e.result.satisfactionRate).toBe(0);
    expect(e.result.composite).toBeCloseTo(45, 10);
    expect(e.result.checks.find((c) => c.ruleId === 'eval.major-incident-zero')?.status).toBe('fail');
    expect((await everything()).filter((x) => x.teamId === 'team-a' && x.month === '2026-03')).toHaveLength(1);
  });

  it('team B’s February; the list filters by team and months', async () => {
    await fx.call('center01', 'evaluation.save', month({ teamId: 'team-b', month: '2026-02', surveyScale: 7, surveyCounts: [{ point: 7, count: 10 }] }));
    expect((await everything()).map((e) => e.id)).toEqual(['eval:team-b:2026-02', 'eval:team-a:2026-03']);
    expect((await fx.call('dept01', 'evaluation.list', { from: '2026-03', to: '2026-03' })).map((e) => e.teamId)).toEqual(['team-a']);
    expect((await fx.call('dept01', 'evaluation.list', { from: '2026-01', to: '2026-12', teamId: 'team-b' })).map((e) => e.month)).toEqual(['2026-02']);
  });

  it('a team lead reads their own team only; an agent and a lead may not enter anything', async () => {
    expect((await fx.call('lead01', 'evaluation.list', { from: '2026-01', to: '2026-12' })).map((e) => e.teamId)).toEqual(['team-a']);
    expect((await fx.call('lead02', 'evaluation.list', { from: '2026-01', to: '2026-12' })).map((e) => e.teamId)).toEqual(['team-b']);
    expect((await refusal(fx.call('lead01', 'evaluation.save', month()))).code).toBe('forbidden');
    expect((await refusal(fx.call('agent01', 'evaluation.list', { from: '2026-01', to: '2026-12' }))).code).toBe('forbidden');
  });

  it('a new policy from March (deduction 5 points, weights 40/40/20) recomputes March, not February', async () => {
    await fx.call('center01', 'evaluation.save', month({ incidents: [] }));
    const current = await fx.call('center01', 'policy.current', {});
    await fx.call('center01', 'policy.update', { id: randomUUID(), effectiveFrom: '2026-03-12', values: { ...current.values, complaintDeductionPercent: 5, weightSatisfaction: 40, weightResolution: 40 }, note: '' });
    const [feb, mar] = await everything();
    // March: 80 − 2·5 = 70; (70·40 + 100·40 + 75·20)/100 = 83
    expect(mar!.result.satisfactionRate).toBe(70);
    expect(mar!.result.composite).toBeCloseTo(83, 10);
    // February keeps the defaults: 100 − 2·1 = 98; (98·50 + 100·30 + 75·20)/100 = 94
    expect(feb!.result.composite).toBeCloseTo(94, 10);
    expect(POLICY_DEFAULTS.complaintDeductionPercent).toBe(1);
  });
});

describe('bad input: a field error, nothing written', () => {
  it.each([
    ['a Likert point outside the scale', () => month({ surveyCounts: [{ point: 6, count: 1 }] }), 'surveyCounts.0.point:err.likertPoint'],
    ['a negative count', () => month({ complaints: -3 }), 'complaints:err.count'],
    ['more complaints resolved than received', () => month({ complaintsResolved: 3 }), 'complaintsResolved:err.moreThanReceived'],
    ['an incident in another month', () => month({ incidents: [{ kind: 'violation', date: '2026-02-27', description: '违规' }] }), 'incidents.0.date:err.incidentOutsideMonth'],
    ['an unknown team', () => month({ teamId: 'team-z' }), 'teamId:err.unknownTeam'],
  ])('%s', async (_l, input, field) => {
    const before = JSON.stringify(await everything());
    const err = await refusal(fx.call('dept01', 'evaluation.save', input()));
    expect(err.code).toBe('invalid_input');
    expect(err.fields?.map((f) => `${f.path}:${f.code}`)).toContain(field);
    expect(JSON.stringify(await everything())).toBe(before);
  });

  it('weights that do not add up to 100 are refused by the policy, and every month keeps its score', async () => {
    const before = JSON.stringify(await everything());
    const current = await fx.call('center01', 'policy.current', {});
    const err = await refusal(fx.call('center01', 'policy.update', { id: randomUUID(), effectiveFrom: '2026-03-20', values: { ...current.values, weightSatisfaction: 70 }, note: '' }));
    expect(err.fields?.map((f) => `${f.path}:${f.code}`)).toContain('values.weightSatisfaction:err.weightsSum');
    expect(JSON.stringify(await everything())).toBe(before);
  });
});
