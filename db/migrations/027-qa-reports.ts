import type { Kysely } from 'kysely';
import type { Migration } from './types';

/**
 * QA weekly summaries (#14, qa.weekly): one published row per team and week. The figures are a JSON snapshot
 * of what the inspector published (later evaluations or rulings do not rewrite it); the plan and the appended
 * corrections are JSON too: they are only read and written with the summary.
 */
export const m027QaReports: Migration = {
  version: 27,
  name: 'qa-reports',
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('qa_weekly_reports')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('team_id', 'text', (c) => c.notNull())
      .addColumn('week', 'text', (c) => c.notNull())
      .addColumn('published_by', 'text', (c) => c.notNull())
      .addColumn('published_at', 'text', (c) => c.notNull())
      .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('plan', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('figures', 'text', (c) => c.notNull())
      .addColumn('corrections', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('version', 'bigint', (c) => c.notNull().defaultTo(0))
      .addUniqueConstraint('qa_weekly_reports_team_week', ['team_id', 'week'])
      .execute();
    await db.schema.createIndex('qa_weekly_reports_version').on('qa_weekly_reports').column('version').execute();
    await db.schema.createIndex('qa_weekly_reports_team_id_version').on('qa_weekly_reports').columns(['team_id', 'version']).execute();
  },
};
