// The push path as it was before #16 (one transaction per pushed mutation), kept only as the benchmark's
// baseline in the same run (bench/sync, bench/load --legacy). The server runs server/sync/push.ts.
import { sql, type Kysely } from 'kysely';
import { DeskError, type WireError } from '../../shared/api/errors';
import { mayCall } from '../../shared/api/method';
import { api } from '../../shared/api/table';
import type { Actor } from '../../shared/auth/roles';
import { cleanedText } from '../../shared/api/fields';
import { stampActTime, type PushRequest, type PushResponse } from '../../shared/sync/protocol';
import { checkActTime, judgedActTime, SYNC_RULES } from '../../shared/sync/rules';
import { checkCall, isConstraintConflict, type BackendContext, type BackendHandlers, type TxMethod } from '../../db/dispatch';
import type { Database } from '../../db/schema';
import { makeStore } from '../../db/stores/store';
import { findActiveActor } from '../../db/stores/users-store';
import { takeVersion } from '../../server/sync/versions';
import { policyAt } from '../../shared/policy/in-force';
import { errorColumns, loggableError, sameArgs, scrubbedError, storedArgs, storedError } from '../../db/sync/logged-error';
import { createWriter, type Writer } from '../../db/sync/writer';
import { isDatabaseUnavailable } from '../../db/unavailable';
import { appendAudit } from '../../db/audit/chain';
import type { SyncedTable } from '../../db/sync/synced-tables';
import { PushRefused } from '../../server/sync/push';


type Outcome = { status: 'applied'; input: unknown } | { status: 'rejected'; error: WireError };

/**
 * Runs one pushed mutation against canonical state, the way the desk ran it: same table, same shared
 * handler, the actor's role as the server knows it now, the act time bounded by the server's clock.
 */
async function applyOne(tx: Kysely<Database>, handlers: BackendHandlers, userId: string, clientId: string, m: PushRequest['mutations'][number], serverNow: Date, writer: Writer, lastPullAt: string | null): Promise<Outcome> {
  const checked = checkCall(m.name, m.args);
  if (!checked.ok) return { status: 'rejected', error: checked.error };
  const spec = api[checked.method];
  if (spec.kind !== 'mutation') return { status: 'rejected', error: { code: 'bad_request', message: `${m.name} is not a mutation` } };
  const actor: Actor | null = await findActiveActor(tx, userId);
  if (!actor) return { status: 'rejected', error: { code: 'unauthenticated', message: 'The account is no longer active', ruleIds: [SYNC_RULES.currentRole.id] } };
  if (!mayCall(spec.access, actor))
    return { status: 'rejected', error: { code: 'forbidden', message: `Role ${actor.role} may not call ${m.name}`, ruleIds: [SYNC_RULES.currentRole.id], params: { role: actor.role } } };
  // An act time that is no real instant (2026-02-30, 2026-99-99, junk) is this mutation's fault alone: refused, recorded, the batch goes on.
  const actedWall = stampActTime(m.actedAt);
  if (actedWall === null)
    return {
      status: 'rejected',
      error: { code: 'rule_violation', message: 'The act time is not a real instant (a damaged desk clock or outbox)', ruleIds: [SYNC_RULES.clockDrift.id], fields: [{ path: 'actedAt', code: 'err.field.dateTime', message: 'not an HLC stamp' }] },
    };
  const policy = await policyAt(makeStore(tx), serverNow.toISOString());
  const verdict = checkActTime(actedWall, serverNow.getTime(), policy);
  if (!verdict.ok) return { status: 'rejected', error: { code: 'rule_violation', message: `Act time refused (${verdict.ruleId})`, ruleIds: [verdict.ruleId], params: verdict.params } };

  // The effect runs under a savepoint: a rejected mutation leaves no trace but its log entry.
  await sql`savepoint apply_one`.execute(tx);
  try {
    const handler = handlers[checked.method as TxMethod] as (ctx: BackendContext, i: unknown) => Promise<unknown>;
    // Time rules judge the act as of when it was done, but never before this desk's last pull (DECISIONS.md).
    const judged = judgedActTime(actedWall, lastPullAt ? Date.parse(lastPullAt) : null, serverNow.getTime());
    const ctx = { actor, now: new Date(judged.at).toISOString(), store: makeStore(tx, writer), tx, ...(judged.offlineAt !== null ? { actedOfflineAt: new Date(judged.offlineAt).toISOString() } : {}) };
    spec.output.parse(await handler(ctx, checked.input));
    if (spec.audit) await appendAudit(tx, writer, { at: ctx.now, actorId: actor.userId, action: checked.method, subject: checked.input, outcome: 'applied', clientId });
    await sql`release savepoint apply_one`.execute(tx);
    return { status: 'applied', input: checked.input };
  } catch (err) {
    // A database that is briefly not there (connection lost, disk full, a timeout or serialisation failure)
    // is not this action's fault: fail the push, so the desk keeps it and retries, rather than refuse it for good.
    if (isDatabaseUnavailable(err)) throw err;
    await sql`rollback to savepoint apply_one`.execute(tx);
    if (err instanceof DeskError) return { status: 'rejected', error: err.wire };
    if (isConstraintConflict(err)) return { status: 'rejected', error: { code: 'conflict', message: 'This record already exists' } };
    // Never the error object: a database error carries the query's parameters and the failing row.
    console.error(`push ${checked.method} failed`, loggableError(err));
    return { status: 'rejected', error: { code: 'internal', message: 'The server could not apply this action' } };
  }
}

/**
 * Applies a desk's pending mutations in order, one transaction each. Ids already processed are
 * skipped (idempotent replay); a gap stops the batch (the desk resends from lastMutationId); a
 * rejection is recorded with its rule IDs and still advances the client, or the desk would be stuck.
 */
export async function processPushPerMutation(
  db: Kysely<Database>,
  handlers: BackendHandlers,
  userId: string,
  req: PushRequest,
  clock: () => Date,
  onApplied: (written: ReadonlyMap<SyncedTable, ReadonlySet<string>>) => void,
): Promise<PushResponse> {
  const results: PushResponse['results'] = [];
  let last = 0;
  for (const m of req.mutations) {
    const done = await db.transaction().execute(async (tx) => {
      const client = await claimClient(tx, req.clientId, userId, clock());
      last = client.last;
      const lastPullAt = client.lastPullAt;
      if (m.id <= client.last) return earlierOutcome(tx, req.clientId, m);
      if (m.id !== client.last + 1)
        throw new PushRefused(409, { code: 'conflict', message: `Expected mutation ${client.last + 1}, got ${m.id}`, params: { lastMutationId: client.last } });
      const writer = createWriter(tx, { version: await takeVersion(tx), undo: null });
      const now = clock();
      const outcome = await applyOne(tx, handlers, userId, req.clientId, m, now, writer, lastPullAt);
      const error = outcome.status === 'rejected' ? outcome.error : null;
      await tx
        .insertInto('mutation_log')
        .values({
          client_id: req.clientId,
          id: m.id,
          // As sent, but storable: control characters and lone surrogates become U+FFFD (the mutation was refused for them).
          name: cleanedText(m.name),
          // What was applied (the parsed input, as a desk's outbox keeps it); of a refusal, at most 16 KiB.
          args: outcome.status === 'applied' ? JSON.stringify(outcome.input) : storedArgs(m.args),
          actor_id: userId,
          acted_at: cleanedText(m.actedAt),
          received_at: now.toISOString(),
          status: outcome.status,
          ...errorColumns(error),
        })
        .execute();
      await tx.updateTable('sync_clients').set({ last_mutation_id: m.id, updated_at: now.toISOString() }).where('client_id', '=', req.clientId).execute();
      last = m.id;
      return { id: m.id, status: outcome.status, ...(error ? { error } : {}), written: writer.written };
    }).catch((err: unknown) => {
      if (err instanceof PushRefused) throw err;
      // Logged and rethrown without the parameters, query or failing row a database error carries.
      console.error(`push from client ${req.clientId} failed at mutation ${m.id}`, loggableError(err));
      throw scrubbedError(err);
    });
    const { written, ...result } = done as typeof done & { written?: ReadonlyMap<SyncedTable, ReadonlySet<string>> };
    results.push(result);
    if (result.status === 'applied' && written) onApplied(written);
  }
  return { lastMutationId: last, results };
}

/**
 * A replayed id gets the outcome it had the first time, so a desk whose reply was lost still learns it. A
 * replay must be the same mutation (name, act time, arguments as canonical JSON): an id used again for
 * something else (a desk restored from a backup, a tampered outbox) is refused on its own, logged, and the
 * earlier outcome stands unchanged.
 */
async function earlierOutcome(tx: Kysely<Database>, clientId: string, m: PushRequest['mutations'][number]): Promise<PushResponse['results'][number]> {
  const id = m.id;
  const r = await tx.selectFrom('mutation_log').selectAll().where('client_id', '=', clientId).where('id', '=', id).executeTakeFirst();
  if (!r) return { id, status: 'skipped', duplicate: true };
  // Applied rows keep the parsed input (older ones the arguments as sent): the replay matches either way.
  const parsed = checkCall(m.name, m.args);
  const same = r.name === cleanedText(m.name) && r.acted_at === cleanedText(m.actedAt) && (sameArgs(r.args, m.args) || (parsed.ok && sameArgs(r.args, parsed.input)));
  if (!same) {
    console.warn(`push: client ${clientId} sent mutation ${id} again with different content (${r.name} before, ${cleanedText(m.name).slice(0, 64)} now); refused, the earlier outcome stands`);
    return {
      id,
      status: 'rejected',
      error: { code: 'conflict', message: `Mutation ${id} of this desk was already received with different content; this one is not applied`, params: { mutationId: id } },
    };
  }
  if (r.status === 'applied') return { id, status: 'applied', duplicate: true };
  return { id, status: 'rejected', error: storedError(r), duplicate: true };
}

/** Locks (or creates) the client's row; a client id belongs to the one user who first pushed with it. */
async function claimClient(tx: Kysely<Database>, clientId: string, userId: string, now: Date): Promise<{ last: number; lastPullAt: string | null }> {
  await tx
    .insertInto('sync_clients')
    .values({ client_id: clientId, user_id: userId, last_mutation_id: 0, updated_at: now.toISOString() })
    .onConflict((oc) => oc.column('client_id').doNothing())
    .execute();
  const row = await tx.selectFrom('sync_clients').selectAll().where('client_id', '=', clientId).forUpdate().executeTakeFirstOrThrow();
  if (row.user_id !== userId) throw new PushRefused(403, { code: 'forbidden', message: 'This client id belongs to another user' });
  return { last: Number(row.last_mutation_id), lastPullAt: row.last_pull_at ?? null };
}
