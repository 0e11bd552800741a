import type { Kysely } from 'kysely';

/** Written once with Kysely's schema builder so the same step runs on SQLite and PostgreSQL. */
export interface Migration {
  version: number;
  name: string;
  up(db: Kysely<unknown>): Promise<void>;
}
