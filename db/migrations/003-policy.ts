import type { Kysely } from 'kysely';
import type { Migration } from './types';

/** Versioned center policy: append-only, so the table is its own audit. Synced to every desk. */
export const m003Policy: Migration = {
  version: 3,
  name: 'policy',
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('policy_versions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('effective_from', 'text', (c) => c.notNull())
      .addColumn('values', 'text', (c) => c.notNull())
      .addColumn('note', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('version', 'bigint', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema.createIndex('policy_versions_effective').on('policy_versions').columns(['effective_from', 'created_at']).execute();
  },
};
