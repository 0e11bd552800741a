import type { Kysely } from 'kysely';
import { appendAudit, type AuditEvent } from '../../db/audit/chain';
import type { Database } from '../../db/schema';
import { loggableError } from '../../db/sync/logged-error';
import { createWriter, type Writer } from '../../db/sync/writer';
import type { SyncedTable } from '../../db/sync/synced-tables';
import { takeVersion } from '../sync/versions';

/**
 * An audit entry that is not part of another write (a sign-in, a refused sign-in): its own versioned commit,
 * poked to the reviewers' desks. A failure to record is logged and does not undo what happened (the person
 * did sign in); the chain stays intact because the entry is either committed whole or not at all.
 */
export function serverAuditRecorder(db: Kysely<Database>, poke: (written: ReadonlyMap<SyncedTable, ReadonlySet<string>>) => void) {
  return async (e: AuditEvent): Promise<void> => {
    try {
      let writer: Writer | null = null;
      await db.transaction().execute(async (tx) => {
        writer = createWriter(tx, { version: await takeVersion(tx), undo: null });
        await appendAudit(tx, writer, e);
      });
      poke((writer as Writer | null)?.written ?? new Map());
    } catch (err) {
      console.error('audit entry not recorded', e.action, loggableError(err));
    }
  };
}
