import type { Kysely } from 'kysely';
import type { WireError } from '../../shared/api/errors';
import type { InboxItem } from '../../shared/sync/methods';
import type { Database } from '../schema';
import { errorColumns, storedError } from '../sync/logged-error';

export async function addToInbox(
  db: Kysely<Database>,
  e: { clientId: string; mutationId: number; actorId: string; name: string; args: unknown; actedAt: string; error: WireError; now: string },
): Promise<void> {
  await db
    .insertInto('attention_inbox')
    .values({
      client_id: e.clientId,
      mutation_id: e.mutationId,
      actor_id: e.actorId,
      name: e.name,
      args: JSON.stringify(e.args ?? null),
      acted_at: e.actedAt,
      ...(errorColumns(e.error) as { code: string; rule_ids: string; params: string; message: string; checks: string | null }),
      created_at: e.now,
      dismissed_at: null,
    })
    .onConflict((oc) => oc.columns(['client_id', 'mutation_id']).doNothing())
    .execute();
}

export async function listInbox(db: Kysely<Database>, actorId: string): Promise<InboxItem[]> {
  const rows = await db.selectFrom('attention_inbox').selectAll().where('actor_id', '=', actorId).where('dismissed_at', 'is', null).orderBy('created_at', 'desc').execute();
  return rows.map((r) => ({
    clientId: r.client_id,
    mutationId: Number(r.mutation_id),
    name: r.name,
    args: JSON.parse(r.args) as unknown,
    actedAt: r.acted_at,
    createdAt: r.created_at,
    error: storedError(r),
  }));
}

export async function dismissInboxItem(db: Kysely<Database>, actorId: string, clientId: string, mutationId: number, now: string): Promise<void> {
  await db
    .updateTable('attention_inbox')
    .set({ dismissed_at: now })
    .where('actor_id', '=', actorId)
    .where('client_id', '=', clientId)
    .where('mutation_id', '=', mutationId)
    .execute();
}
