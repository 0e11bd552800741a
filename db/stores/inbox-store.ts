import type { Kysely } from 'kysely';
import type { WireError } from '../../shared/api/errors';
import { INBOX_PAGE, type InboxItem, type InboxPage } from '../../shared/sync/methods';
import type { Database } from '../schema';
import { errorColumns, readStoredArgs, storedArgs, storedError } from '../sync/logged-error';

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
      // At most 16 KiB of a refused mutation's arguments, however large the push was (#15).
      args: storedArgs(e.args),
      acted_at: e.actedAt,
      ...(errorColumns(e.error) as { code: string; rule_ids: string; params: string; message: string; checks: string | null }),
      created_at: e.now,
      dismissed_at: null,
    })
    .onConflict((oc) => oc.columns(['client_id', 'mutation_id']).doNothing())
    .execute();
}

/** One page of a person's undismissed refusals, newest first; `before` is the previous page's last item. */
export async function listInbox(db: Kysely<Database>, actorId: string, page: Partial<InboxPage> = {}): Promise<InboxItem[]> {
  const { limit = INBOX_PAGE, before } = page;
  let q = db.selectFrom('attention_inbox').selectAll().where('actor_id', '=', actorId).where('dismissed_at', 'is', null);
  if (before) q = q.where((eb) => eb(eb.refTuple('created_at', 'client_id', 'mutation_id'), '<', eb.tuple(before.createdAt, before.clientId, before.mutationId)));
  const rows = await q.orderBy('created_at', 'desc').orderBy('client_id', 'desc').orderBy('mutation_id', 'desc').limit(limit).execute();
  return rows.map((r) => ({
    clientId: r.client_id,
    mutationId: Number(r.mutation_id),
    name: r.name,
    args: readStoredArgs(r.args),
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
