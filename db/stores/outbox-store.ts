import type { Kysely } from 'kysely';
import type { Database } from '../schema';
import { onSqlite, run } from '../compiled';

export interface OutboxEntry {
  clientId: string;
  id: number;
  name: string;
  args: unknown;
  actorId: string;
  /** HLC stamp of when the person acted. */
  actedAt: string;
}

/** The next per-client id; call inside the mutation's own transaction so a rollback leaves no gap. */
export async function nextOutboxId(db: Kysely<Database>, clientId: string): Promise<number> {
  if (onSqlite(db)) {
    // Both reads in one fixed statement on the desk (db/compiled.ts); the same rule as below.
    const [row] = await run<{ next: number }>(
      db,
      'select max(coalesce((select max("id") from "outbox" where "client_id" = ?), 0), coalesce((select cast("value" as integer) from "zb_meta" where "key" = ?), 0)) + 1 as "next"',
      [clientId, `last_mutation_id:${clientId}`],
    );
    return Number(row!.next);
  }
  const row = await db
    .selectFrom('outbox')
    .select((eb) => eb.fn.max('id').as('last'))
    .where('client_id', '=', clientId)
    .executeTakeFirst();
  const inOutbox = Number(row?.last ?? 0);
  // Confirmed entries leave the outbox; the id sequence must still never repeat.
  const confirmed = await db.selectFrom('zb_meta').select('value').where('key', '=', `last_mutation_id:${clientId}`).executeTakeFirst();
  return Math.max(inOutbox, Number(confirmed?.value ?? 0)) + 1;
}

export async function appendOutbox(db: Kysely<Database>, e: OutboxEntry): Promise<void> {
  if (onSqlite(db)) {
    await run(db, 'insert into "outbox" ("client_id", "id", "name", "args", "actor_id", "acted_at", "created_at") values (?, ?, ?, ?, ?, ?, ?)', [e.clientId, e.id, e.name, JSON.stringify(e.args), e.actorId, e.actedAt, new Date().toISOString()]);
    return;
  }
  await db
    .insertInto('outbox')
    .values({
      client_id: e.clientId,
      id: e.id,
      name: e.name,
      args: JSON.stringify(e.args),
      actor_id: e.actorId,
      acted_at: e.actedAt,
      created_at: new Date().toISOString(),
    })
    .execute();
}

export async function readOutbox(db: Kysely<Database>, clientId: string, limit = 10_000): Promise<OutboxEntry[]> {
  const rows = await db.selectFrom('outbox').selectAll().where('client_id', '=', clientId).orderBy('id').limit(limit).execute();
  return rows.map((r) => ({
    clientId: r.client_id,
    id: Number(r.id),
    name: r.name,
    args: JSON.parse(r.args) as unknown,
    actorId: r.actor_id,
    actedAt: r.acted_at,
  }));
}

/** Pending mutations, of one client or of every person on this desk. */
export async function countOutbox(db: Kysely<Database>, clientId?: string): Promise<number> {
  let q = db.selectFrom('outbox').select((eb) => eb.fn.countAll().as('n'));
  if (clientId) q = q.where('client_id', '=', clientId);
  const row = await q.executeTakeFirst();
  return Number(row?.n ?? 0);
}
