import { sql } from 'kysely';
import { phoneKey } from '../../shared/calls/phone';
import type { Migration } from './types';

/**
 * Calls (#13): each call keeps its number as typed and gains `phone_key`, the number normalised
 * (shared/calls/phone.ts), so "called before" and the history match a caller however the number was typed,
 * on an index. Calls logged before this migration get their key here. The history's filters each narrow a
 * scope the table's indexes already serve (agent, team, started_at); category and follow-up filters ride on
 * started_at (a day's calls are few hundred per team).
 */
export const m018CallsWorkorders: Migration = {
  version: 18,
  name: 'calls-workorders',
  async up(db) {
    await db.schema.alterTable('calls').addColumn('phone_key', 'text', (c) => c.notNull().defaultTo('')).execute();
    const rows = await sql<{ id: string; customer_phone: string }>`select id, customer_phone from calls`.execute(db);
    for (const r of rows.rows) await sql`update calls set phone_key = ${phoneKey(r.customer_phone)} where id = ${r.id}`.execute(db);
    await db.schema.createIndex('calls_phone_key_started').on('calls').columns(['phone_key', 'started_at']).execute();
  },
};
