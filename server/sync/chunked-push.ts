import type { Kysely } from 'kysely';
import type { ChunkedMutation } from '../../shared/api/chunked';
import { mayCall, type HandlerContext } from '../../shared/api/method';
import { api } from '../../shared/api/table';
import { stampActTime, type PushRequest } from '../../shared/sync/protocol';
import { checkActTime, judgedActTime } from '../../shared/sync/rules';
import { policyAt } from '../../shared/policy/in-force';
import { rosterImportChunked } from '../../shared/roster/import-apply';
import { checkCall } from '../../db/dispatch';
import type { Database } from '../../db/schema';
import { makeStore } from '../../db/stores/store';
import { findActiveActor } from '../../db/stores/users-store';
import { createWriter } from '../../db/sync/writer';
import { isDatabaseUnavailable } from '../../db/unavailable';
import { loggableError } from '../../db/sync/logged-error';
import type { SyncedTable } from '../../db/sync/synced-tables';
import { takeVersion } from './versions';

/**
 * Mutations the server applies in chunks, each chunk its own commit (#16 item 8): a whole center's month
 * import no longer holds the version lock — and with it every other desk's push — for minutes.
 */
const CHUNKED: Partial<Record<string, ChunkedMutation<never, unknown, unknown>>> = {
  'roster.import': rosterImportChunked as ChunkedMutation<never, unknown, unknown>,
};

/** Whether the server applies this mutation in chunks (it then travels alone in its push's transaction). */
export const isChunked = (name: string): boolean => name in CHUNKED;

export interface ChunkHooks {
  /** Awaited after each chunk commits (tests push from another desk here: it must apply before the import ends). */
  betweenChunks?: () => Promise<void>;
}

/**
 * Checks and writes a chunked mutation ahead of its bookkeeping transaction, when it is the client's next one
 * and would be admitted: the checks read only (no lock), then each chunk commits under its own version, poked
 * as it lands. Returns the handler's result for the bookkeeping transaction to log, or null to take the plain
 * path (anything refused or odd: that path refuses it the usual way, in one transaction, writing nothing).
 * A server stopping half way leaves some people imported: the desk resends the mutation and the import runs
 * again (same cells, same act time: the later-edit rule lets an import redo its own cells).
 */
export async function applyInChunks(
  db: Kysely<Database>,
  userId: string,
  clientId: string,
  m: PushRequest['mutations'][number],
  serverNow: Date,
  onApplied: (written: ReadonlyMap<SyncedTable, ReadonlySet<string>>) => void,
  hooks: ChunkHooks,
): Promise<{ output: unknown } | null> {
  const chunked = CHUNKED[m.name];
  if (!chunked) return null;
  const client = await db.selectFrom('sync_clients').select(['user_id', 'last_mutation_id', 'last_pull_at']).where('client_id', '=', clientId).executeTakeFirst();
  if ((client && client.user_id !== userId) || m.id !== Number(client?.last_mutation_id ?? 0) + 1) return null;
  const checked = checkCall(m.name, m.args);
  if (!checked.ok || api[checked.method].kind !== 'mutation') return null;
  const actor = await findActiveActor(db, userId);
  if (!actor || !mayCall(api[checked.method].access, actor)) return null;
  const actedWall = stampActTime(m.actedAt);
  if (actedWall === null) return null;
  const policy = await policyAt(makeStore(db), serverNow.toISOString());
  if (!checkActTime(actedWall, serverNow.getTime(), policy).ok) return null;
  const lastPullAt = client?.last_pull_at ?? null;
  const judged = judgedActTime(actedWall, lastPullAt ? Date.parse(lastPullAt) : null, serverNow.getTime());
  const base: Omit<HandlerContext, 'store'> = { actor, now: new Date(judged.at).toISOString(), ...(judged.offlineAt !== null ? { actedOfflineAt: new Date(judged.offlineAt).toISOString() } : {}) };
  let prepared: Awaited<ReturnType<typeof chunked.prepare>>;
  try {
    prepared = await chunked.prepare({ ...base, store: makeStore(db) }, checked.input as never, () => new Promise<void>((resolve) => setImmediate(resolve)));
  } catch (err) {
    if (isDatabaseUnavailable(err)) throw err;
    return null; // refused: the plain path refuses it again in one transaction and logs it
  }
  const parts: unknown[] = [];
  for (const chunk of prepared.chunks) {
    let written: ReadonlyMap<SyncedTable, ReadonlySet<string>>;
    try {
      written = await db.transaction().execute(async (tx) => {
        const writer = createWriter(tx, { version: await takeVersion(tx), undo: null });
        parts.push(await chunk({ ...base, store: makeStore(tx, writer) }));
        return writer.written;
      });
    } catch (err) {
      // A database away: the push fails and the desk resends. Anything else: the plain path runs the whole
      // mutation in one transaction and refuses it the usual way (chunks already committed stay, as if redone).
      if (isDatabaseUnavailable(err)) throw err;
      console.error(`push ${m.name} from client ${clientId}: a chunk failed; running it whole`, loggableError(err));
      return null;
    }
    onApplied(written);
    await hooks.betweenChunks?.();
  }
  return { output: prepared.result(parts) };
}
