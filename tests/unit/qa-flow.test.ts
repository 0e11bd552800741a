import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeskHost } from '../../electron/backend/desk-host';
import type { MethodInput, MethodName } from '../../shared/api/table';
import { DEFAULT_TEMPLATE } from '../../shared/qa/template';
import { startDemoDesk } from './support/desks';
import { CallFailed, Fixture, FIXED_NOW } from './support/fixture';
import { evaluation, loggedCall } from './support/examples/qa';
import { tempDir } from './support/tmp';

/** A standalone desk on a clock the tests move: scoring, rights, the agent side and arbitration end to end. */
const dir = tempDir();
let host: DeskHost;
let fx: Fixture;
let now = FIXED_NOW;
const MONTH = '2026-03';
beforeAll(async () => {
  host = await startDemoDesk({ dataDir: dir.path, clock: () => now });
  fx = new Fixture(host.dispatch);
});
afterAll(async () => {
  await host.close();
  dir.remove();
});

/** Everything QA data holds, to prove a refusal wrote nothing. */
const snapshot = async () => JSON.stringify([await host.db.selectFrom('qa_evaluations').selectAll().orderBy('id').execute(), await host.db.selectFrom('qa_templates').selectAll().orderBy('id').execute()]);

async function refused<M extends MethodName>(as: string, method: M, input: MethodInput<M>) {
  const before = await snapshot();
  const err = await fx.call(as, method, input as never).then(
    () => null,
    (e: unknown) => (e instanceof CallFailed ? e.wire : null),
  );
  expect(err, `${method} must be refused`).not.toBeNull();
  expect(await snapshot()).toBe(before);
  return { code: err!.code, ruleIds: err!.ruleIds ?? [], field: err!.fields?.[0] ? `${err!.fields[0].path}:${err!.fields[0].code}` : null };
}

describe('qa.form / qa.criteria: bad evaluations are refused, writing nothing', () => {
  it.each([
    ['a yes/no answer of 2 is off the scale', async () => evaluation(await loggedCall(fx, 'agent01'), { wording: 2 }), 'invalid_input', ['qa.criteria'], 'answers.0.value:err.offScale'],
    ['a Likert-5 answer of 6 is off the scale', async () => evaluation(await loggedCall(fx, 'agent01'), { tone: 6 }), 'invalid_input', ['qa.criteria'], 'answers.2.value:err.offScale'],
    ['N/A on a criterion that may not be N/A', async () => evaluation(await loggedCall(fx, 'agent01'), { attitude: null }), 'invalid_input', ['qa.criteria'], 'answers.1.value:err.naNotAllowed'],
    ['an unknown call', async () => evaluation('no-such-call'), 'not_found', ['qa.form'], 'callId:err.callNotFound'],
    ['a score the desk computed differently', async () => ({ ...evaluation(await loggedCall(fx, 'agent01')), expectedScore: 99 }), 'conflict', ['qa.form'], 'expectedScore:err.scoreMismatch'],
    ['an unknown template version', async () => ({ ...evaluation(await loggedCall(fx, 'agent01')), templateVersionId: 'qa-default-v9' }), 'not_found', ['qa.form'], 'templateVersionId:err.templateNotFound'],
  ])('%s', async (_l, input, code, ruleIds, field) => {
    const r = await refused('qa01', 'qa.evaluate', await input());
    expect(r).toEqual({ code, ruleIds, field });
  });

  it('a QA inspector may not evaluate their own call', async () => {
    const callId = await loggedCall(fx, 'agent02');
    // The inspector once worked the floor: this call is theirs.
    await host.db.updateTable('calls').set({ agent_id: fx.userId('qa01') }).where('id', '=', callId).execute();
    expect(await refused('qa01', 'qa.evaluate', evaluation(callId))).toEqual({ code: 'forbidden', ruleIds: ['qa.form'], field: 'callId:err.ownCall' });
  });

  it('templates whose weights do not sum as they say, or with no criterion, are refused', async () => {
    const { names, sections } = DEFAULT_TEMPLATE;
    const bad = { id: randomUUID(), templateId: randomUUID(), basedOn: 0, names, weightTotal: 100 };
    expect(await refused('qa01', 'qa.publishTemplate', { ...bad, sections: [{ ...sections[0]!, weight: 70 }, sections[1]!] })).toEqual({ code: 'invalid_input', ruleIds: ['qa.criteria'], field: 'sections:err.qaWeightsSum' });
    expect(await refused('qa01', 'qa.publishTemplate', { ...bad, sections: [] })).toEqual({ code: 'invalid_input', ruleIds: ['qa.criteria'], field: 'sections:err.noCriteria' });
  });
});

describe('qa: an evaluation from sampling to ruling', () => {
  let id = '';
  it('QA samples this month\'s calls: one per agent before anyone gets a second', async () => {
    const s = await fx.call('qa01', 'qa.sample', { month: MONTH, seed: 'flow', limit: 50 });
    const agents = s.map((c) => c.agentId);
    const firstRound = agents.slice(0, new Set(agents).size);
    expect(new Set(firstRound).size).toBe(firstRound.length);
    expect(await fx.call('qa01', 'qa.sample', { month: MONTH, seed: 'flow', limit: 50 })).toEqual(s);
  });

  it('scores a call with a critical fail: 0 and flagged; progress counts it for the agent and the inspector', async () => {
    const before = await fx.call('qa01', 'qa.progress', { month: MONTH });
    const callId = await loggedCall(fx, 'agent03');
    const e = await fx.call('qa01', 'qa.evaluate', evaluation(callId, { attitude: 1 }));
    id = e.id;
    expect(e).toMatchObject({ score: 0, critical: 'evaluation', agentId: fx.userId('agent03'), month: MONTH });
    expect(e.comments[0]).toMatchObject({ atSec: 42, text: '语速偏快' });
    const after = await fx.call('qa01', 'qa.progress', { month: MONTH });
    const ev = (p: typeof after) => p.agents.find((a) => a.agentId === fx.userId('agent03'))!.evaluated;
    expect(ev(after)).toBe(ev(before) + 1);
    expect(after.inspectors.find((i) => i.inspectorId === fx.userId('qa01'))!.evaluated).toBe(before.inspectors.find((i) => i.inspectorId === fx.userId('qa01'))!.evaluated + 1);
    expect(await refused('qa01', 'qa.evaluate', evaluation(callId))).toEqual({ code: 'conflict', ruleIds: ['qa.form'], field: 'callId:err.alreadyEvaluated' });
  });

  it('the agent sees only their own evaluations; another agent is refused; the lead sees the team\'s', async () => {
    expect((await fx.call('agent03', 'qa.list', {})).map((e) => e.id)).toContain(id);
    expect((await fx.call('agent01', 'qa.list', {})).map((e) => e.id)).not.toContain(id);
    expect(await refused('agent01', 'qa.get', { id })).toEqual({ code: 'forbidden', ruleIds: ['qa.form'], field: 'id:err.evaluationNotYours' });
    expect(await refused('agent01', 'qa.acknowledge', { id })).toMatchObject({ code: 'forbidden' });
    expect((await fx.call('lead01', 'qa.list', {})).map((e) => e.id)).toContain(id);
    expect((await fx.call('lead02', 'qa.list', {})).map((e) => e.id)).not.toContain(id);
  });

  it('the agent acknowledges and disputes the attitude criterion; a second dispute of it is refused', async () => {
    expect((await fx.call('agent03', 'qa.acknowledge', { id })).acknowledgedAt).toBe(now.toISOString());
    const d = await fx.call('agent03', 'qa.dispute', { id, criterionId: 'attitude', reason: '客户先辱骂，我保持了克制' });
    expect(d.disputes).toMatchObject([{ criterionId: 'attitude', status: 'open' }]);
    expect(await refused('agent03', 'qa.dispute', { id, criterionId: 'attitude', reason: '再次申诉' })).toMatchObject({ code: 'conflict', ruleIds: ['qa.dispute'] });
    // Only directors arbitrate; the QA inspector cannot.
    expect(await refused('lead01', 'qa.rule', { id, criterionId: 'attitude', outcome: 'upheld', value: null, note: '' })).toMatchObject({ code: 'forbidden' });
  });

  it('the director amends the score: recomputed, logged, flag gone; the summary shows it', async () => {
    expect(await refused('dept01', 'qa.rule', { id, criterionId: 'attitude', outcome: 'amended', value: 9, note: '' })).toEqual({ code: 'invalid_input', ruleIds: ['qa.criteria'], field: 'value:err.offScale' });
    const r = await fx.call('dept01', 'qa.rule', { id, criterionId: 'attitude', outcome: 'amended', value: 4, note: '录音显示客户先辱骂' });
    expect(r.critical).toBe('none');
    expect(r.score).toBeGreaterThan(0);
    expect(r.disputes[0]).toMatchObject({ status: 'amended', ruling: { value: 4, by: fx.userId('dept01') } });
    expect(r.log.map((l) => l.kind)).toEqual(['scored', 'acknowledged', 'disputed', 'amended']);
    expect(r.log[3]).toMatchObject({ from: 0, to: r.score });
    const row = (await fx.call('dept01', 'qa.summary', { month: MONTH })).find((x) => x.agentId === fx.userId('agent03'))!;
    expect(row).toMatchObject({ count: 1, average: r.score, quota: 3, flagged: 0 });
    expect(row.weakest[0]).toMatchObject({ criterionId: 'attitude', average: 75 });
    expect(row.trend.map((t) => t.month)).toEqual(['2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03']);
  });

  it('the director upholds a disputed criterion: the score stays, the ruling is logged, and it cannot be ruled twice', async () => {
    const e = await fx.call('qa01', 'qa.evaluate', evaluation(await loggedCall(fx, 'agent02'), { tone: 2 }));
    await fx.call('agent02', 'qa.dispute', { id: e.id, criterionId: 'tone', reason: '客户听力不好，我放慢了语速' });
    const r = await fx.call('center01', 'qa.rule', { id: e.id, criterionId: 'tone', outcome: 'upheld', value: null, note: '语调确实生硬' });
    expect(r.score).toBe(e.score);
    expect(r.disputes[0]).toMatchObject({ status: 'upheld', ruling: { value: 2, by: fx.userId('center01') } });
    expect(r.log.at(-1)).toMatchObject({ kind: 'upheld', from: e.score, to: e.score, ruleIds: ['qa.dispute', 'qa.form'] });
    expect(await refused('dept01', 'qa.rule', { id: e.id, criterionId: 'tone', outcome: 'amended', value: 5, note: '' })).toEqual({ code: 'conflict', ruleIds: ['qa.dispute'], field: 'criterionId:err.noOpenDispute' });
  });

  it('qa.dispute: after the policy\'s days, a dispute is refused naming the rule, and nothing is written', async () => {
    const e = await fx.call('qa01', 'qa.evaluate', evaluation(await loggedCall(fx, 'agent04')));
    now = new Date(now.getTime() + 3 * 86_400_000 + 60_000);
    try {
      expect(await refused('agent04', 'qa.dispute', { id: e.id, criterionId: 'tone', reason: '不同意' })).toEqual({ code: 'rule_violation', ruleIds: ['qa.dispute'], field: 'id:err.disputeLate' });
    } finally {
      now = FIXED_NOW;
    }
  });

  it('publishing an edited template makes a new version; scoring with the old one is then refused', async () => {
    const { names, weightTotal, sections } = DEFAULT_TEMPLATE;
    const v2 = await fx.call('qa01', 'qa.publishTemplate', { id: randomUUID(), templateId: DEFAULT_TEMPLATE.templateId, basedOn: 1, names, weightTotal, sections: [sections[1]!, sections[0]!] });
    expect(v2.version).toBe(2);
    expect(await refused('qa01', 'qa.evaluate', evaluation(await loggedCall(fx, 'agent05')))).toEqual({ code: 'conflict', ruleIds: ['qa.form'], field: 'templateVersionId:err.templateOutdated' });
    // The evaluation scored with v1 keeps it.
    expect((await fx.call('dept01', 'qa.get', { id })).templateVersionId).toBe(DEFAULT_TEMPLATE.id);
    expect(await refused('qa01', 'qa.publishTemplate', { id: randomUUID(), templateId: DEFAULT_TEMPLATE.templateId, basedOn: 1, names, weightTotal, sections })).toMatchObject({ code: 'conflict', field: 'basedOn:err.templateOutdated' });
  });
});
