import type { Kysely } from 'kysely';
import { onSqlite, run } from '../compiled';
import type { Database } from '../schema';
import { deleteRow, putRow, readRow } from './rows';
import type { SyncedTable } from './synced-tables';
import type { UndoRecorder } from './writer';

/** Where before-images go on a desk: one undo_log entry per write of a pending mutation. */
export function undoRecorder(db: Kysely<Database>, clientId: string, mutationId: number): UndoRecorder {
  return {
    async capture(table, pk) {
      const before = await readRow(db, table, pk);
      const image = before ? JSON.stringify(before) : null;
      if (onSqlite(db)) {
        // One statement: the next seq and the entry (the desk's hot path, db/compiled.ts).
        await run(db, 'insert into "undo_log" ("seq", "client_id", "mutation_id", "tbl", "pk", "before") select coalesce(max("seq"), 0) + 1, ?, ?, ?, ?, ? from "undo_log"', [clientId, mutationId, table, pk, image]);
        return;
      }
      const last = await db.selectFrom('undo_log').select((eb) => eb.fn.max('seq').as('s')).executeTakeFirst();
      await db
        .insertInto('undo_log')
        .values({ seq: Number(last?.s ?? 0) + 1, client_id: clientId, mutation_id: mutationId, tbl: table, pk, before: image })
        .execute();
    },
  };
}

/** Restores before-images newest first, for one pending mutation or (none given) all of them, and forgets them. */
export async function rollbackUndo(db: Kysely<Database>, one?: { clientId: string; mutationId: number }): Promise<void> {
  let q = db.selectFrom('undo_log').selectAll().orderBy('seq', 'desc');
  if (one) q = q.where('client_id', '=', one.clientId).where('mutation_id', '=', one.mutationId);
  for (const e of await q.execute()) {
    const table = e.tbl as SyncedTable;
    if (e.before === null) await deleteRow(db, table, e.pk);
    else await putRow(db, table, JSON.parse(e.before) as Record<string, unknown>);
  }
  let del = db.deleteFrom('undo_log');
  if (one) del = del.where('client_id', '=', one.clientId).where('mutation_id', '=', one.mutationId);
  await del.execute();
}
