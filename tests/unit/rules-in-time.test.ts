import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import type { Dispatch } from '../../db/dispatch';
import { POLICY_DEFAULTS } from '../../shared/policy/defaults';
import { Fixture, FIXED_NOW } from './support/fixture';
import { ENGINE_CASES, startCentral } from './support/central';
import { startDemoDesk } from './support/desks';
import { tempDir } from './support/tmp';

/**
 * Rules that depend on a date, judged through the API on both hosts at a pinned clock (#9 items 15–16):
 * a policy version effective from a date governs what concerns that date; a night shift starting at 00:00
 * has its "before noon that day" deadline on the day before.
 */
const dir = tempDir();
afterAll(() => dir.remove());

const hosts: { name: string; open(clock: () => Date): Promise<{ dispatch: Dispatch; close(): Promise<void> }> }[] = [
  {
    name: 'desk',
    open: async (clock) => {
      const h = await startDemoDesk({ dataDir: `${dir.path}/desk-${randomUUID()}`, clock });
      return { dispatch: h.dispatch, close: () => h.close() };
    },
  },
  {
    name: 'server',
    open: async (clock) => {
      const c = await startCentral(ENGINE_CASES[0]!, `${dir.path}/server-${randomUUID()}`, { clock });
      return { dispatch: c.server.dispatch, close: () => c.stop() };
    },
  },
];

describe.each(hosts)('on the $name', (host) => {
  it('a swap limit raised from the 1st of next month applies to next month\'s swaps, not this month\'s', async () => {
    const h = await host.open(() => FIXED_NOW);
    try {
      const fx = new Fixture(h.dispatch);
      await fx.call('center01', 'policy.update', { id: randomUUID(), effectiveFrom: '2026-04-01', values: { ...POLICY_DEFAULTS, maxSwapsPerMonth: 3 }, note: '' });
      const limit = async (giveDate: string) => {
        const c = await fx.call('agent01', 'swap.check', { partnerId: fx.userId('agent02'), giveDate, takeDate: '2026-03-20' });
        return c.checks.find((x) => x.ruleId === 'swap.monthly-limit')!.params.max;
      };
      expect(await limit('2026-03-25')).toBe(2);
      expect(await limit('2026-04-02')).toBe(3);
      expect((await fx.call('agent01', 'swap.list', { month: '2026-04', checks: false })).max).toBe(3);
      expect((await fx.call('agent01', 'swap.list', { month: '2026-03', checks: false })).max).toBe(2);
    } finally {
      await h.close();
    }
  });

  it.each([
    ['10:00 the day before a 00:00 night: a special case for a manager', '2026-03-11T02:00:00Z', 'warn'],
    ['13:00 the day before (before the shift, after the deadline): refused', '2026-03-11T05:00:00Z', 'fail'],
  ])('night-shift leave asked at %s', async (_what, at, status) => {
    const h = await host.open(() => new Date(at));
    try {
      const fx = new Fixture(h.dispatch, new Date(at));
      // agent03's first night shift after the clock, from the demo roster (nights run 00:00–08:00).
      const nights = [...(await fx.shifts('agent03'))].filter(([d, c]) => c === 'N' && d > '2026-03-11').map(([d]) => d).sort();
      expect(nights[0]).toBe('2026-03-12');
      const c = await fx.call('agent03', 'leave.check', { userId: fx.userId('agent03'), type: 'personal_special', fromDate: '2026-03-12', toDate: '2026-03-12' });
      expect(c.checks.find((x) => x.ruleId === 'leave.night-shift')).toMatchObject({ status, params: { deadlineDay: '2026-03-11', deadline: '12:00' } });
    } finally {
      await h.close();
    }
  });
});
