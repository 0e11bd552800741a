import type { Kysely, Transaction } from 'kysely';

/**
 * Row types of the one schema both SQLite (desk) and PostgreSQL (server) hold.
 * Portable column choices: instants are ISO-8601 UTC text, flags are 0/1 integers, JSON is text.
 */
export interface SchemaVersionTable {
  version: number;
  applied_at: string;
}

export interface MetaTable {
  key: string;
  value: string;
}

export interface TeamsTable {
  id: string;
  name: string;
  created_at: string;
}

export interface UsersTable {
  id: string;
  username: string;
  display_name: string;
  role: string;
  team_id: string | null;
  password_hash: string;
  active: number;
  created_at: string;
}

export interface CallsTable {
  id: string;
  agent_id: string;
  team_id: string | null;
  customer_phone: string;
  customer_name: string;
  category: string;
  summary: string;
  outcome: string;
  follow_up: number;
  started_at: string;
  ended_at: string;
  duration_sec: number;
  created_at: string;
}

export interface OutboxTable {
  client_id: string;
  id: number;
  name: string;
  args: string;
  actor_id: string;
  acted_at: string;
  created_at: string;
}

export interface Database {
  zb_schema_version: SchemaVersionTable;
  zb_meta: MetaTable;
  teams: TeamsTable;
  users: UsersTable;
  calls: CallsTable;
  outbox: OutboxTable;
}

export type DB = Kysely<Database>;
/** A handle that is inside a transaction: what mutations and the outbox must be given. */
export type Tx = Transaction<Database>;
