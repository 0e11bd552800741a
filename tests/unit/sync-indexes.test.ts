import { CompiledQuery, sql, type Kysely } from 'kysely';
import { syncScopeOf } from '../../shared/sync/scope';
import { syncWindows } from '../../shared/sync/windows';
import { whereInScope } from '../../db/sync/scope-sql';
import { agentId, generateCenter, leadId, teamId } from '../../bench/scale/generate';
import { afterAll, describe, expect, it } from 'vitest';
import { ROLES, type Actor } from '../../shared/auth/roles';
import { SYNCED_TABLES, SYNCED_TABLE_NAMES } from '../../shared/sync/registry';
import { openSqlite } from '../../db/open-sqlite';
import { migrate } from '../../db/migrate';
import { ENGINE_CASES } from './support/central';
import { tempDir } from './support/tmp';

const dir = tempDir();
const NOW = new Date('2026-03-17T02:30:00.000Z');
afterAll(() => dir.remove());

/** Every column some role's scope filters a table by, read off the registry itself (with and without a team). */
function scopeColumns(): [string, string][] {
  const out = new Set<string>();
  for (const table of SYNCED_TABLE_NAMES)
    for (const role of ROLES)
      for (const teamId of ['team-x', null]) {
        const actor: Actor = { userId: 'u', username: 'u', displayName: 'u', role, teamId };
        const s = SYNCED_TABLES[table].scope[role](actor);
        const cols = s.kind === 'eq' ? [s.column] : s.kind === 'anyOf' ? [...s.columns] : [];
        for (const c of cols) out.add(`${table}.${c}`);
      }
  return [...out].map((k) => k.split('.') as [string, string]);
}

describe('indexes every pull and poke relies on (derived from the synced-table registry)', () => {
  it('SQLite: each synced table has an index led by version, and each scope column one on (column, version)', async () => {
    const { db, raw } = openSqlite(`${dir.path}/idx.db`);
    await migrate(db);
    const leads = (table: string) =>
      (raw.prepare(`pragma index_list(${table})`).all() as { name: string }[]).map((i) =>
        (raw.prepare(`pragma index_info(${i.name})`).all() as { seqno: number; name: string }[]).sort((a, b) => a.seqno - b.seqno).map((c) => c.name),
      );
    const missing: string[] = [];
    for (const t of SYNCED_TABLE_NAMES) if (!leads(t).some((cols) => cols[0] === 'version')) missing.push(`${t}(version)`);
    const scoped = scopeColumns();
    expect(scoped.length).toBeGreaterThan(5);
    for (const [t, c] of scoped) if (!leads(t).some((cols) => cols[0] === c && cols[1] === 'version')) missing.push(`${t}(${c}, version)`);
    expect(missing).toEqual([]);
    await db.destroy();
  });

  const pg = ENGINE_CASES[1]!;
  it.skipIf(pg.skip !== null)('PostgreSQL: a team lead\'s pull of calls walks the (team_id, version) index, not the center (EXPLAIN)', async () => {
    const store = await pg.open(`${dir.path}/pg-idx`);
    try {
      // A center big enough that the planner prefers an index: 40 teams, 400 agents, 20 000 calls.
      await sql`insert into teams (id, name, created_at, version) select 't' || g, 'T' || g, '2026-01-01', 1 from generate_series(0, 39) g`.execute(store.db);
      await sql`insert into users (id, username, display_name, role, team_id, password_hash, active, created_at, version)
        select 'a' || g, 'a' || g, 'A' || g, 'agent', 't' || (g % 40), 'x', 1, '2026-01-01', 1 from generate_series(0, 399) g`.execute(store.db);
      await sql`insert into calls (id, agent_id, team_id, customer_phone, customer_name, category, summary, outcome, follow_up, started_at, ended_at, duration_sec, created_at, version)
        select 'c' || g, 'a' || (g % 400), 't' || (g % 400 % 40), '1', '', 'query', 's', 'o', 0, '2026-01-01T00:00:00Z', '2026-01-01T00:01:00Z', 60, '2026-01-01T00:00:00Z', g
        from generate_series(1, 20000) g`.execute(store.db);
      await sql`analyze calls`.execute(store.db);
      const plan = (await sql<{ 'QUERY PLAN': string }>`explain select * from calls where team_id = 't7' and version > 100 order by version limit 1001`.execute(store.db)).rows
        .map((r) => r['QUERY PLAN'])
        .join('\n');
      // O(team), not O(center): an index led by team_id, never a scan of the whole table or of calls_version.
      expect(plan).toMatch(/Index.* on calls_team_/);
      expect(plan).not.toMatch(/Seq Scan|calls_version/);
      const poke = (await sql<{ 'QUERY PLAN': string }>`explain select * from calls where id in ('c1', 'c2')`.execute(store.db)).rows.map((r) => r['QUERY PLAN']).join('\n');
      expect(poke).toMatch(/calls_pkey/);
    } finally {
      await store.close();
    }
  });
});

describe('every big table a pull reads goes through an index for an agent, a lead and a director (EXPLAIN, PostgreSQL)', () => {
  const pg = ENGINE_CASES[1]!;
  it.skipIf(pg.skip !== null)('calls, roster, leave, swaps and QA evaluations: a page of each, inside the sync windows, never scans the table', async () => {
    const store = await pg.open(`${dir.path}/pg-idx-scopes`);
    try {
      // A small generated center (bench/scale), with the pull's real predicates (scope, window, version).
      await generateCenter(store.db, { teams: 12, agentsPerTeam: 10, months: 4, calls: 30_000, seed: 1, now: NOW });
      const windows = new Map(syncWindows(NOW).map((w) => [w.table, w]));
      const people: Actor[] = [
        { userId: agentId(7), username: 'a', displayName: 'a', role: 'agent', teamId: teamId(7) },
        { userId: leadId(3), username: 'l', displayName: 'l', role: 'team_lead', teamId: teamId(3) },
        { userId: 'user-center01', username: 'd', displayName: 'd', role: 'center_director', teamId: null },
      ];
      const scans: string[] = [];
      for (const actor of people)
        for (const table of ['calls', 'roster', 'leave_requests', 'swaps', 'qa_evaluations'] as const) {
          const w = windows.get(table);
          let q = whereInScope((store.db as unknown as Kysely<Record<string, Record<string, unknown>>>).selectFrom(table).where('version', '>', 1_000_000).where('version', '<=', 1e12), syncScopeOf(actor)[table]);
          if (w) q = q.where(w.column, '>=', w.from);
          const c = q.selectAll().orderBy('version').limit(1001).compile();
          // The small tables of a small center are cheaper to scan; at scale they are not. With scans priced out,
          // the plan shows whether an index can serve the page at all (a Seq Scan here means none can).
          const plan = await store.db.transaction().execute(async (tx) => {
            await sql`set local enable_seqscan = off`.execute(tx);
            return (await tx.executeQuery<{ 'QUERY PLAN': string }>(CompiledQuery.raw(`explain ${c.sql}`, [...c.parameters]))).rows.map((r) => r['QUERY PLAN']).join('\n');
          });
          if (/Seq Scan/.test(plan)) scans.push(`${actor.role} ${table}:\n${plan}`);
        }
      expect(scans).toEqual([]);
    } finally {
      await store.close();
    }
  }, 120_000);
});
