import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../shared/auth/roles';
import type { PullResponse } from '../../shared/sync/protocol';
import { CALL_WINDOW_DAYS } from '../../shared/sync/windows';
import type { Database } from '../../db/schema';
import { migrate } from '../../db/migrate';
import { openSqlite } from '../../db/open-sqlite';
import { getMeta } from '../../db/stores/meta-store';
import { findActiveActor } from '../../db/stores/users-store';
import { seedDemoCenter } from '../../db/demo/seed';
import { DEMO_USERS } from '../../db/demo/demo-center';
import { applyPull, COOKIE_KEY } from '../../electron/backend/sync/rebase';
import { backendHandlers } from '../../electron/backend/handlers';
import { processPull } from '../../server/sync/pull';
import { takeVersion } from '../../server/sync/versions';
import type { CentralStore } from '../../server/store';
import { ENGINE_CASES } from './support/central';
import { FIXED_NOW } from './support/fixture';
import { tempDir } from './support/tmp';

const dir = tempDir();
let store: CentralStore;
const DAY = 86_400_000;
const daysAgo = (n: number) => new Date(FIXED_NOW.getTime() - n * DAY).toISOString();

beforeAll(async () => {
  store = await ENGINE_CASES[0]!.open(`${dir.path}/pg`);
  const version = await store.db.transaction().execute((tx) => takeVersion(tx));
  await seedDemoCenter(store.db, FIXED_NOW, version, DEMO_USERS.map(() => 'x'));
  // agent01's calls 1, 20, 40 and 400 days back; roster days in January, February and March; QA of each month.
  for (const [i, d] of [1, 20, 40, 400].entries()) {
    const v = await store.db.transaction().execute((tx) => takeVersion(tx));
    await sql`insert into calls (id, agent_id, team_id, customer_phone, customer_name, category, summary, outcome, follow_up, started_at, ended_at, duration_sec, created_at, version)
      values (${`w-call-${d}`}, 'user-agent01', 'team-a', '13800000000', '', 'query', ${`call ${i}`}, 'ok', 0, ${daysAgo(d)}, ${daysAgo(d)}, 60, ${daysAgo(d)}, ${v})`.execute(store.db);
  }
  for (const date of ['2026-01-20', '2026-02-03', '2026-03-02']) {
    const v = await store.db.transaction().execute((tx) => takeVersion(tx));
    await sql`insert into roster (id, user_id, team_id, date, shift_code, updated_by, updated_at, version)
      values (${`w-roster-${date}`}, 'user-agent01', 'team-a', ${date}, 'D', 'system', ${daysAgo(60)}, ${v})`.execute(store.db);
  }
}, 60_000);
afterAll(async () => {
  await store.close();
  dir.remove();
});

async function syncDesk(db: Kysely<Database>, actor: Actor, now: Date): Promise<PullResponse[]> {
  const pages: PullResponse[] = [];
  for (;;) {
    const cookie = await getMeta(db, COOKIE_KEY);
    const res = JSON.parse(JSON.stringify(await processPull(store.db, actor, { clientId: randomUUID(), cookie, sinceMutationId: 0, limit: 1000 }, now))) as PullResponse;
    await applyPull(db, { clientId: randomUUID(), actorId: actor.userId, res, sinceMutationId: 0, handlers: backendHandlers(), now: now.toISOString() });
    pages.push(res);
    if (!res.more) return pages;
  }
}

const ids = async (db: Kysely<Database>, table: 'calls' | 'roster') =>
  (await db.selectFrom(table).select('id').where('id', 'like', 'w-%').orderBy('id').execute()).map((r) => r.id);

describe('a desk holds recent history only: the sync windows (shared/sync/windows.ts)', () => {
  it(`pulls calls of the last ${CALL_WINDOW_DAYS} days and roster from the first of the previous month; rows that age out leave the desk`, async () => {
    const actor = (await findActiveActor(store.db, 'user-agent01'))!;
    const desk = openSqlite(`${dir.path}/desk.db`, { foreignKeys: false });
    await migrate(desk.db);
    const first = await syncDesk(desk.db, actor, FIXED_NOW);
    expect(await ids(desk.db, 'calls')).toEqual(['w-call-1', 'w-call-20']);
    expect(await ids(desk.db, 'roster')).toEqual(['w-roster-2026-02-03', 'w-roster-2026-03-02']);
    // The progress a first sync shows counts what the windows let through, nothing older.
    expect(first[0]!.total).toBe(first.reduce((n, p) => n + Object.values(p.patch).reduce((m, l) => m + l.length, 0), 0));

    // Fifteen days later (an incremental pull with nothing new): the 20-day-old call is 35 days old now, and
    // March's roster the previous month's; they leave or stay as the windows say.
    await syncDesk(desk.db, actor, new Date(FIXED_NOW.getTime() + 15 * DAY));
    expect(await ids(desk.db, 'calls')).toEqual(['w-call-1']);
    expect(await ids(desk.db, 'roster')).toEqual(['w-roster-2026-02-03', 'w-roster-2026-03-02']);
    await syncDesk(desk.db, actor, new Date('2026-04-02T02:00:00.000Z'));
    expect(await ids(desk.db, 'roster')).toEqual(['w-roster-2026-03-02']);
    // The server still has every call: older history is asked of it (calls.history, calls.search).
    expect((await store.db.selectFrom('calls').select('id').where('id', 'like', 'w-%').execute()).length).toBe(4);
    await desk.db.destroy();
  });
});
