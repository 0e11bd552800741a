import fc from 'fast-check';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/schema';
import { makeStore } from '../../db/stores/store';
import { findActiveActor } from '../../db/stores/users-store';
import { api } from '../../shared/api/table';
import { rosterMonth } from '../../shared/roster/handlers';
import { ENGINE_CASES, startCentral, type RunningCentral } from './support/central';
import { startDemoDesk } from './support/desks';
import { FIXED_NOW } from './support/fixture';
import { plainRosterMonth } from './support/roster-month-plain';
import { tempDir } from './support/tmp';
import type { DeskHost } from '../../electron/backend/desk-host';

/**
 * #16: roster.month folds a month's cells in SQL (group_concat / string_agg) instead of one row object per
 * cell. On random small rosters — shifts pending or synced, rest-day rows, approved and open leave crossing
 * the month's edges, people who left — it answers exactly as the plain path did, for every reader.
 */
const PEOPLE = ['agent01', 'agent02', 'agent07', 'agent08', 'lead01', 'lead02'];
const READERS = [
  { as: 'center01', teamId: undefined },
  { as: 'center01', teamId: 'team-b' },
  { as: 'lead01', teamId: undefined },
  { as: 'agent08', teamId: 'team-a' },
];
const MONTH = '2026-03';
const day = (d: number) => (d < 1 ? `2026-02-${String(28 + d).padStart(2, '0')}` : d > 31 ? `2026-04-${String(d - 31).padStart(2, '0')}` : `${MONTH}-${String(d).padStart(2, '0')}`);

const cellArb = fc.record({ person: fc.integer({ min: 0, max: PEOPLE.length - 1 }), day: fc.integer({ min: -1, max: 33 }), code: fc.constantFrom('D', 'E', 'N', ''), synced: fc.boolean(), teamB: fc.boolean() });
const leaveArb = fc.record({ person: fc.integer({ min: 0, max: PEOPLE.length - 1 }), from: fc.integer({ min: -3, max: 33 }), len: fc.integer({ min: 0, max: 5 }), status: fc.constantFrom('approved', 'requested') });

async function sameAnswers(db: Kysely<Database>, cells: { person: number; day: number; code: string; synced: boolean; teamB: boolean }[], leave: { person: number; from: number; len: number; status: string }[]) {
  await db.transaction().execute(async (tx) => {
    await tx.deleteFrom('roster').execute();
    await tx.deleteFrom('leave_requests').execute();
    const seen = new Set<string>();
    for (const [k, c] of cells.entries()) {
      const key = `${c.person}|${c.day}`;
      if (seen.has(key)) continue;
      seen.add(key);
      // A row's team is the one it was written under: a person who moved keeps old rows in the old team.
      await tx.insertInto('roster').values({ id: `r${k}`, user_id: `user-${PEOPLE[c.person]}`, team_id: c.teamB ? 'team-b' : 'team-a', date: day(c.day), shift_code: c.code, updated_by: 'user-center01', updated_at: FIXED_NOW.toISOString(), version: c.synced ? 3 : 0 }).execute();
    }
    for (const [k, l] of leave.entries())
      await tx.insertInto('leave_requests').values({ id: `l${k}`, user_id: `user-${PEOPLE[l.person]}`, team_id: l.person % 2 ? 'team-b' : 'team-a', type: 'personal', from_date: day(l.from), to_date: day(l.from + l.len), reason: 'x', filed_by: `user-${PEOPLE[l.person]}`, status: l.status, created_at: FIXED_NOW.toISOString(), updated_at: FIXED_NOW.toISOString() }).execute();
  });
  for (const r of READERS) {
    const actor = (await findActiveActor(db, `user-${r.as}`))!;
    const input = api['roster.month'].input.parse({ month: MONTH, ...(r.teamId ? { teamId: r.teamId } : {}) });
    const ctx = { actor, now: FIXED_NOW.toISOString(), store: makeStore(db) };
    const fast = api['roster.month'].output.parse(await rosterMonth(ctx, input));
    const plain = api['roster.month'].output.parse(await plainRosterMonth(ctx, input));
    expect(fast).toEqual(plain);
  }
}

const arbs = [fc.array(cellArb, { maxLength: 60 }), fc.array(leaveArb, { maxLength: 6 })] as const;

describe('roster.month: folded cells answer as the plain path (desk, SQLite)', () => {
  const dir = tempDir();
  let host: DeskHost;
  beforeAll(async () => {
    host = await startDemoDesk({ dataDir: dir.path, clock: () => FIXED_NOW });
  });
  afterAll(async () => {
    await host.close();
    dir.remove();
  });
  it('same grid, pending days, leave marks and coverage for every reader', async () => {
    await fc.assert(fc.asyncProperty(...arbs, (cells, leave) => sameAnswers(host.db, cells, leave)), { numRuns: 40 });
  });
});

for (const engine of ENGINE_CASES)
  describe.skipIf(engine.skip)(`roster.month: folded cells answer as the plain path (server, ${engine.name})`, () => {
    const dir = tempDir();
    let central: RunningCentral;
    beforeAll(async () => {
      central = await startCentral(engine, dir.path, { clock: () => FIXED_NOW });
    });
    afterAll(async () => {
      await central.stop();
      dir.remove();
    });
    it('same answers on the server engine (string_agg)', async () => {
      await fc.assert(fc.asyncProperty(...arbs, (cells, leave) => sameAnswers(central.store.db, cells, leave)), { numRuns: 12 });
    });
  });
