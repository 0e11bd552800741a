import { randomUUID } from 'node:crypto';
import { startDemoDesk } from './support/desks';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeskHost } from '../../electron/backend/desk-host';
import type { Actor } from '../../shared/auth/roles';
import { POLICY_DEFAULTS } from '../../shared/policy/defaults';
import { checkComplaintStep, dueAt, mayChange, nextComplaintStep, riskOf } from '../../shared/workorders/rules';
import { COMPLAINT_STEPS, WORK_ORDER_TYPES, type StepRecord } from '../../shared/workorders/schemas';
import { FIXED_NOW, Fixture, refusal } from './support/fixture';
import { tempDir } from './support/tmp';

/** Work orders and complaints (#13 items 4–5): due times, warnings, rights, complaint steps, rates. */
const dir = tempDir();
let host: DeskHost;
let fx: Fixture;
const NOW = FIXED_NOW.toISOString();
const H = 3_600_000;
const plus = (h: number) => new Date(FIXED_NOW.getTime() + h * H).toISOString();
const DEMO_A = '00000000-0000-4000-8000-000000000001'; // agent01, team A
const DEMO_B = '00000000-0000-4000-8000-000000000005'; // agent07, team B

beforeAll(async () => {
  host = await startDemoDesk({ dataDir: dir.path, clock: () => FIXED_NOW });
  fx = new Fixture(host.dispatch);
});
afterAll(async () => {
  await host.close();
  dir.remove();
});

const failure = refusal;

describe('workorder.due and workorder.pre-breach (rules)', () => {
  it.each([
    ['fault', 48],
    ['billing', 48],
    ['service', 48],
    ['complaint', 24],
    ['callback', 72],
  ] as const)('workorder.due: a %s work order is due %i h after it is created (policy defaults)', (type, hours) => {
    expect(dueAt(type, NOW, POLICY_DEFAULTS)).toBe(plus(hours));
  });

  it('workorder.due: the due time is always created + the policy hours of its type (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...WORK_ORDER_TYPES), fc.integer({ min: 1, max: 720 }), fc.integer({ min: 1, max: 720 }), fc.integer({ min: 1, max: 720 }), fc.integer({ min: 0, max: 10_000 }), (type, w, c, b, offsetH) => {
        const created = plus(offsetH);
        const hours = type === 'complaint' ? c : type === 'callback' ? b : w;
        expect(Date.parse(dueAt(type, created, { workOrderDueHours: w, complaintDueHours: c, callbackDueHours: b })) - Date.parse(created)).toBe(hours * H);
      }),
    );
  });

  it.each([
    ['due in 5 h, warning 4 h', 5, 'open', 'ok'],
    ['due in exactly 4 h', 4, 'open', 'warn'],
    ['due in 1 h', 1, 'in_progress', 'warn'],
    ['due 1 h ago', -1, 'open', 'overdue'],
    ['due 1 h ago but done', -1, 'done', 'ok'],
  ] as const)('workorder.pre-breach: %s → %s', (_l, h, status, risk) => {
    expect(riskOf({ dueAt: plus(h), status }, NOW, 4)).toBe(risk);
  });
});

describe('complaint.order (rules)', () => {
  const rec = (steps: readonly (typeof COMPLAINT_STEPS)[number][]): StepRecord[] => steps.map((step) => ({ step, at: NOW, by: 'u', note: 'n', ...(step === 'compensate' ? { due: false } : {}) }));
  it.each([
    [[], 'apologise', undefined, true],
    [[], 'resolve', undefined, false],
    [['apologise'], 'resolve', undefined, true],
    [['apologise', 'resolve'], 'recommend', undefined, false],
    [['apologise', 'resolve'], 'compensate', undefined, false],
    [['apologise', 'resolve'], 'compensate', false, true],
    [['apologise', 'resolve', 'compensate', 'recommend'], 'followUp', undefined, true],
    [['apologise', 'resolve', 'compensate', 'recommend', 'followUp'], 'followUp', undefined, false],
  ] as const)('after %j, %s (due %s) is allowed: %s', (done, step, due, ok) => {
    const v = checkComplaintStep(rec(done), step, due);
    expect(v.ok).toBe(ok);
    if (!v.ok) expect(v.ruleIds).toContain('complaint.order');
  });

  it('whatever is attempted, the steps on record are always a prefix of the seed\'s order (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...COMPLAINT_STEPS), fc.option(fc.boolean(), { nil: undefined })), { maxLength: 30 }), (attempts) => {
        let done: StepRecord[] = [];
        for (const [step, due] of attempts) if (checkComplaintStep(done, step, due).ok) done = [...done, { step, at: NOW, by: 'u', note: 'n', due }];
        expect(done.map((s) => s.step)).toEqual(COMPLAINT_STEPS.slice(0, done.length));
        expect(nextComplaintStep(done)).toBe(COMPLAINT_STEPS[done.length] ?? null);
      }),
    );
  });

  it('workorder.close-rights: owner, the team\'s lead and the department director; nobody else', () => {
    const a = (role: Actor['role'], userId: string, teamId: string | null): Actor => ({ userId, username: userId, displayName: userId, role, teamId });
    const o = { ownerId: 'agent01', teamId: 'team-a' };
    expect(mayChange(a('agent', 'agent01', 'team-a'), o)).toBe(true);
    expect(mayChange(a('agent', 'agent02', 'team-a'), o)).toBe(false);
    expect(mayChange(a('team_lead', 'lead01', 'team-a'), o)).toBe(true);
    expect(mayChange(a('team_lead', 'lead02', 'team-b'), o)).toBe(false);
    expect(mayChange(a('department_director', 'dept01', null), o)).toBe(true);
    expect(mayChange(a('center_director', 'center01', null), o)).toBe(false);
  });
});

describe('work orders on a desk', () => {
  it('created from a call, due by the policy, listed for the owner and in the lead\'s backlog; others cannot touch it', async () => {
    const o = await fx.call('agent01', 'workorders.create', { id: randomUUID(), callId: DEMO_A, type: 'billing', title: '核实多扣月租' });
    expect(o).toMatchObject({ status: 'open', ownerId: fx.userId('agent01'), teamId: 'team-a', dueAt: plus(48), risk: 'ok', ruleIds: ['workorder.due'] });
    expect((await fx.call('agent01', 'workorders.list', { view: 'mine' })).map((x) => x.id)).toContain(o.id);
    expect((await fx.call('lead01', 'workorders.list', { view: 'open' })).map((x) => x.id)).toContain(o.id);
    expect((await fx.call('lead02', 'workorders.list', { view: 'all' })).map((x) => x.id)).not.toContain(o.id);
    expect((await failure(fx.call('lead02', 'workorders.setStatus', { id: o.id, status: 'done', note: '' }))).code).toBe('not_found');
    expect((await failure(fx.call('agent07', 'workorders.setStatus', { id: o.id, status: 'done', note: '' }))).code).toBe('not_found');
    const done = await fx.call('lead01', 'workorders.setStatus', { id: o.id, status: 'done', note: '已退费' });
    expect(done).toMatchObject({ status: 'done', closedAt: NOW, closeNote: '已退费' });
    expect((await failure(fx.call('agent01', 'workorders.setStatus', { id: o.id, status: 'in_progress', note: '' }))).fields?.[0]?.code).toBe('err.workOrderDone');
  });

  it('refuses bad input naming the field: unknown call, empty title, unknown type, an owner from another team', async () => {
    expect((await failure(fx.call('agent01', 'workorders.create', { id: randomUUID(), callId: DEMO_B, type: 'fault', title: 'x' }))).fields?.[0]).toMatchObject({ path: 'callId', code: 'err.unknownCall' });
    expect((await failure(fx.call('agent01', 'workorders.create', { id: randomUUID(), callId: DEMO_A, type: 'fault', title: '  ' }))).fields?.[0]?.path).toBe('title');
    expect((await failure(fx.call('agent01', 'workorders.create', { id: randomUUID(), callId: DEMO_A, type: 'urgent' as never, title: 'x' }))).fields?.[0]?.path).toBe('type');
    const w = await failure(fx.call('lead01', 'workorders.create', { id: randomUUID(), callId: DEMO_A, type: 'fault', title: 'x', ownerId: fx.userId('agent07') }));
    expect(w).toMatchObject({ code: 'forbidden', ruleIds: ['workorder.close-rights'] });
    expect(w.fields?.[0]?.path).toBe('ownerId');
    expect((await failure(fx.call('agent01', 'workorders.create', { id: randomUUID(), callId: DEMO_A, type: 'fault', title: 'x', ownerId: fx.userId('agent02') }))).fields?.[0]?.path).toBe('ownerId');
  });

  it('complaint steps run in the seed\'s order on the desk, out of order refused with complaint.order; supervision and callbacks recorded', async () => {
    const c = await fx.call('agent01', 'workorders.create', { id: randomUUID(), callId: DEMO_A, type: 'complaint', title: '投诉多扣费' });
    expect(c.dueAt).toBe(plus(24));
    const w = await failure(fx.call('agent01', 'workorders.complaintStep', { id: c.id, step: 'resolve', note: '已退费' }));
    expect(w).toMatchObject({ code: 'conflict', ruleIds: ['complaint.order', 'complaint.resolve'] });
    await fx.call('agent01', 'workorders.complaintStep', { id: c.id, step: 'apologise', note: '已致歉并记录' });
    await fx.call('agent01', 'workorders.complaintStep', { id: c.id, step: 'resolve', note: '已退费' });
    expect((await failure(fx.call('agent01', 'workorders.complaintStep', { id: c.id, step: 'compensate', note: '送话费' }))).fields?.[0]?.path).toBe('due');
    const s = await fx.call('agent01', 'workorders.complaintStep', { id: c.id, step: 'compensate', note: '赠送 10 元话费', due: true });
    expect(s.steps.map((x) => x.step)).toEqual(['apologise', 'resolve', 'compensate']);
    const sup = await fx.call('lead01', 'workorders.supervise', { id: c.id, note: '今天内回访' });
    expect(sup.supervisedAt).toBe(NOW);
    const cb = await fx.call('agent01', 'workorders.callback', { id: c.id, outcome: 'satisfied', note: '客户满意' });
    expect(cb).toMatchObject({ callbackOutcome: 'satisfied', callbackAt: NOW });
    const plain = await fx.call('agent01', 'workorders.create', { id: randomUUID(), callId: DEMO_A, type: 'fault', title: '报修' });
    expect((await failure(fx.call('agent01', 'workorders.complaintStep', { id: plain.id, step: 'apologise', note: 'x' }))).fields?.[0]?.code).toBe('err.notComplaint');
  });
});

describe('workorders.stats: resolution rate per team, against a hand-computed fixture', () => {
  it('counts complaints, resolved ones, supervision and callbacks per team for the period', async () => {
    const d = startDemoDesk({ dataDir: `${dir.path}/stats`, clock: () => FIXED_NOW });
    const h = await d;
    try {
      const f = new Fixture(h.dispatch);
      const make = async (as: string, callId: string, type: 'complaint' | 'fault') => (await f.call(as, 'workorders.create', { id: randomUUID(), callId, type, title: 't' })).id;
      // Team A: 3 complaints, 2 resolved; 1 fault, supervised and done, called back unsatisfied. Team B: 1 complaint, unresolved.
      const a = [await make('agent01', DEMO_A, 'complaint'), await make('agent01', DEMO_A, 'complaint'), await make('agent01', DEMO_A, 'complaint')];
      for (const id of a.slice(0, 2)) {
        await f.call('agent01', 'workorders.complaintStep', { id, step: 'apologise', note: 'x' });
        await f.call('agent01', 'workorders.complaintStep', { id, step: 'resolve', note: 'x' });
      }
      const fault = await make('agent01', DEMO_A, 'fault');
      await f.call('lead01', 'workorders.supervise', { id: fault, note: '督办' });
      await f.call('agent01', 'workorders.setStatus', { id: fault, status: 'done', note: '' });
      await f.call('agent01', 'workorders.callback', { id: fault, outcome: 'unsatisfied', note: '' });
      await make('agent07', DEMO_B, 'complaint');
      const stats = await f.call('dept01', 'workorders.stats', { from: plus(-24), to: plus(24) });
      expect(stats).toEqual([
        { teamId: 'team-a', complaints: 3, resolved: 2, resolutionRate: 2 / 3, workOrders: 4, supervised: 1, done: 1, callbacks: { satisfied: 0, unsatisfied: 1, unreachable: 0 }, atRisk: 0, overdue: 0 },
        { teamId: 'team-b', complaints: 1, resolved: 0, resolutionRate: 0, workOrders: 1, supervised: 0, done: 0, callbacks: { satisfied: 0, unsatisfied: 0, unreachable: 0 }, atRisk: 0, overdue: 0 },
      ]);
      expect((await f.call('lead01', 'workorders.stats', { from: plus(-24), to: plus(24) })).map((s) => s.teamId)).toEqual(['team-a']);
      expect(await f.call('dept01', 'workorders.stats', { from: plus(1), to: plus(24) })).toEqual([]);
    } finally {
      await h.close();
    }
  });
});
