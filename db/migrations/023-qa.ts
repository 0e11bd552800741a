import { sql, type Kysely } from 'kysely';
import type { Migration } from './types';

/**
 * QA scorecards (#14). Template versions are immutable rows (editing publishes the next version); the
 * built-in default (shared/qa/template.ts) is code, not a row. An evaluation keeps its answers, comments,
 * disputes and log as JSON: they are only read and written with the evaluation, which the server re-runs
 * (and re-scores) whole. `score` is a double: two decimals must survive both engines exactly.
 */
export const m023Qa: Migration = {
  version: 23,
  name: 'qa',
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('qa_templates')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('template_id', 'text', (c) => c.notNull())
      .addColumn('template_version', 'integer', (c) => c.notNull())
      .addColumn('names', 'text', (c) => c.notNull())
      .addColumn('weight_total', 'integer', (c) => c.notNull())
      .addColumn('sections', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('version', 'bigint', (c) => c.notNull().defaultTo(0))
      .addUniqueConstraint('qa_templates_template_version', ['template_id', 'template_version'])
      .execute();
    await db.schema.createIndex('qa_templates_version').on('qa_templates').column('version').execute();

    await db.schema
      .createTable('qa_evaluations')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('call_id', 'text', (c) => c.notNull())
      .addColumn('agent_id', 'text', (c) => c.notNull())
      .addColumn('team_id', 'text')
      .addColumn('inspector_id', 'text', (c) => c.notNull())
      .addColumn('template_version_id', 'text', (c) => c.notNull())
      .addColumn('month', 'text', (c) => c.notNull())
      .addColumn('call_started_at', 'text', (c) => c.notNull())
      /** JSON: [{ criterionId, value | null }]. */
      .addColumn('answers', 'text', (c) => c.notNull().defaultTo('[]'))
      /** JSON: [{ atSec | null, criterionId | null, text }]: atSec pins a comment to the recording. */
      .addColumn('comments', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('details', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('score', 'double precision', (c) => c.notNull())
      .addColumn('critical', 'text', (c) => c.notNull().defaultTo('none'))
      .addColumn('acknowledged_at', 'text')
      /** JSON: [{ criterionId, reason, at, status, ruling }]. */
      .addColumn('disputes', 'text', (c) => c.notNull().defaultTo('[]'))
      /** JSON: [{ at, by, kind, criterionId, from, to, text, ruleIds }] oldest first. */
      .addColumn('log', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('version', 'bigint', (c) => c.notNull().defaultTo(0))
      .addCheckConstraint('qa_evaluations_critical', sql`critical in ('none', 'section', 'evaluation')`)
      .addCheckConstraint('qa_evaluations_score', sql`score >= 0 and score <= 100`)
      .execute();
    // One evaluation per call (calibration sessions are scored apart); the month's quota counts by month.
    await db.schema.createIndex('qa_evaluations_call').on('qa_evaluations').column('call_id').unique().execute();
    await db.schema.createIndex('qa_evaluations_month').on('qa_evaluations').columns(['month', 'agent_id']).execute();
    await db.schema.createIndex('qa_evaluations_version').on('qa_evaluations').column('version').execute();
    await db.schema.createIndex('qa_evaluations_agent_id_version').on('qa_evaluations').columns(['agent_id', 'version']).execute();
    await db.schema.createIndex('qa_evaluations_team_id_version').on('qa_evaluations').columns(['team_id', 'version']).execute();
  },
};
