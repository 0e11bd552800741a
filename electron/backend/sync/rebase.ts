import { sql, type Kysely } from 'kysely';
import { api } from '../../../shared/api/table';
import { hlcInstant } from '../../../shared/sync/hlc';
import { syncScopeOf } from '../../../shared/sync/scope';
import { syncWindows } from '../../../shared/sync/windows';
import type { PullResponse, PushResponse } from '../../../shared/sync/protocol';
import type { BackendContext, BackendHandlers, TxMethod } from '../../../db/dispatch';
import type { Database } from '../../../db/schema';
import { addToInbox } from '../../../db/stores/inbox-store';
import { getMeta, setMeta } from '../../../db/stores/meta-store';
import { readOutbox, type OutboxEntry } from '../../../db/stores/outbox-store';
import { makeStore } from '../../../db/stores/store';
import { findActiveActor } from '../../../db/stores/users-store';
import { rawSqliteOf } from '../../../db/open-sqlite';
import { preparedPut } from '../../../db/sync/prepared-put';
import { catchUpCallIndex, deferCallIndex } from '../../../db/search/deferred-call-index';
import { putRow } from '../../../db/sync/rows';
import { SYNCED_TABLES, SYNCED_TABLE_NAMES } from '../../../db/sync/synced-tables';
import { rollbackUndo, undoRecorder } from '../../../db/sync/undo';
import { createWriter } from '../../../db/sync/writer';

export const COOKIE_KEY = 'sync_cookie';
const lastIdKey = (clientId: string) => `last_mutation_id:${clientId}`;

/**
 * Records what the server decided for a client's pushed mutations: refusals go to the person's
 * "needs attention" inbox, and everything up to lastMutationId leaves the outbox. Their optimistic
 * effects stay in the undo log until the next rebase replaces them with the server's rows.
 */
export async function settlePush(db: Kysely<Database>, clientId: string, sent: OutboxEntry[], res: PushResponse, now: string): Promise<void> {
  await db.transaction().execute(async (tx) => {
    for (const r of res.results) {
      if (r.status !== 'rejected' || !r.error) continue;
      const m = sent.find((e) => e.id === r.id);
      if (m) await addToInbox(tx, { clientId, mutationId: r.id, actorId: m.actorId, name: m.name, args: m.args, actedAt: m.actedAt, error: r.error, now });
    }
    await tx.deleteFrom('outbox').where('client_id', '=', clientId).where('id', '<=', res.lastMutationId).execute();
    const known = Number((await getMeta(tx, lastIdKey(clientId))) ?? 0);
    await setMeta(tx, lastIdKey(clientId), String(Math.max(known, res.lastMutationId)));
  });
}

export async function lastKnownMutationId(db: Kysely<Database>, clientId: string): Promise<number> {
  return Number((await getMeta(db, lastIdKey(clientId))) ?? 0);
}

/** Re-runs one pending mutation on top of confirmed state; false (and no trace) if it no longer applies here. */
async function replay(tx: Kysely<Database>, handlers: BackendHandlers, e: OutboxEntry): Promise<boolean> {
  const actor = await findActiveActor(tx, e.actorId);
  if (!actor || !(e.name in api)) return false;
  const spec = api[e.name as TxMethod];
  const input = spec.input.safeParse(e.args);
  if (!input.success) return false;
  await sql`savepoint replay_one`.execute(tx);
  try {
    const handler = handlers[e.name as TxMethod] as (ctx: BackendContext, i: unknown) => Promise<unknown>;
    await handler({ actor, now: hlcInstant(e.actedAt), store: makeStore(tx, createWriter(tx, { version: 0, undo: undoRecorder(tx, e.clientId, e.id) })), tx, scope: syncScopeOf(actor) }, input.data);
    await sql`release savepoint replay_one`.execute(tx);
    return true;
  } catch {
    // The server will decide; until then the screens show confirmed state for it.
    await sql`rollback to savepoint replay_one`.execute(tx);
    return false;
  }
}

const WINDOWS_KEY = 'sync_windows';
/** The table and column of each window this desk knows (a pull's window names nothing else). */
const KNOWN_WINDOWS = new Set(syncWindows(new Date(0)).map((w) => `${w.table}.${w.column}`));

/**
 * Rows that fell out of the pull's time windows leave the desk (older history is the server's to answer), so a
 * replica stays the size of its windows however long it runs. Only when a bound moved: most pulls skip it.
 */
async function letGoOutsideWindows(tx: Kysely<Database>, res: PullResponse): Promise<void> {
  const windows = (res.windows ?? []).filter((w) => KNOWN_WINDOWS.has(`${w.table}.${w.column}`));
  const stamp = JSON.stringify(windows);
  if (windows.length === 0 || (!res.reset && (await getMeta(tx, WINDOWS_KEY)) === stamp)) return;
  const any = tx as unknown as Kysely<Record<string, Record<string, unknown>>>;
  for (const w of windows) await any.deleteFrom(w.table).where(w.column, '<', w.from).execute();
  await setMeta(tx, WINDOWS_KEY, stamp);
}

/**
 * The desk's rebase, one transaction: take back every optimistic effect (undo log), apply the
 * server's patch (dropping everything first on a reset), record refusals for this client, then
 * re-run the still-pending mutations on top. Afterwards the desk shows server state + its own pending work.
 */
export async function applyPull(
  db: Kysely<Database>,
  o: {
    clientId: string;
    actorId: string;
    res: PullResponse;
    sinceMutationId: number;
    handlers: BackendHandlers;
    now: string;
    /** false: index every pulled call as it lands, as before #16 (bench:firstsync's "before"). */
    bulkCallIndex?: boolean;
  },
): Promise<void> {
  const { res } = o;
  const raw = rawSqliteOf(db);
  const bulkIndex = o.bulkCallIndex !== false;
  await db.transaction().execute(async (tx) => {
    await rollbackUndo(tx);
    // A first sync (or one starting over) fills the call search index once, at its last page.
    if (res.reset && bulkIndex) await deferCallIndex(tx);
    if (res.reset) for (const table of [...SYNCED_TABLE_NAMES].reverse()) await tx.deleteFrom(table).execute();
    // Prepared upserts on the desk's own handle when it has one (every desk does); the Kysely path otherwise.
    const put = raw ? preparedPut(raw) : null;
    for (const table of SYNCED_TABLE_NAMES) {
      // Rows arrive without private columns; a desk's own copy keeps its value (and gets '' when new).
      const hidden = SYNCED_TABLES[table].privateColumns;
      const blanks = Object.fromEntries(hidden.map((c) => [c, '']));
      for (const row of res.patch[table]) {
        if (put) put(table, { ...blanks, ...row }, hidden);
        else await putRow(tx, table, { ...blanks, ...row }, hidden);
      }
    }
    await letGoOutsideWindows(tx, res);
    for (const r of res.rejections) {
      if (r.mutationId <= o.sinceMutationId) continue;
      await addToInbox(tx, { clientId: o.clientId, mutationId: r.mutationId, actorId: o.actorId, name: r.name, args: r.args, actedAt: r.actedAt, error: r.error, now: o.now });
    }
    await tx.deleteFrom('outbox').where('client_id', '=', o.clientId).where('id', '<=', res.lastMutationId).execute();
    const known = Number((await getMeta(tx, lastIdKey(o.clientId))) ?? 0);
    await setMeta(tx, lastIdKey(o.clientId), String(Math.max(known, res.lastMutationId)));
    await setMeta(tx, COOKIE_KEY, res.cookie);
    const pending = (await tx.selectFrom('outbox').select('client_id').distinct().execute()).map((r) => r.client_id);
    const entries = (await Promise.all(pending.map((c) => readOutbox(tx, c)))).flat().sort((a, b) => (a.actedAt < b.actedAt ? -1 : 1));
    for (const e of entries) await replay(tx, o.handlers, e);
    if (!res.more && bulkIndex) await catchUpCallIndex(tx);
  });
}
