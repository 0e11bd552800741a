import { sql } from 'kysely';
import { phoneKey } from '../../shared/calls/phone';
import type { Migration } from './types';

/**
 * Calls (#13): each call keeps its number as typed and gains `phone_key`, the number normalised
 * (shared/calls/phone.ts), so "called before" and the history match a caller however the number was typed,
 * on an index. Calls logged before this migration get their key here. The history's filters each narrow a
 * scope the table's indexes already serve (agent, team, started_at); category and follow-up filters ride on
 * started_at (a day's calls are few hundred per team).
 */
export const m018CallsWorkorders: Migration = {
  version: 18,
  name: 'calls-workorders',
  async up(db) {
    await db.schema.alterTable('calls').addColumn('phone_key', 'text', (c) => c.notNull().defaultTo('')).execute();
    const rows = await sql<{ id: string; customer_phone: string }>`select id, customer_phone from calls`.execute(db);
    for (const r of rows.rows) await sql`update calls set phone_key = ${phoneKey(r.customer_phone)} where id = ${r.id}`.execute(db);
    await db.schema.createIndex('calls_phone_key_started').on('calls').columns(['phone_key', 'started_at']).execute();

    await db.schema
      .createTable('customers')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('value_tag', 'text', (c) => c.notNull())
      .addColumn('tagged_by', 'text', (c) => c.notNull())
      .addColumn('tagged_at', 'text', (c) => c.notNull())
      .addColumn('version', 'bigint', (c) => c.notNull().defaultTo(0))
      .addCheckConstraint('customers_value_tag_known', sql`value_tag in ('mvc','mgc','other')`)
      .execute();
    await db.schema.createIndex('customers_version').on('customers').column('version').execute();

    await db.schema
      .createTable('customer_reveals')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('call_id', 'text', (c) => c.notNull())
      .addColumn('actor_id', 'text', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('version', 'bigint', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema.createIndex('customer_reveals_version').on('customer_reveals').column('version').execute();
    await db.schema.createIndex('customer_reveals_actor_id_version').on('customer_reveals').columns(['actor_id', 'version']).execute();
  },
};
