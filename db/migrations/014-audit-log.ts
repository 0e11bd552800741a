import type { Migration } from './types';

/**
 * The audit log: approvals, policy changes, account changes, sign-ins (and, later, reveals of customer data),
 * append-only and hash-chained — each entry's hash covers the previous one's, so an edited or removed entry
 * breaks the chain from there on (db/audit/chain.ts verifies it). Synced to directors and the admin.
 */
export const m014AuditLog: Migration = {
  version: 14,
  name: 'audit-log',
  async up(db) {
    await db.schema
      .createTable('audit_log')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('seq', 'integer', (c) => c.notNull().unique())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('actor_id', 'text')
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('outcome', 'text', (c) => c.notNull())
      .addColumn('client_id', 'text')
      .addColumn('prev_hash', 'text', (c) => c.notNull())
      .addColumn('hash', 'text', (c) => c.notNull())
      .addColumn('version', 'bigint', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema.createIndex('audit_log_version').on('audit_log').column('version').execute();
    await db.schema.createIndex('audit_log_actor_at').on('audit_log').columns(['actor_id', 'at']).execute();
    await db.schema.createIndex('audit_log_action_at').on('audit_log').columns(['action', 'at']).execute();
  },
};
