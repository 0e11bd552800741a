import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeskHost } from '../../electron/backend/desk-host';
import { addDays } from '../../shared/calendar/day-kind';
import { dateInZone } from '../../shared/policy/zoned-date';
import { DEFAULT_SHIFT_TYPES } from '../../shared/roster/schemas';
import { shiftInterval } from '../../shared/roster/shift-time';
import { startDemoDesk } from './support/desks';
import { tempDir } from './support/tmp';

/**
 * Random sequences of swap requests, answers and approvals through the real handlers on a real SQLite
 * desk (a standalone desk judges like the server: it holds everything). Whatever the order, the
 * roster that results keeps three promises.
 */
const dir = tempDir();
let host: DeskHost;
const tok: Record<string, string> = {};
const AGENTS = ['agent01', 'agent02', 'agent03', 'agent07', 'agent08', 'agent09'];
const LEAD: Record<string, string> = { 'team-a': 'lead01', 'team-b': 'lead02' };
const today = dateInZone(Date.now(), 'Asia/Shanghai');
const from = addDays(today, 2);
const to = addDays(today, 25);
let initialRoster: Record<string, unknown>[] = [];

beforeAll(async () => {
  host = await startDemoDesk({ dataDir: join(dir.path, 'desk') });
  for (const u of [...AGENTS, 'lead01', 'lead02']) tok[u] = ((await host.dispatch('session.login', { username: u, password: 'zhiban123' })) as { value: { token: string } }).value.token;
  initialRoster = await host.db.selectFrom('roster').selectAll().execute();
}, 60_000);
afterAll(async () => {
  await host.close();
  dir.remove();
});

async function reset() {
  await host.db.deleteFrom('swaps').execute();
  await host.db.deleteFrom('roster').execute();
  for (let i = 0; i < initialRoster.length; i += 200) await host.db.insertInto('roster').values(initialRoster.slice(i, i + 200) as never).execute();
}

const shiftsOf = async (username: string) =>
  host.db.selectFrom('roster').innerJoin('users', 'users.id', 'roster.user_id').select(['roster.date', 'roster.shift_code']).where('users.username', '=', username).where('roster.shift_code', '!=', '').where('roster.date', '>=', from).where('roster.date', '<=', to).orderBy('roster.date').execute();

const command = fc.record({ r: fc.nat(AGENTS.length - 1), p: fc.nat(AGENTS.length - 1), gi: fc.nat(40), ti: fc.nat(40), leadBFirst: fc.boolean() });

describe('swap sequences (property, real handlers)', () => {
  it('never leave anyone over the monthly limit, working back-to-back, or a shift under a minimum it met', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 1, maxLength: 10 }), async (commands) => {
        await reset();
        for (const c of commands) {
          const [r, p] = [AGENTS[c.r]!, AGENTS[c.p]!];
          const [rs, ps] = [await shiftsOf(r), await shiftsOf(p)];
          if (!rs.length || !ps.length) continue;
          const id = randomUUID();
          const partner = (await host.db.selectFrom('users').select(['id', 'team_id']).where('username', '=', p).executeTakeFirstOrThrow());
          const requester = (await host.db.selectFrom('users').select('team_id').where('username', '=', r).executeTakeFirstOrThrow());
          const asked = await host.dispatch('swap.request', { id, partnerId: partner.id, giveDate: rs[c.gi % rs.length]!.date, takeDate: ps[c.ti % ps.length]!.date, reason: 'p' }, tok[r]);
          if (!asked.ok) continue;
          if (!(await host.dispatch('swap.respond', { id, accept: true }, tok[p])).ok) continue;
          const leads = [...new Set([LEAD[requester.team_id!]!, LEAD[partner.team_id!]!])];
          for (const lead of c.leadBFirst ? leads.reverse() : leads) await host.dispatch('swap.decide', { id, approve: true }, tok[lead]);
        }

        // 1. swap.monthly-limit: approved swaps per person per month of the given shift.
        const approved = await host.db.selectFrom('swaps').selectAll().where('status', '=', 'approved').execute();
        const per = new Map<string, number>();
        for (const s of approved) for (const u of [s.requester_id, s.partner_id]) per.set(`${u}|${s.give_date.slice(0, 7)}`, (per.get(`${u}|${s.give_date.slice(0, 7)}`) ?? 0) + 1);
        for (const n of per.values()) expect(n).toBeLessThanOrEqual(2);

        // 2. swap.no-back-to-back: a shift someone took in a swap stands clear of every other shift of theirs.
        const roster = await host.db.selectFrom('roster').select(['id', 'user_id', 'date', 'shift_code']).where('shift_code', '!=', '').execute();
        const interval = (date: string, code: string) => shiftInterval(date, DEFAULT_SHIFT_TYPES.find((t) => t.code === code)!, 'Asia/Shanghai');
        for (const taken of roster.filter((e) => /-(give|take)$/.test(e.id))) {
          const a = interval(taken.date, taken.shift_code);
          for (const other of roster.filter((e) => e.user_id === taken.user_id && e.id !== taken.id)) {
            const b = interval(other.date, other.shift_code);
            expect(a.start > b.end || b.start > a.end, `${taken.id} next to ${other.date} ${other.shift_code}`).toBe(true);
          }
        }

        // 3. swap.staffing: no team's shift fell below a minimum it met before the swaps.
        const count = (rows: { date: string; shift_code: string; team_id?: string | null }[], team: string, date: string, code: string) => rows.filter((e) => e.team_id === team && e.date === date && e.shift_code === code).length;
        const finalRows = await host.db.selectFrom('roster').select(['team_id', 'date', 'shift_code']).where('shift_code', '!=', '').execute();
        for (const s of approved)
          for (const [team, date] of [[s.requester_team!, s.give_date], [s.partner_team!, s.take_date]] as const)
            for (const t of DEFAULT_SHIFT_TYPES) {
              const min = t.minCoverage[team] ?? 0;
              const before = count(initialRoster as never, team, date, t.code);
              expect(count(finalRows, team, date, t.code), `${team} ${date} ${t.code} swaps ${JSON.stringify(approved.map((x) => [x.requester_id, x.give_date, x.give_shift, x.partner_id, x.take_date, x.take_shift]))}`).toBeGreaterThanOrEqual(Math.min(min, before));
            }
      }),
      { numRuns: Number(process.env.SWAP_PROPERTY_RUNS ?? 12) },
    );
  }, 240_000);
});
