import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { MutationHooks } from '../../db/dispatch';
import type { Database } from '../../db/schema';
import { getMeta, setMeta } from '../../db/stores/meta-store';
import { appendOutbox, nextOutboxId } from '../../db/stores/outbox-store';
import { nextStamp } from '../../db/sync/hlc-store';
import { undoRecorder } from '../../db/sync/undo';
import { createWriter } from '../../db/sync/writer';
import { hlcInstant } from '../../shared/sync/hlc';
import { api } from '../../shared/api/table';
import { appendAudit } from '../../db/audit/chain';
import type { DeskEvents } from './events';

/**
 * Each person on a desk is their own sync client: their mutations form one sequence, pushed with
 * their own token and judged against their own role, even after someone else signs in here.
 */
export async function clientIdFor(db: Kysely<Database>, userId: string): Promise<string> {
  const key = `client:${userId}`;
  const existing = await getMeta(db, key);
  if (existing) return existing;
  const id = randomUUID();
  await setMeta(db, key, id);
  return id;
}

/**
 * On a synced desk a mutation applies at once (optimistic), remembers the before-images of what it wrote
 * (so a rebase can take it back) and joins the outbox, all in the mutation's own transaction.
 * A standalone desk is its own center: its mutation is final when it commits, nothing will push or rebase
 * it, and joining a center later starts from that center's data (the first pull is a reset). So it writes
 * neither an outbox entry nor undo entries, and takes no mutation id (docs/DECISIONS.md, "Drain").
 */
export function deskMutationHooks(o: { deskId: string; events: DeskEvents; clock: () => Date; onQueued?: () => void; standalone?: () => boolean }): MutationHooks {
  return {
    async begin(tx, m) {
      const standalone = o.standalone?.() ?? false;
      const clientId = await clientIdFor(tx, m.actor.userId);
      const id = standalone ? 0 : await nextOutboxId(tx, clientId);
      const actedAt = await nextStamp(tx, o.deskId, o.clock().getTime());
      const now = hlcInstant(actedAt);
      const writer = createWriter(tx, { version: 0, undo: standalone ? null : undoRecorder(tx, clientId, id) });
      return {
        now,
        writer,
        finish: async () => {
          // A standalone desk is its own center and keeps its own audit chain; a synced desk's is the server's.
          if (standalone) {
            if (api[m.method].audit) await appendAudit(tx, writer, { at: now, actorId: m.actor.userId, action: m.method, subject: m.input, outcome: 'applied', clientId });
            return;
          }
          await appendOutbox(tx, { clientId, id, name: m.method, args: m.input, actorId: m.actor.userId, actedAt });
        },
      };
    },
    committed(m) {
      o.events.emit({ type: 'changed', method: m.method, tables: m.tables });
      o.onQueued?.();
    },
  };
}
