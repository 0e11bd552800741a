import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import type { Database } from '../../db/schema';
import { loggableError } from '../../db/sync/logged-error';

/**
 * Several server processes on one PostgreSQL: a commit on one must poke desks connected to the others, and a
 * token revoked on one must close its sockets on all. Each process pokes its own sockets at once and tells the
 * others through PostgreSQL's LISTEN/NOTIFY (no broker to run). A notice is a hint, never the data: a desk
 * that misses one still gets everything at its next pull.
 */
export interface PokeNotice {
  /** Keys written per table; null when the keys did not fit a notice (then every listener of those tables). */
  written: Record<string, string[]> | null;
  tables: string[];
  /** Token hashes revoked (server-sessions.ts hashToken), never tokens. */
  revoked: string[];
}

export interface PokeBus {
  publish(notice: PokeNotice): void;
  close(): Promise<void>;
}

export const POKE_CHANNEL = 'zhiban_poke';
/** NOTIFY payloads must stay under 8000 bytes; above this the notice names tables only. */
const MAX_PAYLOAD = 7_000;

/** One process alone (PGlite, or a single server): nothing to tell. */
export const soloBus: PokeBus = { publish: () => undefined, close: async () => undefined };

export function noticePayload(from: string, n: PokeNotice): string {
  const full = JSON.stringify({ from, ...n });
  return full.length <= MAX_PAYLOAD ? full : JSON.stringify({ from, written: null, tables: n.tables, revoked: n.revoked.slice(0, 50) });
}

/**
 * Publishes on `db` (after the commit that wrote the rows) and listens on a connection of its own, reconnecting
 * with backoff. `onNotice` runs for other processes' notices; `onReconnect` after a gap in listening, when
 * notices may have been missed (the caller pokes every socket: their pulls find what changed).
 */
export function postgresBus(o: { db: Kysely<Database>; url: string; onNotice: (n: PokeNotice) => void; onReconnect: () => void }): PokeBus {
  const self = randomUUID();
  let client: pg.Client | null = null;
  let closed = false;
  let delay = 500;
  let listenedBefore = false;

  const connect = async () => {
    if (closed) return;
    const c = new pg.Client({ connectionString: o.url });
    client = c;
    c.on('error', (err) => console.error('poke listener connection lost; reconnecting', loggableError(err)));
    c.on('end', () => {
      if (client === c) client = null;
      if (!closed) setTimeout(() => void connect(), delay).unref();
      delay = Math.min(delay * 2, 30_000);
    });
    c.on('notification', (msg) => {
      if (msg.channel !== POKE_CHANNEL || !msg.payload) return;
      try {
        const { from, ...notice } = JSON.parse(msg.payload) as PokeNotice & { from: string };
        if (from !== self) o.onNotice(notice);
      } catch (err) {
        console.error('unreadable poke notice', loggableError(err));
      }
    });
    try {
      await c.connect();
      await c.query(`listen ${POKE_CHANNEL}`);
      delay = 500;
      if (listenedBefore) o.onReconnect();
      listenedBefore = true;
    } catch (err) {
      console.error('poke listener could not connect; retrying', loggableError(err));
      await c.end().catch(() => undefined);
    }
  };
  void connect();

  return {
    publish(notice) {
      void sql`select pg_notify(${POKE_CHANNEL}, ${noticePayload(self, notice)})`.execute(o.db).catch((err: unknown) => console.error('poke notice not sent', loggableError(err)));
    },
    async close() {
      closed = true;
      await client?.end().catch(() => undefined);
    },
  };
}
