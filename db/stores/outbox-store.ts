import type { Kysely } from 'kysely';
import type { Database } from '../schema';

export interface OutboxEntry {
  clientId: string;
  id: number;
  name: string;
  args: unknown;
  actorId: string;
  actedAt: string;
}

/** Appends with the next per-client id; call inside the mutation's own transaction. */
export async function appendOutbox(db: Kysely<Database>, e: Omit<OutboxEntry, 'id'>): Promise<number> {
  const row = await db
    .selectFrom('outbox')
    .select((eb) => eb.fn.max('id').as('last'))
    .where('client_id', '=', e.clientId)
    .executeTakeFirst();
  const id = Number(row?.last ?? 0) + 1;
  await db
    .insertInto('outbox')
    .values({
      client_id: e.clientId,
      id,
      name: e.name,
      args: JSON.stringify(e.args),
      actor_id: e.actorId,
      acted_at: e.actedAt,
      created_at: new Date().toISOString(),
    })
    .execute();
  return id;
}

export async function readOutbox(db: Kysely<Database>, clientId: string): Promise<OutboxEntry[]> {
  const rows = await db.selectFrom('outbox').selectAll().where('client_id', '=', clientId).orderBy('id').execute();
  return rows.map((r) => ({
    clientId: r.client_id,
    id: Number(r.id),
    name: r.name,
    args: JSON.parse(r.args) as unknown,
    actorId: r.actor_id,
    actedAt: r.acted_at,
  }));
}

export async function countOutbox(db: Kysely<Database>, clientId: string): Promise<number> {
  const row = await db
    .selectFrom('outbox')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('client_id', '=', clientId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}
