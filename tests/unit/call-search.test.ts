import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeskHost } from '../../electron/backend/desk-host';
import { SEARCH_COUNT_CAP, type CallCursor, type CallSearchInput } from '../../shared/calls/history-schemas';
import { maskName, maskPhone } from '../../shared/customers/mask';
import { allPages, expected, searchFixture, seedCalls, WORDS, type CallRow, type Filter, type SearchPage } from './support/call-search-fixture';
import { startDemoDesk } from './support/desks';
import { Fixture, FIXED_NOW } from './support/fixture';
import { tempDir } from './support/tmp';

/**
 * Call search (#13 item 2): the desk's history through its FTS5 trigram index and keyset pages, and
 * calls.search answering the same as the plain definition, page after page, within the reader's scope.
 */
const dir = tempDir();
let host: DeskHost;
let fx: Fixture;
let rows: CallRow[];
const at = (minsAgo: number) => new Date(FIXED_NOW.getTime() - minsAgo * 60_000).toISOString();
const RANGE = { from: at(4 * 24 * 60), to: FIXED_NOW.toISOString() };

const director = { scope: () => true, textOnly: true };
const lead = { scope: (r: CallRow) => r.team_id === 'team-a' || r.agent_id === 'user-lead01', textOnly: false };

beforeAll(async () => {
  host = await startDemoDesk({ dataDir: dir.path, clock: () => FIXED_NOW });
  fx = new Fixture(host.dispatch);
  await seedCalls(host.db, searchFixture(FIXED_NOW));
  rows = (await host.db.selectFrom('calls').selectAll().execute()) as CallRow[];
});
afterAll(async () => {
  await host.close();
  dir.remove();
});

/** Queries a person types: pieces of the stored text, 1 to 5 characters, and a few that match nothing. */
const texts = () => rows.flatMap((r) => [r.summary, r.outcome, r.customer_name, r.customer_phone]).filter((t) => t.length > 0);
const queryArb = () =>
  fc.oneof(
    fc.tuple(fc.nat(), fc.nat(), fc.integer({ min: 1, max: 5 })).map(([i, s, n]) => {
      const t = [...texts()[i % texts().length]!];
      const start = s % t.length;
      return t.slice(start, start + n).join('');
    }),
    fc.constantFrom(...WORDS, 'wifi', 'APP', '不存在的词', '"', '%', '_', ' ', ' 宽带 '),
  );
const filterArb = () =>
  fc.record(
    {
      q: queryArb(),
      agentId: fc.constantFrom('user-agent01', 'user-agent07', 'user-lead01'),
      teamId: fc.constantFrom('team-a', 'team-b'),
      category: fc.constantFrom('consultation', 'query', 'complaint'),
      outcome: fc.constantFrom('二线', '回访', 'resolved'),
      followUp: fc.constantFrom('yes', 'no'),
    } as const,
    { requiredKeys: [] },
  );

describe('the desk replica: calls.history through the FTS5 trigram index', () => {
  it('answers exactly what the plain definition answers, for a director (summary and outcome only) and a lead (their team)', async () => {
    await fc.assert(
      fc.asyncProperty(filterArb(), fc.constantFrom(['dept01', director] as const, ['lead01', lead] as const), async (f, [user, reader]) => {
        const want = expected(rows, { ...RANGE, ...f }, reader);
        const got = await fx.call(user, 'calls.history', { ...RANGE, ...f, limit: 500 });
        expect(got.items.map((c) => c.id)).toEqual(want.slice(0, 500));
        expect(got.total).toBe(want.length);
      }),
      { numRuns: 50 },
    );
  }, 180_000);

  it('pages by keys: each page starts after the last one, no call repeated or skipped, the same as by offsets', async () => {
    await fc.assert(
      fc.asyncProperty(filterArb(), fc.integer({ min: 1, max: 40 }), async (f, limit) => {
        const want = expected(rows, { ...RANGE, ...f }, director);
        const seen: string[] = [];
        let after: CallCursor | undefined;
        for (;;) {
          const p = await fx.call('dept01', 'calls.history', { ...RANGE, ...f, after, limit });
          seen.push(...p.items.map((c) => c.id));
          if (p.items.length < limit) break;
          const last = p.items[p.items.length - 1]!;
          after = { startedAt: last.startedAt, id: last.id };
        }
        expect(seen).toEqual(want);
      }),
      { numRuns: 25 },
    );
  }, 180_000);

  it('follows every change to a call: an edited summary is found by its new words only, a deleted call not at all', async () => {
    const target = rows.find((r) => r.team_id === 'team-a')!;
    await host.db.updateTable('calls').set({ summary: '独一无二的新摘要词' }).where('id', '=', target.id).execute();
    const found = await fx.call('lead01', 'calls.history', { ...RANGE, q: '无二的新', limit: 50 });
    expect(found.items.map((c) => c.id)).toEqual([target.id]);
    if (target.summary.length >= 3) {
      const old = await fx.call('lead01', 'calls.history', { ...RANGE, q: target.summary, limit: 500 });
      expect(old.items.map((c) => c.id)).not.toContain(target.id);
    }
    await host.db.deleteFrom('calls').where('id', '=', target.id).execute();
    expect((await fx.call('lead01', 'calls.history', { ...RANGE, q: '无二的新', limit: 50 })).total).toBe(0);
    await host.db.insertInto('calls').values(target).execute();
    rows = (await host.db.selectFrom('calls').selectAll().execute()) as CallRow[];
  });
});

describe('calls.search on a standalone desk (the whole center: the server answers the same way)', () => {
  const search = (user: string, f: Filter & { after?: CallCursor; limit: number }) => fx.call(user, 'calls.search', f as CallSearchInput) as Promise<SearchPage>;

  it('pages by cursor through exactly the plain answer, counted up to the cap, and says where it came from', async () => {
    await fc.assert(
      fc.asyncProperty(filterArb(), fc.integer({ min: 1, max: 30 }), fc.constantFrom(['dept01', director] as const, ['lead01', lead] as const), async (f, limit, [user, reader]) => {
        const want = expected(rows, { ...RANGE, ...f }, reader);
        const { ids, pages } = await allPages((after) => search(user, { ...RANGE, ...f, after, limit }), limit);
        expect(ids).toEqual(want);
        expect(new Set(ids).size).toBe(ids.length);
        expect(pages[0]!.total).toBe(Math.min(want.length, SEARCH_COUNT_CAP));
        expect(pages.every((p) => p.source === 'center')).toBe(true);
      }),
      { numRuns: 40 },
    );
  }, 180_000);

  it('a lead finds only their team\'s calls; a director reads numbers and names masked and cannot search by them', async () => {
    const mine = await search('lead01', { ...RANGE, q: '138', limit: 100 });
    expect(mine.items.length).toBeGreaterThan(0);
    expect(mine.items.every((c) => c.teamId === 'team-a' || c.agentId === 'user-lead01')).toBe(true);
    expect((await search('lead01', { ...RANGE, teamId: 'team-b', limit: 100 })).items).toEqual([]);

    const masked = await search('dept01', { ...RANGE, q: '宽带', limit: 100 });
    expect(masked.items.length).toBeGreaterThan(0);
    for (const c of masked.items) {
      const raw = rows.find((r) => r.id === c.id)!;
      expect(c.customerPhone).toBe(maskPhone(raw.customer_phone));
      expect(c.customerName).toBe(maskName(raw.customer_name));
      expect(c.masked).toBe(true);
    }
    // customer.confidential: digits they cannot read find nothing.
    expect((await search('dept01', { ...RANGE, q: '13800', limit: 100 })).items).toEqual([]);
  });

  it('a query under three characters looks at the last 31 days of the range, and says so; a third character looks at all of it', async () => {
    const old = { ...rows.find((r) => r.team_id === 'team-a')!, id: 'call-old-broadband', summary: '宽带断线很久以前', started_at: at(40 * 24 * 60), ended_at: at(40 * 24 * 60 - 2), created_at: at(40 * 24 * 60) };
    await host.db.insertInto('calls').values(old).execute();
    try {
      const range = { from: at(60 * 24 * 60), to: FIXED_NOW.toISOString(), limit: 100 };
      const short = await search('lead01', { ...range, q: '宽带' });
      expect(short.searchedFrom).toBe(at(31 * 24 * 60));
      expect(short.items.map((c) => c.id)).not.toContain(old.id);
      const long = await search('lead01', { ...range, q: '宽带断' });
      expect(long.searchedFrom).toBe(range.from);
      expect(long.items.map((c) => c.id)).toContain(old.id);
    } finally {
      await host.db.deleteFrom('calls').where('id', '=', old.id).execute();
    }
  });

  it('is for leads, QA and directors; refuses a cursor that is not one, naming the field', async () => {
    const agent = await host.dispatch('calls.search', { ...RANGE, limit: 5 }, await fx.token('agent01'));
    expect(agent.ok ? null : agent.error.code).toBe('forbidden');
    const bad = await host.dispatch('calls.search', { ...RANGE, after: { startedAt: 'yesterday', id: 'x' } }, await fx.token('dept01'));
    expect(bad.ok ? null : bad.error.fields?.map((f) => f.path)).toContain('after.startedAt');
  });

  it('has the trigram index and its triggers (migration 025)', async () => {
    const names = (await sql<{ name: string }>`select name from sqlite_master where name like 'calls_fts%' or name = 'calls_started_id'`.execute(host.db)).rows.map((r) => r.name);
    expect(names).toEqual(expect.arrayContaining(['calls_fts', 'calls_fts_insert', 'calls_fts_update', 'calls_fts_delete', 'calls_started_id']));
  });
});
