import type { Migration } from './types';

/**
 * Shift change and the live floor (issue #11): check-ins and check-outs per person and day, leads' releases
 * from waiting for the incoming colleague, the handover logs, and notices with their read receipts. Every synced table gets its `version`
 * index and one on (scope column, version) for each column a scope filters by (tests/unit/sync-indexes).
 */
export const m016Handover: Migration = {
  version: 16,
  name: 'handover',
  async up(db) {
    await db.schema
      .createTable('attendance')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('team_id', 'text')
      .addColumn('date', 'text', (c) => c.notNull())
      .addColumn('shift_code', 'text', (c) => c.notNull())
      .addColumn('checked_in_at', 'text', (c) => c.notNull())
      .addColumn('late_minutes', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('violation_id', 'text')
      .addColumn('checked_out_at', 'text')
      .addColumn('rule_ids', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('version', 'bigint', (c) => c.notNull().defaultTo(0))
      .execute();
    // One check-in per person and day, whichever desk it came from.
    await db.schema.createIndex('attendance_user_date').on('attendance').columns(['user_id', 'date']).unique().execute();
    await db.schema.createIndex('attendance_date').on('attendance').column('date').execute();

    await db.schema
      .createTable('duty_releases')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('team_id', 'text')
      .addColumn('date', 'text', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('released_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('version', 'bigint', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema.createIndex('duty_releases_date').on('duty_releases').columns(['date', 'user_id']).execute();

    await db.schema
      .createTable('handover_logs')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('team_id', 'text')
      .addColumn('date', 'text', (c) => c.notNull())
      .addColumn('from_shift', 'text', (c) => c.notNull())
      .addColumn('to_shift', 'text', (c) => c.notNull())
      .addColumn('to_date', 'text', (c) => c.notNull())
      .addColumn('written_by', 'text', (c) => c.notNull())
      .addColumn('written_at', 'text', (c) => c.notNull())
      /** JSON: { equipment, issues, staff, instructions, complaints, carryOver: { nothing, text } }. */
      .addColumn('sections', 'text', (c) => c.notNull())
      .addColumn('acked_by', 'text')
      .addColumn('acked_at', 'text')
      /** JSON: [{ by, at, text }], appended only. */
      .addColumn('corrections', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('version', 'bigint', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema.createIndex('handover_logs_date').on('handover_logs').column('date').execute();

    await db.schema
      .createTable('notices')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('published_by', 'text', (c) => c.notNull())
      .addColumn('published_at', 'text', (c) => c.notNull())
      .addColumn('version', 'bigint', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema.createIndex('notices_published_at').on('notices').column('published_at').execute();
    await db.schema
      .createTable('notice_reads')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('notice_id', 'text', (c) => c.notNull())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('team_id', 'text')
      .addColumn('read_at', 'text', (c) => c.notNull())
      .addColumn('version', 'bigint', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema.createIndex('notice_reads_notice').on('notice_reads').columns(['notice_id', 'user_id']).execute();

    await db.schema
      .createTable('away_periods')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('team_id', 'text')
      .addColumn('date', 'text', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('requested_at', 'text', (c) => c.notNull())
      .addColumn('approved_by', 'text')
      .addColumn('approved_at', 'text')
      .addColumn('limit_minutes', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('back_at', 'text')
      .addColumn('away_minutes', 'integer')
      .addColumn('violation_id', 'text')
      .addColumn('version', 'bigint', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema.createIndex('away_periods_date').on('away_periods').columns(['date', 'user_id']).execute();

    for (const t of ['attendance', 'duty_releases', 'handover_logs', 'notices', 'notice_reads', 'away_periods']) await db.schema.createIndex(`${t}_version`).on(t).column('version').execute();
    for (const [t, c] of [['attendance', 'user_id'], ['attendance', 'team_id'], ['duty_releases', 'user_id'], ['duty_releases', 'team_id'], ['handover_logs', 'team_id'], ['handover_logs', 'written_by'], ['notice_reads', 'user_id'], ['notice_reads', 'team_id'], ['away_periods', 'user_id'], ['away_periods', 'team_id']] as const)
      await db.schema.createIndex(`${t}_${c}_version`).on(t).columns([c, 'version']).execute();
  },
};
