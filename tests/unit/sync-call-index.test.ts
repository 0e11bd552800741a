// A first sync fills the desk's call search index (calls_fts) in one pass at its last page instead of call by
// call (issue #16): afterwards the desk's text search finds exactly the calls it found when each pulled call was
// indexed as it landed, the index's triggers are back, and later pulls index new calls as before.
import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../shared/auth/roles';
import type { PullResponse } from '../../shared/sync/protocol';
import type { Database } from '../../db/schema';
import { migrate } from '../../db/migrate';
import { openSqlite } from '../../db/open-sqlite';
import { getMeta } from '../../db/stores/meta-store';
import { findActiveActor } from '../../db/stores/users-store';
import { seedDemoCenter } from '../../db/demo/seed';
import { DEMO_USERS } from '../../db/demo/demo-center';
import { applyPull, COOKIE_KEY } from '../../electron/backend/sync/rebase';
import { catchUpCallIndex } from '../../db/search/deferred-call-index';
import { backendHandlers } from '../../electron/backend/handlers';
import { processPull } from '../../server/sync/pull';
import { takeVersion } from '../../server/sync/versions';
import type { CentralStore } from '../../server/store';
import { NAMES, WORDS } from '../../bench/scale/vocabulary';
import { ENGINE_CASES } from './support/central';
import { FIXED_NOW } from './support/fixture';
import { tempDir } from './support/tmp';

const dir = tempDir();
let store: CentralStore;
let n = 0;

async function addCall(): Promise<void> {
  const i = n++;
  const v = await store.db.transaction().execute((tx) => takeVersion(tx));
  const at = new Date(FIXED_NOW.getTime() - (i + 1) * 3_600_000).toISOString();
  const summary = [WORDS[i % WORDS.length], WORDS[(i * 7) % WORDS.length], WORDS[(i * 13) % WORDS.length]].join('，');
  await sql`insert into calls (id, agent_id, team_id, customer_phone, customer_name, category, summary, outcome, follow_up, started_at, ended_at, duration_sec, created_at, version)
    values (${`ix-${i}`}, 'user-agent01', 'team-a', ${`1380000${String(1000 + i)}`}, ${NAMES[i % NAMES.length]!}, 'query', ${summary}, '已解答', 0, ${at}, ${at}, 60, ${at}, ${v})`.execute(store.db);
}

beforeAll(async () => {
  store = await ENGINE_CASES[0]!.open(`${dir.path}/pg`);
  const version = await store.db.transaction().execute((tx) => takeVersion(tx));
  await seedDemoCenter(store.db, FIXED_NOW, version, DEMO_USERS.map(() => 'x'));
  for (let i = 0; i < 60; i++) await addCall();
}, 60_000);
afterAll(async () => {
  await store.close();
  dir.remove();
});

async function sync(db: Kysely<Database>, actor: Actor, bulkCallIndex: boolean, o: { maxPages?: number; clientId?: string } = {}): Promise<number> {
  const clientId = o.clientId ?? randomUUID();
  for (let pages = 1; pages <= (o.maxPages ?? Infinity); pages++) {
    const cookie = await getMeta(db, COOKIE_KEY);
    const res = JSON.parse(JSON.stringify(await processPull(store.db, actor, { clientId, cookie, sinceMutationId: 0, limit: 9 }, FIXED_NOW))) as PullResponse;
    await applyPull(db, { clientId, actorId: actor.userId, res, sinceMutationId: 0, handlers: backendHandlers(), now: FIXED_NOW.toISOString(), bulkCallIndex });
    if (!res.more) return pages;
  }
  return o.maxPages!;
}

/** What the desk's search looks up: calls whose indexed text holds the query (db/stores/calls-store.ts). */
const found = async (db: Kysely<Database>, q: string) =>
  (await sql<{ id: string }>`select id from calls where rowid in (select rowid from calls_fts where calls_fts match ${`"${q}"`}) order by id`.execute(db)).rows.map((r) => r.id);
const triggers = async (db: Kysely<Database>) =>
  (await sql<{ sql: string }>`select sql from sqlite_master where type = 'trigger' and name like 'calls_fts_%' order by name`.execute(db)).rows.map((r) => r.sql);

describe('the call search index after a first sync', () => {
  it('finds exactly what indexing call by call found, keeps its triggers, and indexes later pulls as before', async () => {
    const actor = (await findActiveActor(store.db, 'user-center01'))!;
    const desks = [true, false].map((bulk) => ({ bulk, ...openSqlite(`${dir.path}/desk-${bulk}.db`, { foreignKeys: false }) }));
    for (const d of desks) await migrate(d.db);
    const before = await triggers(desks[0]!.db);
    for (const d of desks) expect(await sync(d.db, actor, d.bulk)).toBeGreaterThan(3);
    const [bulk, perRow] = desks as [(typeof desks)[0], (typeof desks)[0]];
    for (const q of [WORDS[3]!, `${WORDS[1]!}，${WORDS[7]!}`, NAMES[2]!, '13800001', '已解答', '没有这个词']) {
      expect(await found(bulk.db, q), q).toEqual(await found(perRow.db, q));
    }
    expect((await found(bulk.db, '已解答')).length).toBeGreaterThanOrEqual(60);
    expect(await triggers(bulk.db)).toEqual(before);

    // A call logged later reaches the desk in an ordinary pull and is found at once (the triggers' path).
    await addCall();
    await sync(bulk.db, actor, true);
    expect(await found(bulk.db, `1380000${1000 + n - 1}`)).toEqual([`ix-${n - 1}`]);
    for (const d of desks) await d.db.destroy();
  }, 60_000);

  it('a first sync stopped half-way: the desk indexes what it holds when it opens again (search works offline), and a migration that made the triggers anew meanwhile stands', async () => {
    const actor = (await findActiveActor(store.db, 'user-center01'))!;
    const { db } = openSqlite(`${dir.path}/desk-halfway.db`, { foreignKeys: false });
    await migrate(db);
    const before = await triggers(db);
    const clientId = randomUUID();
    await sync(db, actor, true, { maxPages: 2, clientId });
    expect(await triggers(db)).toEqual([]); // set aside, the sequence not finished
    // What startDeskHost does when it opens the database.
    await db.transaction().execute((tx) => catchUpCallIndex(tx));
    const held = (await sql<{ id: string; summary: string }>`select id, summary from calls order by id`.execute(db)).rows;
    expect(held.length).toBeGreaterThan(0);
    for (const c of held) expect(await found(db, [...c.summary].slice(0, 3).join('')), c.id).toContain(c.id);
    expect(await triggers(db)).toEqual(before);
    // The rest of the sequence indexes call by call; at its end nothing is set aside twice or re-created.
    await sync(db, actor, true, { clientId });
    expect((await found(db, '已解答')).length).toBe(Number((await sql<{ n: number }>`select count(*) as n from calls where customer_phone || customer_name || summary || outcome like '%已解答%'`.execute(db)).rows[0]!.n));
    expect(await triggers(db)).toEqual(before);

    // A new sequence sets the triggers aside again; a migration re-creates them before its end: the catch-up keeps them.
    await sql`delete from zb_meta where key = ${COOKIE_KEY}`.execute(db);
    await sync(db, actor, true, { maxPages: 1 });
    expect(await triggers(db)).toEqual([]);
    for (const t of before) await sql.raw(t).execute(db);
    await db.transaction().execute((tx) => catchUpCallIndex(tx));
    expect(await triggers(db)).toEqual(before);
    await db.destroy();
  }, 60_000);
});
