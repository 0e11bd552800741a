import { sql, type Insertable, type Kysely } from 'kysely';
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
import { findActiveActor, findActiveActors } from '../../db/stores/users-store';
import { advanceVersion, takeVersion } from './versions';
import { applyInChunks, isChunked, type ChunkHooks } from './chunked-push';
import { policyAt } from '../../shared/policy/in-force';
import type { PolicyVersion } from '../../shared/policy/schema';
import type { PolicyPort } from '../../shared/policy/port';
import type { Store } from '../../shared/store/store';
import { errorColumns, loggableError, sameArgs, scrubbedError, storedArgs, storedError } from '../../db/sync/logged-error';
import { createWriter, type Writer } from '../../db/sync/writer';
import { isDatabaseUnavailable } from '../../db/unavailable';
import { appendAudit } from '../../db/audit/chain';
import type { SyncedTable } from '../../db/sync/synced-tables';

export class PushRefused extends Error {
  constructor(
    readonly status: number,
    readonly wire: WireError,
  ) {
    super(wire.message);
  }
}

type Outcome = { status: 'applied'; input: unknown } | { status: 'rejected'; error: WireError };

/**
 * Mutations applied in one transaction at most. Each runs under its own savepoint, and PostgreSQL keeps a
 * transaction's first 64 subtransaction ids in shared memory (beyond that every other session's snapshot
 * checks pg_subtrans): a desk's push of 100 becomes two commits. It also bounds how long a push holds the
 * version row lock (DECISIONS.md, "A push is applied in one transaction").
 */
export const PUSH_TX_MUTATIONS = 50;

/**
 * What a commit reads once rather than per mutation: each pusher as the server knows them and the policy
 * versions by date. Forgotten when a mutation writes people or policy, or is rolled back, so every mutation
 * still sees exactly what one transaction of its own would have seen.
 */
class PushReads {
  private readonly actors = new Map<string, Promise<Actor | null>>();
  private readonly policies = new Map<string, Promise<PolicyVersion | null>>();
  constructor(private readonly tx: Kysely<Database>) {}

  /** Every pusher of a commit in one statement, once the version lock is held (so read as of now). */
  async prefetch(userIds: readonly string[]): Promise<void> {
    const missing = [...new Set(userIds)].filter((id) => !this.actors.has(id));
    if (missing.length < 2) return;
    const found = await findActiveActors(this.tx, missing);
    for (const id of missing) this.actors.set(id, Promise.resolve(found.get(id) ?? null));
  }

  currentActor(userId: string): Promise<Actor | null> {
    let found = this.actors.get(userId);
    if (!found) this.actors.set(userId, (found = findActiveActor(this.tx, userId)));
    return found;
  }

  /** A store whose policy reads go through this cache, and whose policy writes empty it. */
  store(writer: Writer): Store {
    const store = makeStore(this.tx, writer);
    const base = store.policy;
    const at = (date: string) => {
      let found = this.policies.get(date);
      if (!found) this.policies.set(date, (found = base.at(date)));
      return found;
    };
    const insert: PolicyPort['insert'] = async (v) => {
      this.forget();
      await base.insert(v);
    };
    return { ...store, policy: { ...base, at, insert } };
  }

  /** After a mutation: what it wrote (or a rollback) may have changed what was read. */
  after(written: ReadonlyMap<SyncedTable, ReadonlySet<string>> | null): void {
    // Actors are read before a mutation's savepoint, never inside it: a rollback leaves them true.
    if (written?.has('users')) this.actors.clear();
    if (written === null || written.has('policy_versions') || written.has('users')) this.forget();
  }

  private forget(): void {
    this.policies.clear();
  }
}

/**
 * Runs one pushed mutation against canonical state, the way the desk ran it: same table, same shared
 * handler, the actor's role as the server knows it now, the act time bounded by the server's clock.
 */
async function applyOne(tx: Kysely<Database>, reads: PushReads, handlers: BackendHandlers, userId: string, clientId: string, m: PushRequest['mutations'][number], serverNow: Date, writer: Writer, lastPullAt: string | null, done: { output: unknown } | null): Promise<Outcome> {
  const checked = checkCall(m.name, m.args);
  if (!checked.ok) return { status: 'rejected', error: checked.error };
  const spec = api[checked.method];
  if (spec.kind !== 'mutation') return { status: 'rejected', error: { code: 'bad_request', message: `${m.name} is not a mutation` } };
  const actor: Actor | null = await reads.currentActor(userId);
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
  const store = reads.store(writer);
  const policy = await policyAt(store, serverNow.toISOString());
  const verdict = checkActTime(actedWall, serverNow.getTime(), policy);
  if (!verdict.ok) return { status: 'rejected', error: { code: 'rule_violation', message: `Act time refused (${verdict.ruleId})`, ruleIds: [verdict.ruleId], params: verdict.params } };

  // The effect runs under its own savepoint: a rejected mutation leaves no trace but its log entry, and the
  // push's other mutations stand. Never released (one round trip less): a later mutation's savepoint nests
  // inside it, and rolling back to the newest of the name undoes that mutation alone.
  await sql`savepoint apply_one`.execute(tx);
  try {
    const handler = handlers[checked.method as TxMethod] as (ctx: BackendContext, i: unknown) => Promise<unknown>;
    // Time rules judge the act as of when it was done, but never before this desk's last pull (DECISIONS.md).
    const judged = judgedActTime(actedWall, lastPullAt ? Date.parse(lastPullAt) : null, serverNow.getTime());
    const ctx = { actor, now: new Date(judged.at).toISOString(), store, tx, ...(judged.offlineAt !== null ? { actedOfflineAt: new Date(judged.offlineAt).toISOString() } : {}) };
    // A chunked mutation (a month's import) has already written its chunks: only its result is logged here.
    spec.output.parse(done ? done.output : await handler(ctx, checked.input));
    if (spec.audit) await appendAudit(tx, writer, { at: ctx.now, actorId: actor.userId, action: checked.method, subject: checked.input, outcome: 'applied', clientId });
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

type LogRow = Insertable<Database['mutation_log']> & ReturnType<typeof errorColumns>;
type Result = PushResponse['results'][number];
type Mutations = PushRequest['mutations'];

/** One desk's share of a commit: up to PUSH_TX_MUTATIONS of its mutations, in order. */
interface Member {
  userId: string;
  clientId: string;
  part: Mutations;
  /** A chunked mutation's result, its chunks already committed (applyInChunks). */
  chunked: { output: unknown } | null;
}

/** What one member's share came to, once the shared commit is done. */
interface MemberDone {
  out: Result[];
  lastId: number;
  /** A gap in the ids: what came before it is committed, the push is then refused with this. */
  gap: PushRefused | null;
  /** Refused before anything of it ran (the client id belongs to another user). */
  refused: PushRefused | null;
}

/** A client as this commit knows it: claimed (locked) once, advanced in memory, written once at the end. */
interface ClientState {
  userId: string;
  last: number;
  lastPullAt: string | null;
  /** Its log rows written by this commit so far (a replay of one is answered from here). */
  log: LogRow[];
}

/**
 * Applies one or more desks' shares in ONE transaction (group commit, DECISIONS.md): the clients claimed in one
 * statement, one version row lock for all of them, every mutation under its own savepoint in arrival order (a
 * later desk's rule checks see an earlier desk's writes, as consecutive transactions would), each desk's log
 * and client advance kept apart but written together in one statement. A desk refused (client of another
 * user, a gap) gets its own refusal; the others go on. A database error fails the whole transaction: the
 * caller then runs each desk alone so that only the one at fault fails.
 */
async function commitGroup(db: Kysely<Database>, handlers: BackendHandlers, clock: () => Date, members: readonly Member[]): Promise<{ done: MemberDone[]; written: Map<SyncedTable, Set<string>> }> {
  return db.transaction().execute(async (tx) => {
    const clients = await claimClients(tx, members, clock());
    const reads = new PushReads(tx);
    const written = new Map<SyncedTable, Set<string>>();
    const done: MemberDone[] = [];
    /** The version sync_state holds (taken, and locked, by the first mutation to run), and the last one used. */
    let taken: number | null = null;
    let used: number | null = null;
    let now = clock();
    for (const member of members) {
      const client = clients.get(member.clientId)!;
      const out: Result[] = [];
      if (client.userId !== member.userId) {
        done.push({ out, lastId: client.last, gap: null, refused: new PushRefused(403, { code: 'forbidden', message: 'This client id belongs to another user' }) });
        continue;
      }
      let gap: PushRefused | null = null;
      for (const m of member.part) {
        if (m.id <= client.last) {
          out.push(await earlierOutcome(tx, member.clientId, m, client.log));
          continue;
        }
        if (m.id !== client.last + 1) {
          gap = new PushRefused(409, { code: 'conflict', message: `Expected mutation ${client.last + 1}, got ${m.id}`, params: { lastMutationId: client.last } });
          break;
        }
        if (taken === null) {
          taken = await takeVersion(tx);
          await reads.prefetch(members.map((x) => x.userId));
        }
        const writer = createWriter(tx, { version: used === null ? taken : used + 1, undo: null });
        now = clock();
        const outcome = await applyOne(tx, reads, handlers, member.userId, member.clientId, m, now, writer, client.lastPullAt, member.chunked);
        const error = outcome.status === 'rejected' ? outcome.error : null;
        if (outcome.status === 'applied') {
          used = writer.version;
          for (const [table, keys] of writer.written) {
            const into = written.get(table) ?? new Set<string>();
            for (const k of keys) into.add(k);
            written.set(table, into);
          }
        }
        reads.after(outcome.status === 'applied' ? writer.written : null);
        client.log.push({
          client_id: member.clientId,
          id: m.id,
          // As sent, but storable: control characters and lone surrogates become U+FFFD (the mutation was refused for them).
          name: cleanedText(m.name),
          // What was applied (the parsed input, as a desk's outbox keeps it); of a refusal, at most 16 KiB.
          args: outcome.status === 'applied' ? JSON.stringify(outcome.input) : storedArgs(m.args),
          actor_id: member.userId,
          acted_at: cleanedText(m.actedAt),
          received_at: now.toISOString(),
          status: outcome.status,
          ...errorColumns(error),
        });
        out.push({ id: m.id, status: outcome.status, ...(error ? { error } : {}) });
        client.last = m.id;
      }
      done.push({ out, lastId: client.last, gap, refused: null });
    }
    await logAndAdvance(tx, clients, now);
    // Every applied mutation took the next version in memory: sync_state moves once, to the last of them.
    if (taken !== null && used !== null && used > taken) await advanceVersion(tx, used);
    return { done, written };
  });
}

/**
 * Every member's log rows and its client's advance in one statement (a data-modifying WITH runs whether read
 * or not); one desk is the common case and keeps the plain form.
 */
async function logAndAdvance(tx: Kysely<Database>, clients: ReadonlyMap<string, ClientState>, now: Date): Promise<void> {
  const moved = [...clients].filter(([, c]) => c.log.length > 0);
  if (moved.length === 0) return;
  const log = moved.flatMap(([, c]) => c.log);
  const at = now.toISOString();
  const logged = tx.with('logged', (w) => w.insertInto('mutation_log').values(log).returning('id'));
  if (moved.length === 1) {
    const [clientId, c] = moved[0]!;
    await logged.updateTable('sync_clients').set({ last_mutation_id: c.last, updated_at: at }).where('client_id', '=', clientId).execute();
    return;
  }
  const advance = JSON.stringify(moved.map(([clientId, c]) => ({ client_id: clientId, last_id: c.last })));
  await logged
    .updateTable('sync_clients')
    .from(sql<{ client_id: string; last_id: number }>`jsonb_to_recordset(${advance}::jsonb)`.as<'v'>(sql`v(client_id text, last_id bigint)`))
    .set({ last_mutation_id: sql<number>`v.last_id`, updated_at: at })
    .whereRef('sync_clients.client_id', '=', 'v.client_id')
    .execute();
}

/** How a push's transactions are committed: alone (one desk per transaction) or grouped with other desks'. */
type Commit = (member: Member) => Promise<MemberDone>;

/**
 * Applies a desk's pending mutations in order, up to PUSH_TX_MUTATIONS in one transaction: one client row
 * lock, one version row lock, the log written in one statement. Each applied mutation keeps a version of its
 * own (a pull page never splits one, and never needs to hold a whole push). Ids already processed are
 * skipped (idempotent replay); a gap stops the batch after what came before it is committed (the desk
 * resends from lastMutationId); a rejection is recorded with its rule IDs and still advances the client, or
 * the desk would be stuck. A transient database failure fails the transaction, so the desk resends it whole.
 */
async function pushThrough(
  db: Kysely<Database>,
  commit: Commit,
  userId: string,
  req: PushRequest,
  clock: () => Date,
  onApplied: (written: ReadonlyMap<SyncedTable, ReadonlySet<string>>) => void,
  hooks: ChunkHooks,
): Promise<PushResponse> {
  const results: Result[] = [];
  let last = 0;
  // Up to PUSH_TX_MUTATIONS per transaction; a chunked mutation (an import) goes alone, its chunks committed first.
  const parts: Mutations[] = [];
  for (const m of req.mutations) {
    const open = parts[parts.length - 1];
    if (!open || open.length >= PUSH_TX_MUTATIONS || isChunked(m.name) || isChunked(open[0]!.name)) parts.push([m]);
    else open.push(m);
  }
  for (const part of parts) {
    const chunked = isChunked(part[0]!.name) ? await applyInChunks(db, userId, req.clientId, part[0]!, clock(), onApplied, hooks) : null;
    const done = await commit({ userId, clientId: req.clientId, part, chunked });
    if (done.refused) throw done.refused;
    results.push(...done.out);
    last = done.lastId;
    // Refused after the commit: what came before the gap stands, as when each mutation had its own transaction.
    if (done.gap) throw done.gap;
  }
  return { lastMutationId: last, results };
}

/** Runs a group's commit; a failed one is logged per desk and rethrown without what a database error carries. */
async function commitLogged(db: Kysely<Database>, handlers: BackendHandlers, clock: () => Date, members: readonly Member[]) {
  try {
    return await commitGroup(db, handlers, clock, members);
  } catch (err) {
    if (err instanceof PushRefused) throw err;
    // Logged and rethrown without the parameters, query or failing row a database error carries.
    if (members.length > 1) console.error(`a commit of ${members.length} desks' pushes failed; each runs again alone`, loggableError(err));
    else console.error(`push from client ${members[0]!.clientId} failed at mutations ${members[0]!.part[0]!.id}–${members[0]!.part.at(-1)!.id}`, loggableError(err));
    throw scrubbedError(err);
  }
}

/** One desk's push, each of its transactions its own (tests, benchmarks, and a server that groups nothing). */
export async function processPush(
  db: Kysely<Database>,
  handlers: BackendHandlers,
  userId: string,
  req: PushRequest,
  clock: () => Date,
  onApplied: (written: ReadonlyMap<SyncedTable, ReadonlySet<string>>) => void,
  hooks: ChunkHooks = {},
): Promise<PushResponse> {
  const commit: Commit = async (member) => {
    const { done, written } = await commitLogged(db, handlers, clock, [member]);
    if (written.size > 0) onApplied(written);
    return done[0]!;
  };
  return pushThrough(db, commit, userId, req, clock, onApplied, hooks);
}

/** How long pushes waited to join a commit, and how many desks each commit carried (bench/load reads them). */
export interface GroupStats {
  commits: number;
  members: number;
  largest: number;
  /** Milliseconds from a share's arrival to the start of the commit that carried it, one per share. */
  queueWaitMs: number[];
  /** Commits that failed and were run again one desk at a time. */
  split: number;
  /** Milliseconds each commit took, begin to commit (the version lock is held for most of it). */
  commitMs: number[];
}

/** Timing samples for the benchmarks, bounded: a server that runs for months keeps only the latest. */
const MAX_SAMPLES = 50_000;
function sample(xs: number[], v: number): void {
  if (xs.length >= MAX_SAMPLES) xs.splice(0, MAX_SAMPLES / 2);
  xs.push(v);
}

/**
 * Group commit across desks (#16; DECISIONS.md "Pushes from many desks share a commit"): the server applies
 * pushes one commit at a time anyway (the version row lock), so a push that arrives while a commit is in flight
 * waits here, not on a pooled connection, and joins the next commit with every other push that arrived
 * meanwhile — the lock, the commit and the pokes are paid once per group instead of once per desk. No timer: a
 * push arriving to an idle server commits at once. Acknowledged only after the shared commit.
 */
export class PushCommitter {
  private readonly queue: { member: Member; at: number; resolve: (d: MemberDone) => void; reject: (e: unknown) => void }[] = [];
  private running = false;
  readonly stats: GroupStats = { commits: 0, members: 0, largest: 0, queueWaitMs: [], split: 0, commitMs: [] };

  constructor(
    private readonly db: Kysely<Database>,
    private readonly handlers: BackendHandlers,
    private readonly clock: () => Date,
    private readonly onApplied: (written: ReadonlyMap<SyncedTable, ReadonlySet<string>>) => void,
  ) {}

  push(userId: string, req: PushRequest, hooks: ChunkHooks = {}): Promise<PushResponse> {
    const commit: Commit = (member) =>
      new Promise<MemberDone>((resolve, reject) => {
        this.queue.push({ member, at: performance.now(), resolve, reject });
        if (!this.running) void this.drain();
      });
    return pushThrough(this.db, commit, userId, req, this.clock, this.onApplied, hooks);
  }

  private async drain(): Promise<void> {
    this.running = true;
    try {
      while (this.queue.length > 0) {
        // As many waiting shares as keep the transaction within PUSH_TX_MUTATIONS savepoints (at least one).
        let size = 0;
        let n = 0;
        while (n < this.queue.length && (n === 0 || size + this.queue[n]!.member.part.length <= PUSH_TX_MUTATIONS)) size += this.queue[n++]!.member.part.length;
        const group = this.queue.splice(0, n);
        const start = performance.now();
        for (const g of group) sample(this.stats.queueWaitMs, start - g.at);
        await this.run(group);
      }
    } finally {
      this.running = false;
    }
  }

  private async run(group: PushCommitter['queue']): Promise<void> {
    this.stats.commits++;
    this.stats.members += group.length;
    this.stats.largest = Math.max(this.stats.largest, group.length);
    try {
      const t0 = performance.now();
      const { done, written } = await commitLogged(this.db, this.handlers, this.clock, group.map((g) => g.member));
      sample(this.stats.commitMs, performance.now() - t0);
      // Pokes once per group, from everything the commit wrote.
      if (written.size > 0) this.onApplied(written);
      group.forEach((g, i) => g.resolve(done[i]!));
    } catch (err) {
      if (group.length === 1) return group[0]!.reject(err);
      // The shared commit failed (a database error rolls back everything): each desk again in a commit of its
      // own, so only the one at fault (or all, if the database is away) is told so.
      this.stats.split++;
      for (const g of group) await this.run([g]);
    }
  }
}

/** Locks (or creates) every member's client row in one statement, in key order (two servers never deadlock). */
async function claimClients(tx: Kysely<Database>, members: readonly Member[], now: Date): Promise<Map<string, ClientState>> {
  const first = new Map<string, string>();
  for (const m of members) if (!first.has(m.clientId)) first.set(m.clientId, m.userId);
  const values = [...first].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([client_id, user_id]) => ({ client_id, user_id, last_mutation_id: 0, updated_at: now.toISOString() }));
  // Created if new, else locked as it is (ON CONFLICT DO UPDATE locks the row like FOR UPDATE).
  const rows = await tx
    .insertInto('sync_clients')
    .values(values)
    .onConflict((oc) => oc.column('client_id').doUpdateSet({ client_id: (eb) => eb.ref('excluded.client_id') }))
    .returning(['client_id', 'user_id', 'last_mutation_id', 'last_pull_at'])
    .execute();
  return new Map(rows.map((r) => [r.client_id, { userId: r.user_id, last: Number(r.last_mutation_id), lastPullAt: r.last_pull_at ?? null, log: [] }]));
}

/**
 * A replayed id gets the outcome it had the first time, so a desk whose reply was lost still learns it. A
 * replay must be the same mutation (name, act time, arguments as canonical JSON): an id used again for
 * something else (a desk restored from a backup, a tampered outbox) is refused on its own, logged, and the
 * earlier outcome stands unchanged.
 */
async function earlierOutcome(tx: Kysely<Database>, clientId: string, m: PushRequest['mutations'][number], pending: readonly LogRow[]): Promise<Result> {
  const id = m.id;
  // Received earlier in this same transaction: its log entry is not written yet.
  const r = pending.find((p) => p.id === id) ?? (await tx.selectFrom('mutation_log').selectAll().where('client_id', '=', clientId).where('id', '=', id).executeTakeFirst());
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
