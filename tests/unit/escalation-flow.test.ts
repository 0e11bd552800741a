import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeskHost } from '../../electron/backend/desk-host';
import type { MethodInput } from '../../shared/api/table';
import { startDemoDesk } from './support/desks';
import { CallFailed, Fixture, FIXED_NOW } from './support/fixture';
import { tempDir } from './support/tmp';

/** A standalone desk (its own server) on a clock the tests move: handlers, rules and timers end to end. */
const dir = tempDir();
let host: DeskHost;
let fx: Fixture;
let now = FIXED_NOW;
const later = (min: number) => (now = new Date(now.getTime() + min * 60_000));

beforeAll(async () => {
  host = await startDemoDesk({ dataDir: dir.path, clock: () => now });
  fx = new Fixture(host.dispatch);
});
afterAll(async () => {
  await host.close();
  dir.remove();
});

const draft = (o: Partial<MethodInput<'escalation.report'>> = {}): MethodInput<'escalation.report'> => ({
  id: randomUUID(),
  category: 'customer-trouble',
  summary: '客户故意刁难，反复要求赔偿',
  proposal: '请班长接听',
  toId: fx.userId('lead01'),
  emergency: false,
  ...o,
});

/** The refusal of a call that must fail: its code, rule IDs and field issue, and proof nothing was written. */
async function refused<M extends Parameters<Fixture['call']>[1]>(as: string, method: M, input: MethodInput<M>) {
  const before = JSON.stringify(await fx.call('dept01', 'escalation.list', {}));
  const err = await fx.call(as, method, input).then(
    () => null,
    (e: unknown) => (e instanceof CallFailed ? e.wire : null),
  );
  expect(err, `${method} must be refused`).not.toBeNull();
  expect(JSON.stringify(await fx.call('dept01', 'escalation.list', {}))).toBe(before);
  return { code: err!.code, ruleIds: err!.ruleIds ?? [], field: err!.fields?.[0] ? `${err!.fields[0].path}:${err!.fields[0].code}` : null };
}

describe('escalate.*: bad reports are refused with the rule and a field, writing nothing', () => {
  it.each([
    ['escalate.level-by-level: skipping the lead without the emergency flag', () => draft({ toId: fx.userId('dept01') }), ['escalate.level-by-level', 'escalate.emergency-skip'], 'emergency:err.levelSkipped'],
    ["escalate.level-by-level: another team's lead is outside the chain", () => draft({ toId: fx.userId('lead02') }), ['escalate.level-by-level'], 'toId:err.outsideChain'],
    ['escalate.level-by-level: a colleague is outside the chain', () => draft({ toId: fx.userId('agent02') }), ['escalate.level-by-level'], 'toId:err.outsideChain'],
    ['escalate.level-by-level: an unknown person is outside the chain', () => draft({ toId: 'user-nobody' }), ['escalate.level-by-level'], 'toId:err.outsideChain'],
    ['escalate.must-report: a customer making trouble goes to the team lead, even in an emergency', () => draft({ toId: fx.userId('dept01'), emergency: true }), ['escalate.must-report'], 'toId:err.customerTroubleToLead'],
    ['escalate.proposal: no proposed handling', () => draft({ proposal: '   ' }), ['escalate.proposal'], 'proposal:err.proposalRequired'],
  ])('%s', async (_l, input, ruleIds, field) => {
    const r = await refused('agent01', 'escalation.report', input());
    expect(r.ruleIds).toEqual(ruleIds);
    expect(r.field).toBe(field);
  });

  it('bad input (no category, summary too long) is a field error before any rule', async () => {
    const r = await refused('agent01', 'escalation.report', { ...draft(), category: 'gossip' as never, summary: 'x'.repeat(2001) });
    expect(r.code).toBe('invalid_input');
  });
});

describe('a report goes level by level, and the holder handles it (escalate.instructions)', () => {
  let id = '';
  it('escalate.must-report + escalate.level-by-level: an agent reports to their own lead; it is the lead\'s turn', async () => {
    const e = await fx.call('agent01', 'escalation.report', draft({ category: 'beyond-remit', callId: 'call-123' }));
    id = e.id;
    expect(e).toMatchObject({ status: 'open', holderLevel: 'team_lead', holderId: fx.userId('lead01'), turn: 'holder', callId: 'call-123', followUps: [], timer: 'ok' });
    expect(e.timeline[0]).toMatchObject({ kind: 'reported', ruleIds: ['escalate.must-report', 'escalate.proposal', 'escalate.level-by-level'] });
    const lead = (await fx.call('lead01', 'escalation.list', {})).find((x) => x.id === id)!;
    expect(lead.mine.asHolder).toBe(true);
    // Another team's lead does not even hold the row.
    expect((await fx.call('lead02', 'escalation.list', {})).some((x) => x.id === id)).toBe(false);
  });

  it('escalate.instructions: only the holding level instructs; the reporter acknowledges, not someone else', async () => {
    expect((await refused('dept01', 'escalation.instruct', { id, text: '我来处理' })).ruleIds).toEqual(['escalate.instructions', 'escalate.level-by-level']);
    expect((await refused('agent01', 'escalation.acknowledge', { id, disagreement: '' })).field).toBe('id:err.nothingToAcknowledge');
    const e = await fx.call('lead01', 'escalation.instruct', { id, text: '先登记工单，告知客户两小时内回电。\n不要承诺赔偿。' });
    expect(e.turn).toBe('reporter');
    expect(e.timeline.at(-1)).toMatchObject({ kind: 'instructed', text: '先登记工单，告知客户两小时内回电。\n不要承诺赔偿。', level: 'team_lead' });
    expect((await refused('agent02', 'escalation.acknowledge', { id, disagreement: '' })).ruleIds).toEqual(['escalate.instructions']);
  });

  it('escalate.instructions: the reporter may not raise it before acknowledging; after acknowledging with a disagreement, raises it one level', async () => {
    expect((await refused('agent01', 'escalation.forward', { id, toId: fx.userId('dept01'), emergency: false, note: '' })).field).toBe('id:err.acknowledgeFirst');
    await fx.call('agent01', 'escalation.acknowledge', { id, disagreement: '已执行，但我认为应由主任决定是否赔偿' });
    expect((await refused('agent01', 'escalation.forward', { id, toId: fx.userId('center01'), emergency: false, note: '' })).field).toBe('emergency:err.levelSkipped');
    const e = await fx.call('agent01', 'escalation.forward', { id, toId: fx.userId('dept01'), emergency: false, note: '' });
    expect(e).toMatchObject({ holderLevel: 'department_director', turn: 'holder' });
    expect(e.timeline.at(-1)!.ruleIds).toEqual(['escalate.level-by-level', 'escalate.instructions']);
    expect((await refused('lead01', 'escalation.resolve', { id, note: '' })).field).toBe('id:err.notHolder');
  });

  it('the director resolves; only the reporter closes, and a closed report takes nothing more', async () => {
    await fx.call('dept01', 'escalation.resolve', { id, note: '同意按政策补偿' });
    expect((await refused('lead01', 'escalation.close', { id, note: '' })).ruleIds).toEqual(['escalate.must-report']);
    const e = await fx.call('agent01', 'escalation.close', { id, note: '' });
    expect(e.status).toBe('closed');
    expect(e.timeline.map((x) => x.kind)).toEqual(['reported', 'instructed', 'acknowledged', 'forwarded', 'resolved', 'closed']);
    expect((await refused('dept01', 'escalation.instruct', { id, text: '再看看' })).field).toBe('id:err.escalationClosed');
  });
});

describe('escalate.emergency-skip: straight up, and the skipped levels are informed afterwards', () => {
  it('an emergency to the center director leaves a follow-up for the lead and the department director, tracked until done', async () => {
    const e = await fx.call('agent03', 'escalation.report', draft({ category: 'danger', toId: fx.userId('center01'), emergency: true }));
    expect(e.followUps).toEqual([{ level: 'team_lead', done: null }, { level: 'department_director', done: null }]);
    expect(e.timeline[0]!.ruleIds).toContain('escalate.emergency-skip');
    const lead = (await fx.call('lead01', 'escalation.list', {})).find((x) => x.id === e.id)!;
    expect(lead.mine).toMatchObject({ asHolder: false, followUps: ['team_lead'] });
    expect((await refused('lead02', 'escalation.informed', { id: e.id, level: 'team_lead' })).ruleIds).toEqual(['escalate.emergency-skip']);
    expect((await refused('dept01', 'escalation.informed', { id: e.id, level: 'team_lead' })).ruleIds).toEqual(['escalate.emergency-skip']);
    await fx.call('lead01', 'escalation.informed', { id: e.id, level: 'team_lead' });
    const after = await fx.call('agent03', 'escalation.informed', { id: e.id, level: 'department_director' });
    expect(after.followUps.every((f) => f.done !== null)).toBe(true);
    expect((await refused('agent03', 'escalation.informed', { id: e.id, level: 'team_lead' })).field).toBe('level:err.noFollowUp');
  });
});

describe('timers on the injected clock: warning, automatic move up (recorded as such)', () => {
  it('an urgent report the lead leaves unanswered warns at 10 min and is with the department director at 15', async () => {
    const e = await fx.call('agent04', 'escalation.report', draft({ category: 'leak' }));
    expect(e.respondBy).toBe(new Date(now.getTime() + 15 * 60_000).toISOString());
    later(10);
    expect((await fx.call('lead01', 'escalation.list', {})).find((x) => x.id === e.id)!.timer).toBe('warning');
    later(6);
    const seen = (await fx.call('dept01', 'escalation.list', {})).find((x) => x.id === e.id)!;
    expect(seen).toMatchObject({ holderLevel: 'department_director', holderId: null, mine: { asHolder: true } });
    expect(seen.timeline.at(-1)).toMatchObject({ kind: 'auto-forwarded', by: null, level: 'department_director', ruleIds: ['escalate.must-report', 'escalate.level-by-level'] });
    // The lead is passed over: their late instruction is refused; the director's write records the move.
    expect((await refused('lead01', 'escalation.instruct', { id: e.id, text: '收到' })).field).toBe('id:err.notHolder');
    const done = await fx.call('dept01', 'escalation.instruct', { id: e.id, text: '立即封存工单' });
    expect(done.timeline.map((x) => x.kind)).toEqual(['reported', 'auto-forwarded', 'instructed']);
  });
});

describe('live help (举手): raised during a call, answered by the duty lead, written up as a report', () => {
  it('the agent raises a hand; another team\'s lead may not answer; their own lead acknowledges, then takes over', async () => {
    const h = await fx.call('agent05', 'help.raise', { id: randomUUID(), callId: 'call-777', note: '客户要求找领导' });
    expect(h).toMatchObject({ status: 'raised', teamId: 'team-a', callId: 'call-777' });
    expect((await fx.call('lead02', 'help.list', {})).some((x) => x.id === h.id)).toBe(false);
    const wrong = await fx.call('lead02', 'help.answer', { id: h.id, takeOver: false }).catch((e: CallFailed) => e.wire);
    expect(wrong).toMatchObject({ code: 'forbidden', ruleIds: ['escalate.level-by-level'] });
    expect(await fx.call('lead01', 'help.answer', { id: h.id, takeOver: false })).toMatchObject({ status: 'acknowledged', leadId: fx.userId('lead01') });
    expect(await fx.call('lead01', 'help.answer', { id: h.id, takeOver: true })).toMatchObject({ status: 'taken-over' });
  });

  it('escalate.must-report: the agent turns the hand into a formal report, which closes and links it; only once, and only their own', async () => {
    const h = await fx.call('agent06', 'help.raise', { id: randomUUID(), callId: null, note: '客户威胁投诉媒体' });
    const notMine = await fx.call('agent05', 'escalation.report', draft({ helpId: h.id })).catch((e: CallFailed) => e.wire);
    expect(notMine).toMatchObject({ code: 'forbidden', fields: [{ path: 'helpId', code: 'err.notReporter' }] });
    const r = await fx.call('agent06', 'escalation.report', draft({ helpId: h.id }));
    expect((await fx.call('agent06', 'help.list', {})).find((x) => x.id === h.id)).toMatchObject({ status: 'closed', reportId: r.id });
    const again = await fx.call('agent06', 'escalation.report', draft({ helpId: h.id })).catch((e: CallFailed) => e.wire);
    expect(again).toMatchObject({ code: 'conflict', fields: [{ path: 'helpId', code: 'err.helpReported' }] });
  });
});
