import type { Kysely } from 'kysely';
import type { SyncStatus } from '../../../shared/sync/status';
import type { BackendHandlers } from '../../../db/dispatch';
import type { Database } from '../../../db/schema';
import { getMeta } from '../../../db/stores/meta-store';
import { countOutbox, readOutbox } from '../../../db/stores/outbox-store';
import { receiveTime } from '../../../db/sync/hlc-store';
import type { DeskEvents } from '../events';
import { applyPull, COOKIE_KEY, lastKnownMutationId, settlePush } from './rebase';
import { OfflineError, ServerRefused, type ServerLink } from './server-link';

const PUSH_BATCH = 100;
const PULL_PAGE = 1000;
const PERIODIC_MS = 30_000;
const MAX_BACKOFF_MS = 60_000;

export interface SyncEngineOptions {
  db: Kysely<Database>;
  /** Replaced by useServer(). */
  link: ServerLink | null;
  handlers: BackendHandlers;
  events: DeskEvents;
  deskId: string;
  clock: () => Date;
  /** Backoff start; tests shorten it. */
  retryBaseMs?: number;
}

/**
 * Keeps one desk converging with the server: pushes every person's pending mutations with that
 * person's token, pulls the signed-in person's scope and rebases. Runs on commit, on poke, every
 * 30 s, and after failures with capped exponential backoff. One run at a time.
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

  constructor(private readonly o: SyncEngineOptions) {
    this.current = { state: o.link ? 'offline' : 'standalone', pending: 0, lastSyncedAt: null, firstSync: null, retryInSeconds: null, serverUrl: o.link?.url ?? null };
  }

  /** `db`: pass the caller's transaction when inside one (SQLite has one connection). */
  async status(db: Kysely<Database> = this.o.db): Promise<SyncStatus> {
    return { ...this.current, pending: await countOutbox(db) };
  }

  private async publish(patch: Partial<SyncStatus>): Promise<void> {
    this.current = { ...this.current, ...patch };
    this.o.events.emit({ type: 'sync', status: await this.status() });
  }

  /** Points the desk at another server (or none). Its tokens and cookie belonged to the old one. */
  async useServer(link: ServerLink | null): Promise<void> {
    this.stopListening?.();
    this.stopListening = null;
    this.o.link = link;
    await this.o.db.deleteFrom('desk_credentials').execute();
    await this.o.db.deleteFrom('zb_meta').where('key', '=', COOKIE_KEY).execute();
    this.failures = 0;
    await this.publish({ state: link ? 'signedOut' : 'standalone', serverUrl: link?.url ?? null, lastSyncedAt: null, retryInSeconds: null });
  }

  /** The person whose scope this desk mirrors; switching people resets the mirror at the next pull. */
  async setActiveUser(userId: string): Promise<void> {
    this.activeUser = userId;
    this.stopListening?.();
    this.stopListening = null;
    const token = await this.tokenFor(userId);
    if (this.o.link && token) this.stopListening = this.o.link.listen(token, () => this.kick());
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
    this.stopListening?.();
    await this.running?.catch(() => undefined);
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.syncNow(), ms);
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
    const row = await this.o.db.selectFrom('desk_credentials').select(['server_token', 'expires_at']).where('user_id', '=', userId).executeTakeFirst();
    return row && row.expires_at > this.o.clock().toISOString() ? row.server_token : null;
  }

  private async run(): Promise<void> {
    const link = this.o.link!;
    await this.publish({ state: 'syncing', retryInSeconds: null });
    try {
      const needsSignIn = await this.pushAll(link);
      await this.pullActive(link);
      this.failures = 0;
      await this.publish({ state: needsSignIn ? 'signedOut' : 'online', lastSyncedAt: this.o.clock().toISOString(), firstSync: null });
      if (!this.stopped) this.schedule(PERIODIC_MS);
    } catch (err) {
      if (!(err instanceof OfflineError) && !(err instanceof ServerRefused)) console.error('sync failed', err);
      this.failures++;
      const base = this.o.retryBaseMs ?? 1000;
      const delay = Math.min(base * 2 ** (this.failures - 1), MAX_BACKOFF_MS);
      const signedOut = err instanceof ServerRefused && err.status === 401;
      await this.publish({ state: signedOut ? 'signedOut' : 'offline', retryInSeconds: Math.ceil(delay / 1000), firstSync: null });
      if (!this.stopped) this.schedule(delay);
    }
  }

  /** Pushes every client's pending mutations in order; true if someone's token is missing or refused. */
  private async pushAll(link: ServerLink): Promise<boolean> {
    let needsSignIn = false;
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
    return needsSignIn;
  }

  private async pullActive(link: ServerLink): Promise<void> {
    if (!this.activeUser) return;
    const token = await this.tokenFor(this.activeUser);
    if (!token) return;
    const clientId = await getMeta(this.o.db, `client:${this.activeUser}`);
    const pullClient = clientId ?? `00000000-0000-4000-8000-${this.o.deskId.replace(/-/g, '').slice(0, 12)}`;
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
      if (res.reset || received < res.total) await this.publish({ firstSync: { received, total: res.total } });
      if (!res.more) break;
    }
  }
}
