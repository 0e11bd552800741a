import { sql, type Kysely } from 'kysely';
import type { Migration } from './types';

/** Shift swaps (換班登記表) and leave requests (請假), each one row that moves through its approvals; discipline records. */
export const m006SwapsLeave: Migration = {
  version: 6,
  name: 'swaps-leave',
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('swaps')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('requester_id', 'text', (c) => c.notNull())
      .addColumn('requester_team', 'text')
      .addColumn('partner_id', 'text', (c) => c.notNull())
      .addColumn('partner_team', 'text')
      .addColumn('give_date', 'text', (c) => c.notNull())
      .addColumn('give_shift', 'text')
      .addColumn('take_date', 'text', (c) => c.notNull())
      .addColumn('take_shift', 'text')
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('lead_a_by', 'text')
      .addColumn('lead_a_at', 'text')
      .addColumn('lead_b_by', 'text')
      .addColumn('lead_b_at', 'text')
      .addColumn('decision_rules', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('version', 'bigint', (c) => c.notNull().defaultTo(0))
      .addCheckConstraint('swaps_status', sql`status in ('requested', 'accepted', 'approved', 'declined', 'rejected', 'cancelled')`)
      .execute();
    await db.schema.createIndex('swaps_requester').on('swaps').columns(['requester_id', 'give_date']).execute();
    await db.schema.createIndex('swaps_partner').on('swaps').columns(['partner_id', 'give_date']).execute();

    await db.schema
      .createTable('leave_requests')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('team_id', 'text')
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('from_date', 'text', (c) => c.notNull())
      .addColumn('to_date', 'text', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('filed_by', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      /** JSON: [{ level, by, at }] in chain order. */
      .addColumn('approvals', 'text', (c) => c.notNull().defaultTo('[]'))
      /** JSON: rule IDs that make this request need a manager's explicit approval (late, night, holiday). */
      .addColumn('flags', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('certificate', 'text')
      .addColumn('decision_rules', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('version', 'bigint', (c) => c.notNull().defaultTo(0))
      .addCheckConstraint('leave_status', sql`status in ('requested', 'approved', 'rejected', 'cancelled')`)
      .execute();
    await db.schema.createIndex('leave_user_date').on('leave_requests').columns(['user_id', 'from_date']).execute();

    /** leave.discipline: lateness or time away past the threshold without approved leave. */
    await db.schema
      .createTable('violations')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('team_id', 'text')
      .addColumn('date', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('minutes', 'integer', (c) => c.notNull())
      .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('rule_ids', 'text', (c) => c.notNull())
      .addColumn('recorded_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('version', 'bigint', (c) => c.notNull().defaultTo(0))
      .addCheckConstraint('violations_kind', sql`kind in ('late', 'away')`)
      .execute();
  },
};
