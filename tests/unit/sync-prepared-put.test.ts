import type { Kysely } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/schema';
import { migrate } from '../../db/migrate';
import { openSqlite } from '../../db/open-sqlite';
import { seedDemoCenter } from '../../db/demo/seed';
import { DEMO_USERS } from '../../db/demo/demo-center';
import { preparedPut } from '../../db/sync/prepared-put';
import { publicRow, putRow } from '../../db/sync/rows';
import { SYNCED_TABLES, SYNCED_TABLE_NAMES, type Row, type SyncedTable } from '../../db/sync/synced-tables';
import { FIXED_NOW } from './support/fixture';
import { tempDir } from './support/tmp';

const dir = tempDir();
afterAll(() => dir.remove());

async function desk(name: string) {
  const d = openSqlite(`${dir.path}/${name}.db`, { foreignKeys: false });
  await migrate(d.db);
  return d;
}

async function dump(db: Kysely<Database>): Promise<Record<string, Row[]>> {
  const any = db as unknown as Kysely<Record<string, Row>>;
  const out: Record<string, Row[]> = {};
  for (const t of SYNCED_TABLE_NAMES) out[t] = await any.selectFrom(t).selectAll().orderBy(SYNCED_TABLES[t].pk).execute();
  return out;
}

/** The rows of every synced table as a pull carries them (private columns left out). */
async function patchOf(db: Kysely<Database>): Promise<[SyncedTable, Row][]> {
  const all = await dump(db);
  return SYNCED_TABLE_NAMES.flatMap((t) => all[t]!.map((r) => [t, publicRow(t, r)] as [SyncedTable, Row]));
}

describe("a pull's rows applied by prepared upserts land exactly as the Kysely path puts them", () => {
  it('first sync, then edits, partial rows and private columns the desk keeps', async () => {
    const source = await desk('source');
    // Placeholder hashes: hashing every demo password would be most of this test's time.
    await seedDemoCenter(source.db, FIXED_NOW, 1, DEMO_USERS.map(() => 'x'));
    const rows = await patchOf(source.db);
    expect(rows.length).toBeGreaterThan(200);

    const plain = await desk('plain');
    const fast = await desk('fast');
    const put = preparedPut(fast.raw);
    const apply = async (batch: [SyncedTable, Row][]) => {
      await plain.db.transaction().execute(async (tx) => {
        for (const [t, r] of batch) {
          const hidden = SYNCED_TABLES[t].privateColumns;
          await putRow(tx, t, { ...Object.fromEntries(hidden.map((c) => [c, ''])), ...r }, hidden);
        }
      });
      await fast.db.transaction().execute(async () => {
        for (const [t, r] of batch) {
          const hidden = SYNCED_TABLES[t].privateColumns;
          put(t, { ...Object.fromEntries(hidden.map((c) => [c, ''])), ...r }, hidden);
        }
      });
    };
    await apply(rows);
    expect(await dump(fast.db)).toEqual(await dump(plain.db));

    // A desk caches a password hash; the next patch of that user (which never carries one) must keep it.
    for (const d of [plain, fast]) await d.db.updateTable('users').set({ password_hash: 'cached' }).execute();
    // Edits arrive: a later version of every row, some with only a few columns.
    const edited = rows.map(([t, r], i): [SyncedTable, Row] => {
      const pk = SYNCED_TABLES[t].pk;
      const next = { ...r, version: Number(r.version) + 1 };
      return i % 3 === 0 ? [t, { [pk]: r[pk], version: next.version }] : [t, next];
    });
    await apply(edited);
    const after = await dump(fast.db);
    expect(after).toEqual(await dump(plain.db));
    expect(new Set(after.users!.map((u) => u.password_hash))).toEqual(new Set(['cached']));
    expect(after.calls!.every((c) => Number(c.version) === 2)).toBe(true);
    for (const d of [source, plain, fast]) await d.db.destroy();
  });
});
