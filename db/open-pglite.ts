import type { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import type { Database } from './schema';

/**
 * Kysely over embedded PGlite. PGlite is one session, so the "pool" hands it out to one
 * borrower at a time: a transaction never interleaves with another caller's statements.
 */
export function kyselyOnPglite(pg: PGlite): Kysely<Database> {
  let queue: Promise<void> = Promise.resolve();
  const pool = {
    async connect() {
      let release!: () => void;
      const turn = new Promise<void>((r) => (release = r));
      const prev = queue;
      queue = queue.then(() => turn);
      await prev;
      return {
        async query(text: string, params: unknown[]) {
          const r = await pg.query(text, params);
          const command = /^\s*(\w+)/.exec(text)?.[1]?.toUpperCase();
          return { command, rowCount: r.affectedRows ?? r.rows.length, rows: r.rows };
        },
        release,
      };
    },
    async end() {},
  };
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool: pool as never }) });
}
