import type { Kysely } from 'kysely';
import type { SyncStatus } from '../../../shared/sync/status';
import type { BackendHandlers } from '../../../db/dispatch';
import type { Database } from '../../../db/schema';
import { loggableError } from '../../../db/sync/logged-error';
import type { DeskCredentials } from '../auth/credentials';
import { clientIdFor } from '../desk-mutations';
import { getMeta } from '../../../db/stores/meta-store';
import { countOutbox, readOutbox } from '../../../db/stores/outbox-store';
import { receiveTime } from '../../../db/sync/hlc-store';
import type { DeskEvents } from '../events';
import { applyPull, COOKIE_KEY, lastKnownMutationId, settlePush } from './rebase';
import { OfflineError, ServerRefused, type ServerLink } from './server-link';

const PUSH_BATCH = 100;
const PULL_PAGE = 1000;
/** With the poke socket up, the server says when there is news; a run every 30 s is only a safety net. */
const PERIODIC_MS = 30_000;
/** Without it (nobody signed in with a server token, or the socket cannot connect): look every 5 s. */
export const IDLE_PROBE_MS = 5_000;
/** Server unreachable: the next attempt (which starts with a 3 s probe) is never more than 3 s away. */
export const OFFLINE_RETRY_MAX_MS = 3_000;
/** Server reached but failing (5xx, a bug): back off up to a minute. */
const MAX_BACKOFF_MS = 60_000;

export interface SyncEngineOptions {
  db: Kysely<Database>;
  /** Replaced by useServer(). */
  link: ServerLink | null;
  handlers: BackendHandlers;
  events: DeskEvents;
  deskId: string;
  clock: () => Date;
  /** People's server tokens on this desk (sealed at rest, bound to the desk). */
  credentials: DeskCredentials;
  /** Backoff start; tests shorten it. */
  retryBaseMs?: number;
  /** After each push, before the pull: work that needs the pushed rows on the server (recordings' bytes). */
  afterPush?(link: ServerLink): Promise<unknown>;
}

/**
 * Keeps one desk converging with the server: pushes every person's pending mutations with that
 * person's token, pulls the signed-in person's scope and rebases. Runs on commit, on poke, every
 * 30 s (5 s without a poke socket), and after failures with capped exponential backoff. One run at a
 * time, and every run ends by publishing online, offline or signedOut, whatever fails inside it.
 * A poke socket that drops makes the desk offline at once and starts a run (its probe decides).
 */
export class SyncEngine {
  private activeUser: string | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private timer: NodeJS.Timeout | null = null;
  private failures = 0;
  private stopListening: (() => void) | null = null;
  private stopped = false;
  private current: SyncStatus;
  /** Last outbox count told; used if counting fails, so a status still goes out. */
  private lastPending = 0;
  /** The poke socket is open: news arrives by itself. */
  private socketUp = false;
  /** Bumped whenever the socket is replaced; callbacks of an older one are ignored. */
  private listenGen = 0;

  constructor(private readonly o: SyncEngineOptions) {
    this.current = { state: o.link ? 'offline' : 'standalone', pending: 0, lastSyncedAt: null, firstSync: null, retryInSeconds: null, serverUrl: o.link?.url ?? null };
  }

  /** `db`: pass the caller's transaction when inside one (SQLite has one connection). */
  async status(db: Kysely<Database> = this.o.db): Promise<SyncStatus> {
    const pending = await countOutbox(db);
    // The state as it is after the count, not before it: an answer is never older than its own wait.
    return { ...this.current, pending };
  }

  /** Never throws: a "syncing" with no final state after it would stand on every screen. */
  private async publish(patch: Partial<SyncStatus>): Promise<void> {
    this.current = { ...this.current, ...patch };
    try {
      this.lastPending = await countOutbox(this.o.db);
    } catch {
      // The database is closing (or failing): tell the state with the last count rather than nothing.
    }
    // Whatever state is current when the count returns: events leave in the order states were set.
    this.o.events.emit({ type: 'sync', status: { ...this.current, pending: this.lastPending } });
  }

  /** Points the desk at another server (or none). Its tokens and cookie belonged to the old one. */
  async useServer(link: ServerLink | null): Promise<void> {
    this.dropSocket();
    this.o.link = link;
    await this.o.db.deleteFrom('desk_credentials').execute();
    await this.o.db.deleteFrom('zb_meta').where('key', '=', COOKIE_KEY).execute();
    this.failures = 0;
    await this.publish({ state: link ? 'signedOut' : 'standalone', serverUrl: link?.url ?? null, lastSyncedAt: null, retryInSeconds: null });
  }

  /** The person whose scope this desk mirrors; switching people resets the mirror at the next pull. */
  async setActiveUser(userId: string): Promise<void> {
    this.activeUser = userId;
    const gen = this.dropSocket();
    const token = await this.tokenFor(userId);
    if (gen !== this.listenGen) return; // Someone else signed in (or the server changed) meanwhile.
    if (this.o.link && token && !this.stopped) this.listen(this.o.link, token, gen);
    this.kick();
  }

  private dropSocket(): number {
    this.stopListening?.();
    this.stopListening = null;
    this.socketUp = false;
    return ++this.listenGen;
  }

  private listen(link: ServerLink, token: string, gen: number): void {
    const mine = () => gen === this.listenGen && !this.stopped;
    this.stopListening = link.listen(token, () => mine() && this.kick(), {
      up: () => {
        if (mine()) this.socketUp = true;
      },
      down: () => {
        if (!mine()) return;
        this.socketUp = false;
        this.connectionLost();
      },
      refused: () => {
        if (!mine()) return;
        this.socketUp = false;
        this.stopListening = null;
        this.kick(); // The run meets the same refusal and says signedOut.
      },
    });
  }

  /**
   * The poke socket dropped (server stopped, cable cut): offline now, and a run now to see whether the
   * server is really gone (its probe answers within 3 s) or the socket alone was lost.
   */
  private connectionLost(): void {
    if (this.stopped || !this.o.link) return;
    if (this.current.state === 'online' || this.current.state === 'syncing') void this.publish({ state: 'offline', retryInSeconds: 1, firstSync: null });
    this.kick();
  }

  /** Sync soon (coalesces bursts of commits and pokes into one run). */
  kick(): void {
    if (!this.o.link || this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.schedule(0);
  }

  /** Stops the loop and waits for a run in flight, so the database can close under no one. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.dropSocket();
    await this.running?.catch(() => undefined);
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.syncNow().catch(() => undefined), ms);
    this.timer.unref?.();
  }

  /** One full push + pull now; resolves when done (or failed, with status saying so). */
  async syncNow(): Promise<SyncStatus> {
    if (!this.o.link || this.stopped) return this.status();
    if (this.running) {
      this.again = true;
      await this.running;
      return this.status();
    }
    this.running = this.run().finally(() => {
      this.running = null;
    });
    await this.running;
    if (this.again && !this.stopped) {
      this.again = false;
      return this.syncNow();
    }
    return this.status();
  }

  /** The central server's token for this person, while it is still valid. */
  async tokenFor(userId: string): Promise<string | null> {
    return this.o.credentials.serverToken(userId);
  }

  /**
   * Sign-outs waiting for the server: once a person's own pending work has been pushed, their token is
   * revoked there and forgotten here (their offline sign-in stays). Offline, they wait for the next run.
   */
  private async revokeSignedOut(link: ServerLink): Promise<void> {
    for (const userId of await this.o.credentials.pendingSignOuts()) {
      const waiting = await this.o.db.selectFrom('outbox').select('id').where('actor_id', '=', userId).limit(1).executeTakeFirst();
      if (waiting) continue;
      const token = await this.tokenFor(userId);
      if (token) {
        try {
          await link.call(token, 'session.logout', {});
        } catch (err) {
          if (!(err instanceof ServerRefused)) throw err; // offline: try again at the next run
        }
      }
      await this.o.credentials.forgetToken(userId);
    }
  }

  /** Never rejects, and always ends with one published final state (online, offline or signedOut). */
  private async run(): Promise<void> {
    const link = this.o.link!;
    let outcome: Partial<SyncStatus>;
    let next: number;
    try {
      // A run with nothing to push and no one's scope to pull only checks the server: it does not "sync".
      if (await this.hasWork()) await this.publish({ state: 'syncing', retryInSeconds: null });
      const pushed = await this.pushAll(link);
      await this.o.afterPush?.(link);
      const pulled = await this.pullActive(link);
      // The login page shows whether the server is there: a run that asked it nothing asks now.
      if (!pushed.contacted && !pulled) await link.health?.();
      this.failures = 0;
      outcome = { state: pushed.needsSignIn ? 'signedOut' : 'online', lastSyncedAt: this.o.clock().toISOString(), firstSync: null, retryInSeconds: null };
      next = this.socketUp ? PERIODIC_MS : IDLE_PROBE_MS;
    } catch (err) {
      if (!(err instanceof OfflineError) && !(err instanceof ServerRefused)) console.error('sync failed', loggableError(err));
      this.failures++;
      const base = this.o.retryBaseMs ?? 1000;
      const unreachable = err instanceof OfflineError && !err.serverError;
      next = Math.min(base * 2 ** (this.failures - 1), unreachable ? OFFLINE_RETRY_MAX_MS : MAX_BACKOFF_MS);
      const signedOut = err instanceof ServerRefused && err.status === 401;
      outcome = { state: signedOut ? 'signedOut' : 'offline', retryInSeconds: Math.ceil(next / 1000), firstSync: null };
    }
    await this.publish(outcome);
    this.schedule(next);
  }

  /** Something to push, a sign-out to take to the server, or a signed-in person whose scope to pull. */
  private async hasWork(): Promise<boolean> {
    if ((await countOutbox(this.o.db)) > 0) return true;
    if ((await this.o.credentials.pendingSignOuts()).length > 0) return true;
    return this.activeUser !== null && (await this.tokenFor(this.activeUser)) !== null;
  }

  /** Pushes every client's pending mutations in order; needsSignIn if someone's token is missing or refused. */
  private async pushAll(link: ServerLink): Promise<{ needsSignIn: boolean; contacted: boolean }> {
    let needsSignIn = false;
    let contacted = false;
    const clients = (await this.o.db.selectFrom('outbox').select('client_id').distinct().execute()).map((r) => r.client_id);
    for (const clientId of clients) {
      for (;;) {
        const batch = await readOutbox(this.o.db, clientId, PUSH_BATCH);
        if (batch.length === 0) break;
        const token = await this.tokenFor(batch[0]!.actorId);
        if (!token) {
          needsSignIn = true;
          break;
        }
        let res;
        contacted = true;
        try {
          res = await link.push(token, { clientId, mutations: batch.map((e) => ({ id: e.id, name: e.name, args: e.args, actedAt: e.actedAt })) });
        } catch (err) {
          if (err instanceof ServerRefused && err.status === 401) {
            needsSignIn = true;
            break;
          }
          throw err;
        }
        await settlePush(this.o.db, clientId, batch, res, this.o.clock().toISOString());
        this.o.events.emit({ type: 'changed', method: 'sync.push', tables: [] });
        if (res.lastMutationId < batch[batch.length - 1]!.id) break; // The server stopped early; next run resumes.
      }
    }
    await this.revokeSignedOut(link);
    return { needsSignIn, contacted };
  }

  /** Pulls the signed-in person's scope page by page; false if there was no one (with a token) to pull for. */
  private async pullActive(link: ServerLink): Promise<boolean> {
    if (!this.activeUser) return false;
    const token = await this.tokenFor(this.activeUser);
    if (!token) return false;
    // The person's own client id, made now if they have not acted here yet: the server ties a client id to
    // one person, so a desk-wide id would be refused for the second person who signs in at this desk.
    const pullClient = await clientIdFor(this.o.db, this.activeUser);
    let received = 0;
    for (;;) {
      const cookie = await getMeta(this.o.db, COOKIE_KEY);
      const since = await lastKnownMutationId(this.o.db, pullClient);
      const res = await link.pull(token, { clientId: pullClient, cookie, sinceMutationId: since, limit: PULL_PAGE });
      const rows = Object.values(res.patch).reduce((n, list) => n + list.length, 0);
      received += rows;
      await applyPull(this.o.db, { clientId: pullClient, actorId: this.activeUser, res, sinceMutationId: since, handlers: this.o.handlers, now: this.o.clock().toISOString() });
      await receiveTime(this.o.db, this.o.deskId, Date.parse(res.serverTime), this.o.clock().getTime());
      if (rows > 0 || res.rejections.length > 0 || res.reset) this.o.events.emit({ type: 'changed', method: 'sync.pull', tables: Object.keys(res.patch) });
      // The total was counted on the sequence's first page; commits landing meanwhile may add a few rows.
      if (res.reset || received < res.total) await this.publish({ firstSync: { received, total: Math.max(received, res.total) } });
      // A page that moved nothing forward would be asked for again forever: the next run resumes instead.
      if (!res.more || res.cookie === cookie) break;
    }
    return true;
  }
}
