import { sql, type Kysely } from 'kysely';
import type { Migration } from './types';

/** A center's own calendar days (imported or entered), which win over the built-in public holidays. */
export const m005Calendar: Migration = {
  version: 5,
  name: 'calendar',
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('calendar_overrides')
      .addColumn('date', 'text', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('updated_by', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('version', 'bigint', (c) => c.notNull().defaultTo(0))
      .addCheckConstraint('calendar_overrides_kind', sql`kind in ('holiday', 'workday')`)
      .execute();
  },
};
