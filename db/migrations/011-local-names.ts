import { sql } from 'kysely';
import type { Migration } from './types';

/**
 * Names in each UI language for data people read on every screen: shift types (full and short, for the
 * grid) and teams. JSON {"zh-CN": …, "zh-TW": …, "en": …}; the stored `name` stays the fallback.
 */
export const m011LocalNames: Migration = {
  version: 11,
  name: 'local-names',
  async up(db) {
    await db.schema.alterTable('shift_types').addColumn('names', 'text', (c) => c.notNull().defaultTo('{}')).execute();
    await db.schema.alterTable('shift_types').addColumn('short_names', 'text', (c) => c.notNull().defaultTo('{}')).execute();
    await db.schema.alterTable('teams').addColumn('names', 'text', (c) => c.notNull().defaultTo('{}')).execute();
    // The built-in three, as every center starts with them (same on server and desks, so no version bump).
    const builtIn: [string, string, string, string][] = [
      ['D', '白班', '{"zh-CN":"白班","zh-TW":"白班","en":"Day shift"}', '{"zh-CN":"白","zh-TW":"白","en":"Day"}'],
      ['E', '中班', '{"zh-CN":"中班","zh-TW":"中班","en":"Evening shift"}', '{"zh-CN":"中","zh-TW":"中","en":"Eve"}'],
      ['N', '夜班', '{"zh-CN":"夜班","zh-TW":"夜班","en":"Night shift"}', '{"zh-CN":"夜","zh-TW":"夜","en":"Night"}'],
    ];
    for (const [code, name, names, shorts] of builtIn)
      await sql`update shift_types set names = ${names}, short_names = ${shorts} where code = ${code} and name = ${name}`.execute(db);
  },
};
