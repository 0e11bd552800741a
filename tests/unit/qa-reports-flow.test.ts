import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeskHost } from '../../electron/backend/desk-host';
import { startDemoDesk } from './support/desks';
import { CallFailed, Fixture, FIXED_NOW } from './support/fixture';
import { evaluation, loggedCall } from './support/examples/qa';
import { tempDir } from './support/tmp';

/**
 * qa.weekly / qa.rollcall end to end on a standalone desk, against a hand-computed fixture. The clock is
 * Wednesday 2026-03-11 (Shanghai); its week runs Monday 03-09 to Sunday 03-15. Default scorecard: manner
 * (50) = wording 35 (yes/no) + attitude 40 + tone 25; handling (50) = needs 60 + adaptability 40 (Likert 5:
 * 3 → 50, 4 → 75, 5 → 100); unnamed criteria at their top point.
 *
 *   this week, team 1 (agent01–06)         tone  needs  wording  score
 *   agent01  tone 3, needs 3                50    50     100      (87.5 + 70) / 2  = 78.75
 *   agent02  tone 3                         50    100    100      (87.5 + 100) / 2 = 93.75
 *   agent03  tone 3, wording no (critical)  50    100    0        (0 + 100) / 2    = 50   (section failed)
 *   agent04  needs 4                        100   75     100      (100 + 85) / 2   = 92.5
 *   agent05  all top                        100   100    100      100
 *   → average 415 / 5 = 83; tone 70 (weak for 3 of 5 → team item), wording 80 (agent03 → individual),
 *     needs 85 (agent01 → individual); one critical fail.
 *   last week (Wed 03-04): agent06 needs 4 → 92.5.        team 2 this week: agent07 tone 3 → 93.75.
 */
const dir = tempDir();
let host: DeskHost;
let fx: Fixture;
let now = FIXED_NOW;
const WEEK = '2026-03-09';
const LAST_WEEK = new Date(FIXED_NOW.getTime() - 7 * 86_400_000);
const ids: Record<string, string> = {};

beforeAll(async () => {
  host = await startDemoDesk({ dataDir: dir.path, clock: () => now });
  fx = new Fixture(host.dispatch);
  now = LAST_WEEK;
  const earlier = new Fixture(host.dispatch, LAST_WEEK);
  await earlier.call('qa01', 'qa.evaluate', evaluation(await loggedCall(earlier, 'agent06'), { needs: 4 }));
  now = FIXED_NOW;
  const plan: [string, Record<string, number>][] = [
    ['agent01', { tone: 3, needs: 3 }],
    ['agent02', { tone: 3 }],
    ['agent03', { tone: 3, wording: 0 }],
    ['agent04', { needs: 4 }],
    ['agent05', {}],
    ['agent07', { tone: 3 }],
  ];
  for (const [agent, values] of plan) ids[agent] = (await fx.call('qa01', 'qa.evaluate', evaluation(await loggedCall(fx, agent), values))).id;
});
afterAll(async () => {
  await host.close();
  dir.remove();
});

const failure = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => (e instanceof CallFailed ? { code: e.wire.code, field: e.wire.fields?.[0] ? `${e.wire.fields[0].path}:${e.wire.fields[0].code}` : null } : { code: 'thrown', field: String(e) }),
  );

describe('qa.weekly: the weekly summary of team 1 against the hand-computed figures', () => {
  it('counts, average and its trend, critical fails, quota', async () => {
    const s = await fx.call('qa01', 'qa.weekly', { teamId: 'team-a', week: '2026-03-12' });
    expect({ week: s.week, weekEnd: s.weekEnd, done: s.done, agents: s.agents, evaluated: s.evaluatedAgents, average: s.average, previous: s.previousAverage, critical: s.criticalFails }).toEqual({
      week: WEEK,
      weekEnd: '2026-03-15',
      done: 5,
      agents: 6,
      evaluated: 5,
      average: 83,
      previous: 92.5,
      critical: 1,
    });
    // The month so far: six evaluations of team 1 against six agents × the default quota of 3.
    expect([s.month, s.monthDone, s.monthQuota]).toEqual(['2026-03', 6, 18]);
    expect(s.trend.map((w) => [w.week, w.average, w.count])).toEqual([
      ['2026-02-02', null, 0],
      ['2026-02-09', null, 0],
      ['2026-02-16', null, 0],
      ['2026-02-23', null, 0],
      ['2026-03-02', 92.5, 1],
      [WEEK, 83, 5],
    ]);
    expect(s.perAgent.find((a) => a.agentId === fx.userId('agent03'))).toMatchObject({ count: 1, average: 50, criticalFails: 1 });
    expect(s.perAgent.find((a) => a.agentId === fx.userId('agent06'))).toMatchObject({ count: 0, average: null });
    expect(s.published).toBeNull();
  });

  it('per-criterion averages across agents, weakest first, with who is weak', () => {
    return fx.call('lead01', 'qa.weekly', { teamId: 'team-a', week: WEEK }).then((s) => {
      expect(s.criteria.map((c) => [c.criterionId, c.average, c.agents, c.weak.map((w) => w.agentName)])).toEqual([
        ['tone', 70, 5, ['王芳', '李娜', '张敏']],
        ['wording', 80, 5, ['张敏']],
        ['needs', 85, 5, ['王芳']],
        ['adaptability', 100, 5, []],
        ['attitude', 100, 5, []],
      ]);
    });
  });

  it('qa.weekly: the derived training plan — tone for the team, wording and needs individually', async () => {
    const s = await fx.call('qa01', 'qa.weekly', { teamId: 'team-a', week: WEEK });
    expect(s.plan.map((p) => [p.scope, p.criterionId, p.agentNames.join(','), p.average])).toEqual([
      ['team', 'tone', '王芳,李娜,张敏', 50],
      ['agent', 'wording', '张敏', 0],
      ['agent', 'needs', '王芳', 50],
    ]);
  });
});

describe('qa.weekly: who reads the team summary', () => {
  it('an agent cannot; a lead reads their own team only; QA and directors any team', async () => {
    expect((await failure(fx.call('agent01', 'qa.weekly', { teamId: 'team-a', week: WEEK })))?.code).toBe('forbidden');
    expect(await failure(fx.call('lead01', 'qa.weekly', { teamId: 'team-b', week: WEEK }))).toEqual({ code: 'forbidden', field: 'teamId:err.notYourTeam' });
    expect((await fx.call('lead02', 'qa.weekly', { teamId: 'team-b', week: WEEK })).average).toBe(93.75);
    expect((await fx.call('dept01', 'qa.weekly', { teamId: 'team-b', week: WEEK })).done).toBe(1);
    expect(await failure(fx.call('qa01', 'qa.weekly', { teamId: 'no-such-team', week: WEEK }))).toEqual({ code: 'invalid_input', field: 'teamId:err.unknownTeam' });
    expect((await failure(fx.call('agent01', 'qa.analysis', { month: '2026-03' })))?.code).toBe('forbidden');
    expect((await failure(fx.call('lead01', 'qa.analysis', { month: '2026-03' })))?.code).toBe('forbidden');
  });
});

describe('qa.weekly: the monthly QA analysis report for the department director', () => {
  it('per team and criterion, trends, disputes and their outcomes, problems common to many agents', async () => {
    await fx.call('agent02', 'qa.dispute', { id: ids.agent02!, criterionId: 'tone', reason: '客户语速快，我已配合' });
    await fx.call('dept01', 'qa.rule', { id: ids.agent02!, criterionId: 'tone', outcome: 'upheld', note: '录音显示语调生硬' });
    await fx.call('agent01', 'qa.dispute', { id: ids.agent01!, criterionId: 'needs', reason: '客户需求已确认' });
    const a = await fx.call('dept01', 'qa.analysis', { month: '2026-03' });
    expect(a.months).toEqual(['2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03']);
    // Team 1: (415 + 92.5) / 6 = 84.58; team 2: agent07 alone.
    expect(a.teams.map((x) => [x.teamId, x.count, x.average, x.criticalFails, x.trend.at(-1)!.average])).toEqual([
      ['team-a', 6, 84.58, 1, 84.58],
      ['team-b', 1, 93.75, 0, 93.75],
    ]);
    // Team 1's tone: (50 × 3 + 100 × 3) / 6 = 75.
    expect(a.teams[0]!.criteria.find((c) => c.criterionId === 'tone')!.average).toBe(75);
    // Center-wide tone: (50 × 4 + 100 × 3) / 7 = 71.43.
    expect(a.criteria.find((c) => c.criterionId === 'tone')!.average).toBe(71.43);
    expect(a.disputes).toMatchObject({ total: 2, open: 1, upheld: 1, amended: 0 });
    expect(a.disputes.byCriterion.map((d) => [d.criterionId, d.open, d.upheld, d.amended])).toEqual([
      ['needs', 1, 0, 0],
      ['tone', 0, 1, 0],
    ]);
    // qa.rollcall: tone is weak for 4 of the 7 agents evaluated this month; nothing else is common.
    expect(a.evaluatedAgents).toBe(7);
    expect(a.common.map((p) => [p.criterionId, p.agentNames.join(',')])).toEqual([['tone', '王芳,李娜,张敏,赵磊']]);
  });
});

describe('qa.weekly: the published summary is immutable; corrections are appended', () => {
  it('QA publishes the plan as edited; later evaluations do not rewrite it; a second publish is refused; a director corrects', async () => {
    const r = await fx.call('qa01', 'qa.publishWeekly', {
      teamId: 'team-a',
      week: '2026-03-11',
      notes: '语气语调普遍偏弱',
      plan: [
        { scope: 'team', criterionId: 'tone', agentIds: [fx.userId('agent01'), fx.userId('agent02'), fx.userId('agent03')], action: '周五集中听优秀录音' },
        { scope: 'agent', criterionId: 'wording', agentIds: [fx.userId('agent03')], action: '' },
      ],
    });
    expect([r.id, r.week, r.figures.average, r.plan.map((p) => [p.scope, p.criterionId, p.agentNames.join(',')])]).toEqual([
      'qaweek:team-a:2026-03-09',
      WEEK,
      83,
      [
        ['team', 'tone', '王芳,李娜,张敏'],
        ['agent', 'wording', '张敏'],
      ],
    ]);
    // agent06 is evaluated the same week: the live figures move, the published ones stay.
    await fx.call('qa01', 'qa.evaluate', evaluation(await loggedCall(fx, 'agent06'), {}));
    const s = await fx.call('lead01', 'qa.weekly', { teamId: 'team-a', week: WEEK });
    expect([s.done, s.published?.figures.average, s.published?.figures.done]).toEqual([6, 83, 5]);

    expect(await failure(fx.call('qa01', 'qa.publishWeekly', { teamId: 'team-a', week: WEEK, notes: '', plan: [] }))).toEqual({ code: 'conflict', field: 'week:err.weeklyPublished' });
    // Bad plans write nothing: a stranger to the team, an individual item for two, an unknown criterion.
    for (const [plan, field] of [
      [[{ scope: 'agent', criterionId: 'tone', agentIds: [fx.userId('agent07')], action: '' }], 'plan.0.agentIds.0:err.notYourTeam'],
      [[{ scope: 'agent', criterionId: 'tone', agentIds: [fx.userId('agent01'), fx.userId('agent02')], action: '' }], 'plan.0.agentIds:err.planOneAgent'],
      [[{ scope: 'team', criterionId: 'humour', agentIds: [], action: '' }], 'plan.0.criterionId:err.criterionUnknown'],
    ] as const) {
      expect(await failure(fx.call('qa01', 'qa.publishWeekly', { teamId: 'team-a', week: '2026-03-02', notes: '', plan: plan.map((p) => ({ ...p, agentIds: [...p.agentIds] })) }))).toEqual({ code: 'invalid_input', field });
    }
    expect(await host.db.selectFrom('qa_weekly_reports').select('id').execute()).toHaveLength(1);

    const c = await fx.call('dept01', 'qa.correctWeekly', { id: r.id, text: '赵磊属二组，不在本计划' });
    expect([c.notes, c.figures.average, c.corrections.map((x) => [x.byName, x.text])]).toEqual(['语气语调普遍偏弱', 83, [['马建国', '赵磊属二组，不在本计划']]]);
    expect((await fx.call('lead01', 'qa.weeklyReports', {})).map((x) => x.id)).toEqual([r.id]);
    expect(await fx.call('lead02', 'qa.weeklyReports', {})).toEqual([]);
    expect((await failure(fx.call('agent01', 'qa.weeklyReports', {})))?.code).toBe('forbidden');
    expect(await failure(fx.call('lead02', 'qa.correctWeekly', { id: r.id, text: 'x' }))).not.toBeNull();
  });
});
