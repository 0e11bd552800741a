import type { Kysely } from 'kysely';
import type { Migration } from './types';

/**
 * Sync. Both sides get every table (one schema); each side uses its half:
 * server — sync_state, sync_clients, mutation_log, server_sessions;
 * desk — undo_log, attention_inbox, desk_credentials.
 * `version` on synced rows is the server's commit counter (0 = not yet confirmed).
 */
export const m002Sync: Migration = {
  version: 2,
  name: 'sync',
  async up(db: Kysely<unknown>) {
    for (const table of ['teams', 'users', 'calls'])
      await db.schema.alterTable(table).addColumn('version', 'bigint', (c) => c.notNull().defaultTo(0)).execute();
    await db.schema.createIndex('calls_version').on('calls').column('version').execute();
    await db.schema.createIndex('users_version').on('users').column('version').execute();

    await db.schema
      .createTable('sync_state')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('version', 'bigint', (c) => c.notNull())
      .execute();
    await db.insertInto('sync_state' as never).values({ id: 1, version: 0 } as never).execute();

    await db.schema
      .createTable('sync_clients')
      .addColumn('client_id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('last_mutation_id', 'integer', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('mutation_log')
      .addColumn('client_id', 'text', (c) => c.notNull())
      .addColumn('id', 'integer', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('args', 'text', (c) => c.notNull())
      .addColumn('actor_id', 'text', (c) => c.notNull())
      .addColumn('acted_at', 'text', (c) => c.notNull())
      .addColumn('received_at', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('code', 'text')
      .addColumn('rule_ids', 'text')
      .addColumn('params', 'text')
      .addColumn('message', 'text')
      .addPrimaryKeyConstraint('mutation_log_pk', ['client_id', 'id'])
      .execute();

    await db.schema
      .createTable('server_sessions')
      .addColumn('token_hash', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('revoked_at', 'text')
      .execute();
    await db.schema.createIndex('server_sessions_user').on('server_sessions').column('user_id').execute();

    await db.schema
      .createTable('undo_log')
      .addColumn('seq', 'integer', (c) => c.primaryKey())
      .addColumn('mutation_id', 'integer', (c) => c.notNull())
      .addColumn('tbl', 'text', (c) => c.notNull())
      .addColumn('pk', 'text', (c) => c.notNull())
      .addColumn('before', 'text')
      .execute();

    await db.schema
      .createTable('attention_inbox')
      .addColumn('client_id', 'text', (c) => c.notNull())
      .addColumn('mutation_id', 'integer', (c) => c.notNull())
      .addColumn('actor_id', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('args', 'text', (c) => c.notNull())
      .addColumn('acted_at', 'text', (c) => c.notNull())
      .addColumn('code', 'text', (c) => c.notNull())
      .addColumn('rule_ids', 'text', (c) => c.notNull())
      .addColumn('params', 'text', (c) => c.notNull())
      .addColumn('message', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('dismissed_at', 'text')
      .addPrimaryKeyConstraint('attention_inbox_pk', ['client_id', 'mutation_id'])
      .execute();

    await db.schema
      .createTable('desk_credentials')
      .addColumn('user_id', 'text', (c) => c.primaryKey())
      .addColumn('server_token', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      // Hash of the password last accepted by the server, so this person can sign in here offline.
      .addColumn('password_hash', 'text', (c) => c.notNull())
      // Who the server said this person is, for offline sign-in before the first sync lands.
      .addColumn('actor', 'text', (c) => c.notNull())
      .execute();
  },
};
