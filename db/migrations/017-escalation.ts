import { sql, type Kysely } from 'kysely';
import type { Migration } from './types';

/**
 * Reports up the chain (請示報告制度): one row per report that moves from level to level. Its timeline and
 * the follow-ups an emergency skip leaves are JSON: they are only ever read and written with the report,
 * which the server re-runs whole, so a child table would add joins without adding a query.
 */
export const m017Escalation: Migration = {
  version: 17,
  name: 'escalation',
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('escalations')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('reporter_id', 'text', (c) => c.notNull())
      .addColumn('reporter_role', 'text', (c) => c.notNull())
      .addColumn('team_id', 'text')
      .addColumn('category', 'text', (c) => c.notNull())
      .addColumn('summary', 'text', (c) => c.notNull())
      .addColumn('proposal', 'text', (c) => c.notNull())
      .addColumn('call_id', 'text')
      .addColumn('emergency', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('holder_level', 'text', (c) => c.notNull())
      .addColumn('holder_id', 'text')
      .addColumn('level_since', 'text', (c) => c.notNull())
      /** JSON: [{ at, kind, by, level, text, ruleIds }] oldest first. */
      .addColumn('timeline', 'text', (c) => c.notNull().defaultTo('[]'))
      /** JSON: [{ level, done: { by, at } | null }], one per level an emergency skipped. */
      .addColumn('follow_ups', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('acted_offline_at', 'text')
      .addColumn('version', 'bigint', (c) => c.notNull().defaultTo(0))
      .addCheckConstraint('escalations_status', sql`status in ('open', 'resolved', 'closed')`)
      .addCheckConstraint('escalations_holder_level', sql`holder_level in ('team_lead', 'department_director', 'center_director')`)
      .execute();
    // Pull and pokes: rows above a version, and a person's or a team's rows (tests/unit/sync-indexes.test.ts).
    await db.schema.createIndex('escalations_version').on('escalations').column('version').execute();
    await db.schema.createIndex('escalations_reporter_id_version').on('escalations').columns(['reporter_id', 'version']).execute();
    await db.schema.createIndex('escalations_team_id_version').on('escalations').columns(['team_id', 'version']).execute();

    /** Live help (举手): a hand raised during a call, answered by the team's duty lead. */
    await db.schema
      .createTable('help_requests')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('agent_id', 'text', (c) => c.notNull())
      .addColumn('team_id', 'text')
      .addColumn('call_id', 'text')
      .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('lead_id', 'text')
      .addColumn('answered_at', 'text')
      .addColumn('closed_note', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('report_id', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('version', 'bigint', (c) => c.notNull().defaultTo(0))
      .addCheckConstraint('help_requests_status', sql`status in ('raised', 'acknowledged', 'taken-over', 'closed')`)
      .execute();
    await db.schema.createIndex('help_requests_version').on('help_requests').column('version').execute();
    await db.schema.createIndex('help_requests_agent_id_version').on('help_requests').columns(['agent_id', 'version']).execute();
    await db.schema.createIndex('help_requests_team_id_version').on('help_requests').columns(['team_id', 'version']).execute();
  },
};
