import type { MutationHooks } from '../../db/dispatch';
import { appendOutbox, nextOutboxId } from '../../db/stores/outbox-store';
import { nextStamp } from '../../db/sync/hlc-store';
import { undoRecorder } from '../../db/sync/write-context';
import { hlcInstant } from '../../shared/sync/hlc';
import type { DeskEvents } from './events';

/**
 * On a desk a mutation applies at once (optimistic), remembers the before-images of what it wrote
 * (so a rebase can take it back) and joins the outbox, all in the mutation's own transaction.
 */
export function deskMutationHooks(o: { clientId: string; events: DeskEvents; clock: () => Date; onQueued?: () => void }): MutationHooks {
  return {
    async begin(tx, m) {
      const id = await nextOutboxId(tx, o.clientId);
      const actedAt = await nextStamp(tx, o.clientId, o.clock().getTime());
      return {
        now: hlcInstant(actedAt),
        write: { version: 0, undo: undoRecorder(tx, id) },
        finish: () => appendOutbox(tx, { clientId: o.clientId, id, name: m.method, args: m.input, actorId: m.actor.userId, actedAt }),
      };
    },
    committed(m) {
      o.events.emit({ type: 'changed', method: m.method, tables: m.tables });
      o.onQueued?.();
    },
  };
}
