import type { Migration } from './types';

/**
 * Unified answers from the weekly team-lead meeting (meeting.weekly, issue #11 item 8) and the agents'
 * acknowledgement of each version. Every synced table gets its `version` index and one on (scope column,
 * version) for each column a scope filters by (tests/unit/sync-indexes).
 */
export const m019Answers: Migration = {
  version: 19,
  name: 'answers',
  async up(db) {
    await db.schema
      .createTable('answers')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('question', 'text', (c) => c.notNull())
      .addColumn('answer', 'text', (c) => c.notNull())
      .addColumn('keywords', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('categories', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('meeting_date', 'text', (c) => c.notNull())
      .addColumn('meeting_week', 'text', (c) => c.notNull())
      .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('published_by', 'text', (c) => c.notNull())
      .addColumn('published_at', 'text', (c) => c.notNull())
      .addColumn('revised_by', 'text', (c) => c.notNull())
      .addColumn('revised_at', 'text', (c) => c.notNull())
      .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('withdrawn_at', 'text')
      .addColumn('withdrawn_by', 'text')
      .addColumn('withdraw_reason', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('history', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('version', 'bigint', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema.createIndex('answers_published_at').on('answers').column('published_at').execute();

    await db.schema
      .createTable('answer_acks')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('answer_id', 'text', (c) => c.notNull())
      .addColumn('revision', 'integer', (c) => c.notNull())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('team_id', 'text')
      .addColumn('acked_at', 'text', (c) => c.notNull())
      .addColumn('version', 'bigint', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema.createIndex('answer_acks_answer').on('answer_acks').columns(['answer_id', 'revision']).execute();

    for (const t of ['answers', 'answer_acks']) await db.schema.createIndex(`${t}_version`).on(t).column('version').execute();
    for (const c of ['user_id', 'team_id']) await db.schema.createIndex(`answer_acks_${c}_version`).on('answer_acks').columns([c, 'version']).execute();
  },
};
