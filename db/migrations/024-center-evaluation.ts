import { sql } from 'kysely';
import type { Migration } from './types';

/**
 * Center evaluation (seeds/000 四(五), #14): one row per unit (team) and month, keyed `eval:<team>:<month>`
 * so two desks entering the same month offline meet on one row. The inputs only — survey answers per
 * Likert point and the incidents as JSON — the indicators are computed when read, under the period's policy.
 */
export const m024CenterEvaluation: Migration = {
  version: 24,
  name: 'center-evaluation',
  async up(db) {
    await db.schema
      .createTable('center_evaluations')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('team_id', 'text', (c) => c.notNull())
      .addColumn('month', 'text', (c) => c.notNull())
      .addColumn('survey_scale', 'integer', (c) => c.notNull())
      .addColumn('survey_counts', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('complaint_source', 'text', (c) => c.notNull())
      .addColumn('complaints', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('complaints_resolved', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('suggestions', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('suggestions_resolved', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('plans_rated', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('plans_satisfied', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('incidents', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('entered_by', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('version', 'bigint', (c) => c.notNull().defaultTo(0))
      .addCheckConstraint('center_evaluations_scale_known', sql`survey_scale in (5, 7, 10)`)
      .addCheckConstraint('center_evaluations_source_known', sql`complaint_source in ('workorders','manual')`)
      .execute();
    await db.schema.createIndex('center_evaluations_version').on('center_evaluations').column('version').execute();
    await db.schema.createIndex('center_evaluations_team_id_version').on('center_evaluations').columns(['team_id', 'version']).execute();
    await db.schema.createIndex('center_evaluations_month_team').on('center_evaluations').columns(['month', 'team_id']).execute();
  },
};
