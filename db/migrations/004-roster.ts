import type { Kysely } from 'kysely';
import type { Migration } from './types';

/** Org details a swap needs (job type, skill, seat), shift types with their coverage minimums, the roster. */
export const m004Roster: Migration = {
  version: 4,
  name: 'roster',
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('users').addColumn('job_type', 'text', (c) => c.notNull().defaultTo('voice')).execute();
    await db.schema.alterTable('users').addColumn('skill_level', 'integer', (c) => c.notNull().defaultTo(1)).execute();
    await db.schema.alterTable('users').addColumn('seat', 'text', (c) => c.notNull().defaultTo('')).execute();

    await db.schema
      .createTable('shift_types')
      .addColumn('code', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('start_time', 'text', (c) => c.notNull())
      .addColumn('end_time', 'text', (c) => c.notNull())
      .addColumn('night', 'integer', (c) => c.notNull())
      // {"team-a": 2, …}: minimum people on this shift per team.
      .addColumn('min_coverage', 'text', (c) => c.notNull())
      .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('version', 'bigint', (c) => c.notNull().defaultTo(0))
      .execute();

    await db.schema
      .createTable('roster')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('team_id', 'text')
      .addColumn('date', 'text', (c) => c.notNull())
      .addColumn('shift_code', 'text', (c) => c.notNull())
      .addColumn('updated_by', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('version', 'bigint', (c) => c.notNull().defaultTo(0))
      .addUniqueConstraint('roster_user_date', ['user_id', 'date'])
      .execute();
    await db.schema.createIndex('roster_team_date').on('roster').columns(['team_id', 'date']).execute();
    await db.schema.createIndex('roster_version').on('roster').column('version').execute();
  },
};
