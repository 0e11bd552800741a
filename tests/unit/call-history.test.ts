import { randomUUID } from 'node:crypto';
import { startDemoDesk } from './support/desks';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeskHost } from '../../electron/backend/desk-host';
import type { CallLogInput } from '../../shared/calls/schemas';
import { phoneKey } from '../../shared/calls/phone';
import { CallFailed, Fixture, FIXED_NOW } from './support/fixture';
import { tempDir } from './support/tmp';

/** The call history (#13 item 2): filters within the reader's scope, paging, detail, "called before". */
const dir = tempDir();
let host: DeskHost;
let fx: Fixture;
const at = (minsAgo: number) => new Date(FIXED_NOW.getTime() - minsAgo * 60_000).toISOString();
const WEEK = { from: at(7 * 24 * 60), to: FIXED_NOW.toISOString() };

function call(minsAgo: number, o: Partial<CallLogInput> = {}): CallLogInput {
  return { id: randomUUID(), customerPhone: '150 0000 0001', customerName: '', category: 'query', summary: '历史测试', outcome: '已告知', followUp: false, startedAt: at(minsAgo + 3), endedAt: at(minsAgo), ...o };
}

beforeAll(async () => {
  host = await startDemoDesk({ dataDir: dir.path, clock: () => FIXED_NOW });
  fx = new Fixture(host.dispatch);
  // agent01 (team A) and agent07 (team B) each log a day's worth of calls from one test number.
  for (let i = 0; i < 30; i++)
    await fx.call(i % 2 ? 'agent07' : 'agent01', 'calls.log', call(60 * 24 + i * 10, { customerPhone: '+86 150-0000-0001', category: i % 3 === 0 ? 'complaint' : 'query', followUp: i % 5 === 0, outcome: i % 4 === 0 ? '转二线处理' : '已告知' }));
});
afterAll(async () => {
  await host.close();
  dir.remove();
});

describe('calls.history', () => {
  it('a director pages through every matching call: pages join up without gaps or repeats, and total counts them all', async () => {
    const seen: string[] = [];
    let total = -1;
    for (let offset = 0; ; offset += 7) {
      const p = await fx.call('dept01', 'calls.history', { ...WEEK, q: '历史测试', offset, limit: 7 });
      total = p.total;
      seen.push(...p.items.map((c) => c.id));
      if (p.items.length < 7) break;
    }
    expect(total).toBe(30);
    expect(new Set(seen).size).toBe(30);
    const all = await fx.call('dept01', 'calls.history', { ...WEEK, q: '历史测试', limit: 500 });
    expect(all.items.map((c) => c.id)).toEqual(seen);
    expect(all.items.map((c) => c.startedAt)).toEqual([...all.items.map((c) => c.startedAt)].sort().reverse());
  });

  it('filters by agent, team, category, outcome and follow-up, each narrowing the same list', async () => {
    const base = { ...WEEK, q: '历史测试', limit: 500 };
    const all = (await fx.call('dept01', 'calls.history', base)).items;
    const cases: [Partial<Parameters<typeof fx.call<'calls.history'>>[2]>, (c: (typeof all)[number]) => boolean][] = [
      [{ agentId: fx.userId('agent07') }, (c) => c.agentId === fx.userId('agent07')],
      [{ teamId: 'team-a' }, (c) => c.teamId === 'team-a'],
      [{ category: 'complaint' }, (c) => c.category === 'complaint'],
      [{ outcome: '二线' }, (c) => c.outcome.includes('二线')],
      [{ followUp: 'yes' }, (c) => c.followUp],
      [{ followUp: 'no' }, (c) => !c.followUp],
      [{ teamId: 'team-b', category: 'query', followUp: 'no' }, (c) => c.teamId === 'team-b' && c.category === 'query' && !c.followUp],
    ];
    for (const [filter, keep] of cases) {
      const got = await fx.call('dept01', 'calls.history', { ...base, ...filter });
      expect(got.items.map((c) => c.id), JSON.stringify(filter)).toEqual(all.filter(keep).map((c) => c.id));
      expect(got.total).toBe(all.filter(keep).length);
    }
  });

  it('never leaves the reader\'s scope: an agent asking for another agent, a lead for another team, get nothing', async () => {
    const base = { ...WEEK, q: '历史测试', limit: 500 };
    const own = await fx.call('agent01', 'calls.history', base);
    expect(own.total).toBe(15);
    expect(own.items.every((c) => c.agentId === fx.userId('agent01'))).toBe(true);
    expect((await fx.call('agent01', 'calls.history', { ...base, agentId: fx.userId('agent07') })).total).toBe(0);
    expect((await fx.call('lead01', 'calls.history', { ...base, teamId: 'team-b' })).total).toBe(0);
    expect((await fx.call('lead01', 'calls.history', base)).items.every((c) => c.teamId === 'team-a')).toBe(true);
  });

  it('refuses a range that ends before it starts and a page size past the limit, naming the field', async () => {
    for (const [input, path] of [
      [{ from: WEEK.to, to: WEEK.from }, 'to'],
      [{ ...WEEK, limit: 501 }, 'limit'],
      [{ ...WEEK, followUp: 'maybe' }, 'followUp'],
    ] as const) {
      const err = await fx.call('dept01', 'calls.history', input as never).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(CallFailed);
      expect((err as CallFailed).wire.code).toBe('invalid_input');
      expect((err as CallFailed).wire.fields?.map((f) => f.path)).toContain(path);
    }
  });
});

describe('calls.get', () => {
  it('shows a call in scope and answers not_found outside it', async () => {
    const c = await fx.call('agent07', 'calls.log', call(30, { customerPhone: '150 0000 0002' }));
    expect((await fx.call('lead02', 'calls.get', { id: c.id })).id).toBe(c.id);
    const err = await fx.call('agent01', 'calls.get', { id: c.id }).catch((e: unknown) => e);
    expect((err as CallFailed).wire.code).toBe('not_found');
  });
});

describe('calls.caller ("this caller called before")', () => {
  it('matches the number however it is typed, counts within scope, and leaves out the call being logged', async () => {
    for (const typed of ['15000000001', '+86 150 0000 0001', '0086-150-0000-0001', '(150) 0000-0001'])
      expect((await fx.call('agent07', 'calls.caller', { phone: typed })).count, typed).toBe(15);
    const mine = await fx.call('agent01', 'calls.caller', { phone: '150 0000 0001', limit: 3 });
    expect(mine).toMatchObject({ key: '15000000001', count: 15 });
    expect(mine.recent).toHaveLength(3);
    const excluded = mine.recent[0]!.id;
    expect((await fx.call('agent01', 'calls.caller', { phone: '150 0000 0001', excludeId: excluded })).count).toBe(14);
  });

  it('answers nothing (not an error) while too few digits are typed', async () => {
    expect(await fx.call('agent01', 'calls.caller', { phone: '150' })).toEqual({ key: '150', count: 0, recent: [], valueTag: null });
  });

  it('finds a demo caller logged before migration 018 by its back-filled key', async () => {
    expect((await fx.call('lead01', 'calls.caller', { phone: '13800138000' })).count).toBeGreaterThanOrEqual(1);
  });
});

describe('phoneKey', () => {
  it.each([
    ['138 0013 8000', '13800138000'],
    ['+86 138-0013-8000', '13800138000'],
    ['0086 13800138000', '13800138000'],
    ['8613800138000', '13800138000'],
    ['(021) 6234 5678', '02162345678'],
    ['+86 21 6234 5678', '02162345678'],
    ['95588', '95588'],
  ])('%j → %s', (typed, key) => expect(phoneKey(typed)).toBe(key));

  it('ignores separators: any spacing, dashes or brackets around the same digits give the same key (property)', () => {
    const sep = fc.constantFrom('', ' ', '-', '(', ')', '  ');
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 3, maxLength: 15 }), fc.array(sep, { minLength: 16, maxLength: 16 }), (digits, seps) => {
        const plain = digits.join('');
        const typed = digits.map((d, i) => `${seps[i]}${d}`).join('');
        expect(phoneKey(typed)).toBe(phoneKey(plain));
        expect(phoneKey(plain)).toMatch(/^\d*$/);
      }),
    );
  });
});
