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
    await db.schema
      .createTable('work_orders')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('call_id', 'text', (c) => c.notNull())
      .addColumn('team_id', 'text')
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('owner_id', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('due_at', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('closed_at', 'text')
      .addColumn('close_note', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('supervised_at', 'text')
      .addColumn('supervise_note', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('callback_at', 'text')
      .addColumn('callback_outcome', 'text')
      .addColumn('callback_note', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('steps', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('rule_ids', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('version', 'bigint', (c) => c.notNull().defaultTo(0))
      .addCheckConstraint('work_orders_type_known', sql`type in ('fault','billing','service','complaint','callback')`)
      .addCheckConstraint('work_orders_status_known', sql`status in ('open','in_progress','done')`)
      .execute();
    await db.schema.createIndex('work_orders_version').on('work_orders').column('version').execute();
    for (const c of ['owner_id', 'created_by', 'team_id']) await db.schema.createIndex(`work_orders_${c}_version`).on('work_orders').columns([c, 'version']).execute();
    await db.schema.createIndex('work_orders_status_due').on('work_orders').columns(['status', 'due_at']).execute();
    await db.schema.createIndex('work_orders_call').on('work_orders').column('call_id').execute();

    await db.schema.createIndex('customer_reveals_actor_id_version').on('customer_reveals').columns(['actor_id', 'version']).execute();
  },
};
