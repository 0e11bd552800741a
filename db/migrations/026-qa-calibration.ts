import { sql, type Kysely } from 'kysely';
import type { Migration } from './types';

/**
 * QA calibration (#14 item 5). Scores of a calibration live apart from evaluations (one evaluation per
 * call): a session row (who is invited, who has scored: ids only) and one score row per inspector, synced
 * only to that inspector's desk so a participant's desk never holds the others' scores (blind scoring).
 */
export const m026QaCalibration: Migration = {
  version: 26,
  name: 'qa-calibration',
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('qa_calibrations')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('call_id', 'text', (c) => c.notNull())
      .addColumn('template_version_id', 'text', (c) => c.notNull())
      .addColumn('owner_id', 'text', (c) => c.notNull())
      /** JSON: [userId] in the order invited. */
      .addColumn('participants', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('reference_id', 'text')
      .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
      /** JSON: [{ inspectorId, at }] oldest first — who has scored, never what. */
      .addColumn('scored', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
      .addColumn('closed_at', 'text')
      .addColumn('closed_by', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('version', 'bigint', (c) => c.notNull().defaultTo(0))
      .addCheckConstraint('qa_calibrations_status', sql`status in ('open', 'closed')`)
      .execute();
    await db.schema.createIndex('qa_calibrations_version').on('qa_calibrations').column('version').execute();

    await db.schema
      .createTable('qa_calibration_scores')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('session_id', 'text', (c) => c.notNull())
      .addColumn('inspector_id', 'text', (c) => c.notNull())
      .addColumn('answers', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('comments', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('details', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('score', 'double precision', (c) => c.notNull())
      .addColumn('critical', 'text', (c) => c.notNull().defaultTo('none'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('version', 'bigint', (c) => c.notNull().defaultTo(0))
      .addCheckConstraint('qa_calibration_scores_critical', sql`critical in ('none', 'section', 'evaluation')`)
      .addCheckConstraint('qa_calibration_scores_score', sql`score >= 0 and score <= 100`)
      .execute();
    // One score per inspector and session: a second one is refused by the handler, and by the database.
    await db.schema.createIndex('qa_calibration_scores_session_inspector').on('qa_calibration_scores').columns(['session_id', 'inspector_id']).unique().execute();
    await db.schema.createIndex('qa_calibration_scores_version').on('qa_calibration_scores').column('version').execute();
    await db.schema.createIndex('qa_calibration_scores_inspector_id_version').on('qa_calibration_scores').columns(['inspector_id', 'version']).execute();
  },
};
