// The pull's pages (issue #16): the one-statement page (keys of every table merged by version, then the rows of
// the tables in the page, with per-table floors carried in the cookie) sends exactly the pages the per-table
// path sent before it — same rows, same cut between pages, never a commit split — for an agent, a lead and a
// director of a small generated center, on each engine.
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../shared/auth/roles';
import { MAX_COOKIE_CHARS, PullRequestSchema, type PullResponse } from '../../shared/sync/protocol';
import { findActiveActor } from '../../db/stores/users-store';
import { parseCookie, processPull, withFloors } from '../../server/sync/pull';
import type { CentralStore } from '../../server/store';
import { processPull as perTablePull } from '../../bench/firstsync/baseline-pull';
import { agentId, generateCenter, leadId } from '../../bench/scale/generate';
import { ENGINE_CASES } from './support/central';
import { FIXED_NOW } from './support/fixture';
import { tempDir } from './support/tmp';

const dir = tempDir();
afterAll(() => dir.remove());

type Pull = typeof processPull;

/** Each page as what a desk would notice: its rows per table (by key), where it stopped, whether more follow. */
async function pages(store: CentralStore, pull: Pull, actor: Actor, limit: number) {
  const out: { upTo: string; more: boolean; total: number; rows: Record<string, string[]> }[] = [];
  const clientId = randomUUID();
  let cookie: string | null = null;
  for (;;) {
    const res: PullResponse = await pull(store.db, actor, { clientId, cookie, sinceMutationId: 0, limit }, FIXED_NOW);
    const rows = Object.fromEntries(
      Object.entries(res.patch)
        .filter(([, list]) => list.length > 0)
        .map(([t, list]) => [t, list.map((r) => JSON.stringify(r)).sort()]),
    );
    out.push({ upTo: res.cookie.split('|')[0]!, more: res.more, total: res.total, rows });
    // The cookie goes back as the desk sends it: it must pass the request's checks unchanged.
    expect(PullRequestSchema.parse({ clientId, cookie: res.cookie, sinceMutationId: 0 }).cookie).toBe(res.cookie);
    if (!res.more) return out;
    cookie = res.cookie;
  }
}

describe.each(ENGINE_CASES)('pull pages on $name', (engine) => {
  it.skipIf(engine.skip !== null)('are the same rows, cut at the same commits, as the per-table pull sent', async () => {
    const store = await engine.open(`${dir.path}/${engine.name.length}`);
    try {
      // Roster months are one commit per team (about 70 rows here), so a page of 29 also meets commits larger than a page.
      await generateCenter(store.db, { teams: 2, agentsPerTeam: 3, months: 2, calls: 300, seed: 5, now: FIXED_NOW });
      // PGlite answers one statement at a time and slowly: there the director alone (every table, and commits
      // larger than a page); on PostgreSQL each scope as well.
      const director: [string, number[]] = ['user-center01', [60]];
      const cases: [string, number[]][] = engine.name.startsWith('PGlite') ? [director] : [[agentId(4), [29]], [leadId(1), [29]], ['user-center01', [29, 300]]];
      for (const [id, limits] of cases) {
        const actor = (await findActiveActor(store.db, id))!;
        for (const limit of limits) {
          const now = await pages(store, processPull, actor, limit);
          expect(now, `${id}, pages of ${limit}`).toEqual(await pages(store, perTablePull, actor, limit));
          expect(now.length, `${id} pulls in more than one page of ${limit}`).toBeGreaterThan(1);
        }
      }
    } finally {
      await store.close();
    }
  }, 180_000);
});

describe("the cookie's floors", () => {
  it('come back as they were sent, and a center with every table ahead keeps the cookie within what a request may carry', () => {
    const prefix = `12345678|center_director:abc123~w:c31d.r1m.q1m|400000|`;
    const few = withFloors(prefix, new Map([[2, 30_000_000], [8, 29_000_000], [5, 12_345_678]]), 12_345_678);
    // A floor at or just past the page's end saves nothing and is left out.
    expect([...parseCookie(few)!.floors]).toEqual([[2, 30_000_000], [8, 29_000_000]]);
    const all = withFloors(prefix, new Map(Array.from({ length: 39 }, (_, i) => [i, 20_000_000 + i * 1000] as [number, number])), 12_345_678);
    expect(all.length).toBeLessThanOrEqual(MAX_COOKIE_CHARS);
    // The furthest ahead are kept (they skip the most).
    expect(Math.min(...parseCookie(all)!.floors.values())).toBeGreaterThan(20_000_000 + 20 * 1000);
    const tag = few.slice(prefix.length).split(':')[0]!;
    expect(parseCookie(`${prefix}${tag}:zzzzzzzzzzzzzzz.1,1.-3,x`)!.floors.size).toBe(0);
  });

  it('written for another list of tables (a server upgraded in mid-sequence) are ignored, never put on the wrong table', () => {
    const prefix = `12345678|center_director:abc123~w:c31d.r1m.q1m|400000|`;
    const few = withFloors(prefix, new Map([[2, 30_000_000]]), 12_345_678);
    expect(parseCookie(few)!.floors.size).toBe(1);
    const otherList = few.replace(/\|[0-9a-f]{6}:/, '|abcdef:');
    expect(otherList).not.toBe(few);
    expect(parseCookie(otherList)!.floors.size).toBe(0);
    expect(parseCookie(`${prefix}2.${(30_000_000).toString(36)}`)!.floors.size).toBe(0); // untagged, as before this change
  });
});
