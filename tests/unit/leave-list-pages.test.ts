import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeskHost } from '../../electron/backend/desk-host';
import { addDays } from '../../shared/calendar/day-kind';
import { startDemoDesk } from './support/desks';
import { Fixture, FIXED_NOW } from './support/fixture';
import { tempDir } from './support/tmp';

/**
 * #16 item 8: a director's leave list (and swap list) with many far-future open requests still shows this month's requests
 * (open or decided) whole; the open ones outside the month come a page at a time, soonest first, and the
 * pages together hold each of them exactly once.
 */
const dir = tempDir();
let host: DeskHost;
let fx: Fixture;
beforeAll(async () => {
  host = await startDemoDesk({ dataDir: dir.path, clock: () => FIXED_NOW });
  fx = new Fixture(host.dispatch);
  const now = FIXED_NOW.toISOString();
  const row = (id: string, user: string, team: string, from: string, status: string) => ({ id, user_id: `user-${user}`, team_id: team, type: 'personal', from_date: from, to_date: from, reason: 'x', filed_by: `user-${user}`, status, created_at: now, updated_at: now });
  // 30 open requests months ahead (more than a page), and this month's: one open, one approved, one refused.
  const future = Array.from({ length: 30 }, (_, i) => row(`future-${String(i).padStart(2, '0')}`, i % 2 ? 'agent07' : 'agent01', i % 2 ? 'team-b' : 'team-a', addDays(fx.today, 60 + (i % 10)), 'requested'));
  const month = [row('month-open', 'agent02', 'team-a', fx.day(2), 'requested'), row('month-approved', 'agent08', 'team-b', fx.day(-3), 'approved'), row('month-refused', 'agent03', 'team-a', fx.day(5), 'rejected')];
  await host.db.insertInto('leave_requests').values([...future, ...month]).execute();
  // Swaps alike: 30 open ones months ahead, and this month's (one open, one approved).
  const swap = (id: string, give: string, status: string) => ({ id, requester_id: 'user-agent01', requester_team: 'team-a', partner_id: 'user-agent02', partner_team: 'team-a', give_date: give, give_shift: 'D', take_date: addDays(give, 1), take_shift: 'E', reason: 'x', status, created_at: now, updated_at: now });
  await host.db
    .insertInto('swaps')
    .values([...Array.from({ length: 30 }, (_, i) => swap(`swap-future-${String(i).padStart(2, '0')}`, addDays(fx.today, 70 + (i % 7)), 'requested')), swap('swap-month-open', fx.day(3), 'requested'), swap('swap-month-approved', fx.day(-4), 'approved')])
    .execute();
});
afterAll(async () => {
  await host.close();
  dir.remove();
});

describe('leave.list and swap.list pages', () => {
  it("keeps this month's requests whatever lies ahead, and pages the open ones outside the month", async () => {
    const month = fx.today.slice(0, 7);
    const first = await fx.call('center01', 'leave.list', { month, checks: false, limit: 8 });
    const ids = first.map((l) => l.id);
    expect(ids).toEqual(expect.arrayContaining(['month-open', 'month-approved', 'month-refused']));
    const outside = first.filter((l) => !l.id.startsWith('month-') && l.fromDate.slice(0, 7) !== month);
    expect(outside).toHaveLength(8);
    // Soonest first, so the next page goes on from the last one.
    expect(outside.map((l) => l.fromDate)).toEqual([...outside.map((l) => l.fromDate)].sort());
    const seen = outside.filter((l) => l.id.startsWith('future-')).map((l) => l.id);
    let last = outside.at(-1)!;
    for (;;) {
      const page = await fx.call('center01', 'leave.list', { month, checks: false, limit: 8, after: { fromDate: last.fromDate, id: last.id } });
      // Later pages hold only open requests outside the month.
      expect(page.every((l) => l.status === 'requested' && l.fromDate.slice(0, 7) !== month)).toBe(true);
      seen.push(...page.filter((l) => l.id.startsWith('future-')).map((l) => l.id));
      if (page.length < 8) break;
      last = page.at(-1)!;
    }
    expect(seen.sort()).toEqual(Array.from({ length: 30 }, (_, i) => `future-${String(i).padStart(2, '0')}`));
  });

  it("swap.list likewise: this month's swaps whole, open ones outside it a page at a time", async () => {
    const month = fx.today.slice(0, 7);
    const first = (await fx.call('center01', 'swap.list', { month, checks: false, limit: 7 })).swaps;
    expect(first.map((s) => s.id)).toEqual(expect.arrayContaining(['swap-month-open', 'swap-month-approved']));
    const seen = first.filter((s) => s.id.startsWith('swap-future-')).map((s) => s.id);
    expect(seen).toHaveLength(7);
    let last = first.at(-1)!;
    for (;;) {
      const page = (await fx.call('center01', 'swap.list', { month, checks: false, limit: 7, after: { giveDate: last.giveDate, id: last.id } })).swaps;
      expect(page.every((s) => s.id.startsWith('swap-future-'))).toBe(true);
      seen.push(...page.map((s) => s.id));
      if (page.length < 7) break;
      last = page.at(-1)!;
    }
    expect(seen.sort()).toEqual(Array.from({ length: 30 }, (_, i) => `swap-future-${String(i).padStart(2, '0')}`));
  });

  it("a lead's pages hold their own team's requests only", async () => {
    const list = await fx.call('lead02', 'leave.list', { month: fx.today.slice(0, 7), checks: false, limit: 500 });
    expect(list.map((l) => l.teamId).every((t) => t === 'team-b')).toBe(true);
    expect(list.map((l) => l.id)).toContain('month-approved');
    expect(list.filter((l) => l.id.startsWith('future-'))).toHaveLength(15);
  });
});
