import { randomUUID } from 'node:crypto';
import type { MethodInput } from '../../../../shared/api/table';
import { scoreEvaluation } from '../../../../shared/qa/score';
import { DEFAULT_TEMPLATE } from '../../../../shared/qa/template';
import type { Fixture } from '../fixture';
import { example } from './example';

const minutesBefore = (now: Date, m: number) => new Date(now.getTime() - m * 60_000).toISOString();

/** A call just logged by `agent`, to be evaluated. */
export async function loggedCall(fx: Fixture, agent: string, minsAgo = 30): Promise<string> {
  const c = await fx.call(agent, 'calls.log', {
    id: randomUUID(),
    customerPhone: '138 0000 2222',
    customerName: '',
    category: 'query',
    summary: '查询套餐余量',
    outcome: '已告知',
    followUp: false,
    startedAt: minutesBefore(fx.now, minsAgo),
    endedAt: minutesBefore(fx.now, minsAgo - 3),
  });
  return c.id;
}

/** The default scorecard answered with `values` (criterion id → point; default: the top point of each). */
export function answersFor(values: Record<string, number | null> = {}): MethodInput<'qa.evaluate'>['answers'] {
  return DEFAULT_TEMPLATE.sections.flatMap((s) => s.criteria.map((c) => ({ criterionId: c.id, value: c.id in values ? values[c.id]! : c.scale === 'yesno' ? 1 : Number(c.scale.slice(6)) })));
}

export function evaluation(callId: string, values: Record<string, number | null> = {}): MethodInput<'qa.evaluate'> {
  const answers = answersFor(values);
  return { id: randomUUID(), callId, templateVersionId: DEFAULT_TEMPLATE.id, answers, comments: [{ atSec: 42, criterionId: 'tone', text: '语速偏快' }], details: '整体规范', expectedScore: scoreEvaluation(DEFAULT_TEMPLATE, answers).score! };
}

/** A call of `agent` evaluated by qa01, optionally with one criterion disputed by the agent. */
export async function evaluated(fx: Fixture, agent: string, o: { disputed?: string } = {}): Promise<string> {
  const e = await fx.call('qa01', 'qa.evaluate', evaluation(await loggedCall(fx, agent), { tone: 3 }));
  if (o.disputed) await fx.call(agent, 'qa.dispute', { id: e.id, criterionId: o.disputed, reason: '客户语速快，我已配合' });
  return e.id;
}

/** A calibration session on a fresh call of agent02, opened by qa01; `scoredBy` have scored it (blind). */
export async function calibrationSession(fx: Fixture, o: { participants?: string[]; scoredBy?: string[]; referenceId?: string | null } = {}): Promise<string> {
  const participants = o.participants ?? ['qa01', 'dept01', 'center01'];
  const s = await fx.call('qa01', 'qa.calibrationOpen', {
    id: randomUUID(),
    callId: await loggedCall(fx, 'agent02'),
    templateVersionId: DEFAULT_TEMPLATE.id,
    participants: participants.map((u) => fx.userId(u)),
    referenceId: o.referenceId ?? null,
    note: '',
  });
  for (const u of o.scoredBy ?? []) await fx.call(u, 'qa.calibrationScore', calibrationScore(s.id, { tone: 3 }));
  return s.id;
}

export function calibrationScore(sessionId: string, values: Record<string, number | null> = {}): MethodInput<'qa.calibrationScore'> {
  const answers = answersFor(values);
  return { id: randomUUID(), sessionId, answers, comments: [], details: '', expectedScore: scoreEvaluation(DEFAULT_TEMPLATE, answers).score! };
}

/** Each published weekly summary its own past week, so any order and any number of runs work. */
let weeksBack = 0;
async function publishedWeek(fx: Fixture): Promise<string> {
  return (await fx.call('qa01', 'qa.publishWeekly', { teamId: 'team-a', week: fx.day(-7 * ++weeksBack), notes: '', plan: [] })).id;
}

export const qaExamples = {
  'qa.templates': example<'qa.templates'>('agent01', () => ({})),
  'qa.publishTemplate': example<'qa.publishTemplate'>('qa01', () => {
    const { names, weightTotal, sections } = DEFAULT_TEMPLATE;
    return { id: randomUUID(), templateId: randomUUID(), basedOn: 0, names, weightTotal, sections };
  }),
  'qa.sample': example<'qa.sample'>('qa01', (fx) => ({ month: fx.today.slice(0, 7), seed: 'example', limit: 5 })),
  'qa.progress': example<'qa.progress'>('qa01', (fx) => ({ month: fx.today.slice(0, 7) })),
  'qa.evaluate': example<'qa.evaluate'>('qa01', async (fx) => evaluation(await loggedCall(fx, 'agent02'))),
  'qa.list': example<'qa.list'>('agent01', () => ({})),
  'qa.get': example<'qa.get'>('agent03', async (fx) => ({ id: await evaluated(fx, 'agent03') })),
  'qa.acknowledge': example<'qa.acknowledge'>('agent04', async (fx) => ({ id: await evaluated(fx, 'agent04') })),
  'qa.dispute': example<'qa.dispute'>('agent05', async (fx) => ({ id: await evaluated(fx, 'agent05'), criterionId: 'tone', reason: '客户语速快，我已配合' })),
  'qa.rule': example<'qa.rule'>('dept01', async (fx) => ({ id: await evaluated(fx, 'agent06', { disputed: 'tone' }), criterionId: 'tone', outcome: 'amended', value: 4, note: '录音显示语调平稳' })),
  'qa.summary': example<'qa.summary'>('lead01', (fx) => ({ month: fx.today.slice(0, 7) })),
  'qa.calibrationOpen': example<'qa.calibrationOpen'>('qa01', async (fx) => ({ id: randomUUID(), callId: await loggedCall(fx, 'agent02'), templateVersionId: DEFAULT_TEMPLATE.id, participants: [fx.userId('qa01'), fx.userId('dept01')], referenceId: null, note: '' })),
  'qa.calibrationScore': example<'qa.calibrationScore'>('qa01', async (fx) => calibrationScore(await calibrationSession(fx), { tone: 4 })),
  'qa.calibrationClose': example<'qa.calibrationClose'>('qa01', async (fx) => ({ id: await calibrationSession(fx, { scoredBy: ['qa01', 'dept01'] }) })),
  'qa.calibrations': example<'qa.calibrations'>('qa01', () => ({})),
  'qa.weekly': example<'qa.weekly'>('qa01', (fx) => ({ teamId: 'team-a', week: fx.today })),
  'qa.analysis': example<'qa.analysis'>('dept01', (fx) => ({ month: fx.today.slice(0, 7) })),
  'qa.publishWeekly': example<'qa.publishWeekly'>('qa01', (fx) => ({ teamId: 'team-a', week: fx.day(-7 * ++weeksBack), notes: '本周整体平稳', plan: [{ scope: 'agent', criterionId: 'tone', agentIds: [fx.userId('agent01')], action: '听两段优秀录音' }] })),
  'qa.correctWeekly': example<'qa.correctWeekly'>('qa01', async (fx) => ({ id: await publishedWeek(fx), text: '补充：二号语速问题已改善' })),
  'qa.weeklyReports': example<'qa.weeklyReports'>('lead01', () => ({})),
};
