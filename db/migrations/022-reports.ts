import { sql, type Kysely } from 'kysely';
import type { Migration } from './types';

/**
 * Reports and meetings (班長責任制, 會議制度): one row per team, kind and period (the id says which), its
 * figures, text sections and corrections as JSON (only ever read and written with the report); one row per
 * month's all-agent meeting. Work orders gain their hand-overs (workorders.reassign).
 */
export const m022Reports: Migration = {
  version: 22,
  name: 'reports',
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('reports')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('team_id', 'text', (c) => c.notNull())
      .addColumn('period', 'text', (c) => c.notNull())
      .addColumn('author_id', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      /** JSON: the figures (frozen when submitted). */
      .addColumn('figures', 'text', (c) => c.notNull())
      /** JSON: { sectionKey: text }. */
      .addColumn('sections', 'text', (c) => c.notNull().defaultTo('{}'))
      /** JSON: [{ at, by, byName, text }] oldest first. */
      .addColumn('corrections', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('rule_ids', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('submitted_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('version', 'bigint', (c) => c.notNull().defaultTo(0))
      .addCheckConstraint('reports_kind', sql`kind in ('daily', 'monthly')`)
      .addCheckConstraint('reports_status', sql`status in ('draft', 'submitted')`)
      .execute();
    await db.schema.createIndex('reports_version').on('reports').column('version').execute();
    await db.schema.createIndex('reports_author_id_version').on('reports').columns(['author_id', 'version']).execute();
    await db.schema.createIndex('reports_team_id_version').on('reports').columns(['team_id', 'version']).execute();

    await db.schema
      .createTable('meetings')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('month', 'text', (c) => c.notNull())
      .addColumn('held_on', 'text', (c) => c.notNull())
      .addColumn('figures', 'text', (c) => c.notNull())
      .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
      /** JSON: [{ personId, personName, kind, reason }]. */
      .addColumn('awards', 'text', (c) => c.notNull().defaultTo('[]'))
      /** JSON: QA results once QA scorecards exist (null until then). */
      .addColumn('qa_results', 'text')
      .addColumn('rule_ids', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('recorded_by', 'text', (c) => c.notNull())
      .addColumn('recorded_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('version', 'bigint', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema.createIndex('meetings_version').on('meetings').column('version').execute();

    await db.schema.alterTable('work_orders').addColumn('handoffs', 'text', (c) => c.notNull().defaultTo('[]')).execute();
  },
};
