import { sql, type Kysely } from 'kysely';
import type { Migration } from './types';

/**
 * Briefing (点名点评, 交接班会, 值班日志): QA's common issues, roll calls (a header per team, day and shift, and a
 * line per person, so an agent can hold the remark about them and no one else's), handover meetings, duty-log
 * lines and monthly summaries. Lists inside one record (issues briefed, attendees, items, corrections) are JSON:
 * they are read and written with their record only.
 */
export const m020Briefing: Migration = {
  version: 20,
  name: 'briefing',
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('qa_issues')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('seen', 'text', (c) => c.notNull())
      .addColumn('say_instead', 'text', (c) => c.notNull())
      .addColumn('criterion', 'text')
      .addColumn('published_by', 'text', (c) => c.notNull())
      .addColumn('published_at', 'text', (c) => c.notNull())
      .addColumn('withdrawn_by', 'text')
      .addColumn('withdrawn_at', 'text')
      .addColumn('version', 'bigint', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema.createIndex('qa_issues_version').on('qa_issues').column('version').execute();

    await db.schema
      .createTable('roll_calls')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('team_id', 'text', (c) => c.notNull())
      .addColumn('date', 'text', (c) => c.notNull())
      .addColumn('shift_code', 'text', (c) => c.notNull())
      .addColumn('remarks', 'text', (c) => c.notNull().defaultTo(''))
      /** JSON: the ids of the common issues ticked as briefed. */
      .addColumn('briefed', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('taken_by', 'text', (c) => c.notNull())
      .addColumn('taken_at', 'text', (c) => c.notNull())
      .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('revised_by', 'text', (c) => c.notNull())
      .addColumn('revised_at', 'text', (c) => c.notNull())
      .addColumn('version', 'bigint', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema.createIndex('roll_calls_version').on('roll_calls').column('version').execute();
    await db.schema.createIndex('roll_calls_team_id_version').on('roll_calls').columns(['team_id', 'version']).execute();
    await db.schema.createIndex('roll_calls_taken_by_version').on('roll_calls').columns(['taken_by', 'version']).execute();

    await db.schema
      .createTable('roll_call_entries')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('roll_call_id', 'text', (c) => c.notNull())
      .addColumn('team_id', 'text', (c) => c.notNull())
      .addColumn('date', 'text', (c) => c.notNull())
      .addColumn('shift_code', 'text', (c) => c.notNull())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('mark', 'text', (c) => c.notNull())
      .addColumn('remark', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('version', 'bigint', (c) => c.notNull().defaultTo(0))
      .addCheckConstraint('roll_call_entries_mark', sql`mark in ('present', 'late', 'absent', 'leave')`)
      .execute();
    await db.schema.createIndex('roll_call_entries_version').on('roll_call_entries').column('version').execute();
    await db.schema.createIndex('roll_call_entries_team_id_version').on('roll_call_entries').columns(['team_id', 'version']).execute();
    await db.schema.createIndex('roll_call_entries_user_id_version').on('roll_call_entries').columns(['user_id', 'version']).execute();
    await db.schema.createIndex('roll_call_entries_roll_call_id').on('roll_call_entries').column('roll_call_id').execute();

    await db.schema
      .createTable('handover_meetings')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('team_id', 'text', (c) => c.notNull())
      .addColumn('date', 'text', (c) => c.notNull())
      .addColumn('from_shift', 'text', (c) => c.notNull())
      .addColumn('to_shift', 'text', (c) => c.notNull())
      .addColumn('to_date', 'text', (c) => c.notNull())
      /** JSON: [{ userId, name, side, present }]. */
      .addColumn('attendees', 'text', (c) => c.notNull())
      /** JSON: { business, instructions, customers, process } each { nothing, text }. */
      .addColumn('items', 'text', (c) => c.notNull())
      .addColumn('held_by', 'text', (c) => c.notNull())
      .addColumn('held_at', 'text', (c) => c.notNull())
      .addColumn('corrections', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('version', 'bigint', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema.createIndex('handover_meetings_version').on('handover_meetings').column('version').execute();
    await db.schema.createIndex('handover_meetings_team_id_version').on('handover_meetings').columns(['team_id', 'version']).execute();
    await db.schema.createIndex('handover_meetings_held_by_version').on('handover_meetings').columns(['held_by', 'version']).execute();

    await db.schema
      .createTable('duty_log')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('team_id', 'text', (c) => c.notNull())
      .addColumn('date', 'text', (c) => c.notNull())
      .addColumn('shift_code', 'text', (c) => c.notNull())
      .addColumn('time', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('figure', 'double precision')
      .addColumn('written_by', 'text', (c) => c.notNull())
      .addColumn('written_at', 'text', (c) => c.notNull())
      .addColumn('version', 'bigint', (c) => c.notNull().defaultTo(0))
      .addCheckConstraint('duty_log_kind', sql`kind in ('event', 'problem', 'decision', 'figure')`)
      .execute();
    await db.schema.createIndex('duty_log_version').on('duty_log').column('version').execute();
    await db.schema.createIndex('duty_log_team_id_version').on('duty_log').columns(['team_id', 'version']).execute();
    await db.schema.createIndex('duty_log_written_by_version').on('duty_log').columns(['written_by', 'version']).execute();
    await db.schema.createIndex('duty_log_team_id_date').on('duty_log').columns(['team_id', 'date']).execute();

    await db.schema
      .createTable('duty_summaries')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('team_id', 'text', (c) => c.notNull())
      .addColumn('month', 'text', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      /** JSON: DutyCounts as of the save. */
      .addColumn('counts', 'text', (c) => c.notNull())
      .addColumn('written_by', 'text', (c) => c.notNull())
      .addColumn('written_at', 'text', (c) => c.notNull())
      .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('version', 'bigint', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema.createIndex('duty_summaries_version').on('duty_summaries').column('version').execute();
    await db.schema.createIndex('duty_summaries_team_id_version').on('duty_summaries').columns(['team_id', 'version']).execute();
    await db.schema.createIndex('duty_summaries_written_by_version').on('duty_summaries').columns(['written_by', 'version']).execute();
  },
};
