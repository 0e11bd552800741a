import { sql } from 'kysely';
import type { Migration } from './types';

/**
 * Call recordings (#13): `recordings` is synced metadata, held like its call (agent_id, team_id copied from
 * the call); `recording_blobs` lists the bytes this host keeps as content-addressed files (the server, a
 * standalone desk), never synced. A desk's not-yet-uploaded copies are spool files, not rows.
 */
export const m021Recordings: Migration = {
  version: 21,
  name: 'recordings',
  async up(db) {
    await db.schema
      .createTable('recordings')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('call_id', 'text', (c) => c.notNull())
      .addColumn('agent_id', 'text', (c) => c.notNull())
      .addColumn('team_id', 'text')
      .addColumn('sha256', 'text', (c) => c.notNull())
      .addColumn('mime_type', 'text', (c) => c.notNull())
      .addColumn('size_bytes', 'integer', (c) => c.notNull())
      .addColumn('duration_sec', 'real')
      .addColumn('file_name', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('uploaded_by', 'text', (c) => c.notNull())
      .addColumn('uploaded_at', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('replaced_by', 'text')
      .addColumn('version', 'bigint', (c) => c.notNull().defaultTo(0))
      .addCheckConstraint('recordings_state_known', sql`state in ('pending','stored')`)
      .execute();
    await db.schema.createIndex('recordings_version').on('recordings').column('version').execute();
    for (const c of ['agent_id', 'team_id']) await db.schema.createIndex(`recordings_${c}_version`).on('recordings').columns([c, 'version']).execute();
    await db.schema.createIndex('recordings_call').on('recordings').column('call_id').execute();
    await db.schema.createIndex('recordings_sha256').on('recordings').column('sha256').execute();

    await db.schema
      .createTable('recording_blobs')
      .addColumn('sha256', 'text', (c) => c.primaryKey())
      .addColumn('size_bytes', 'integer', (c) => c.notNull())
      .addColumn('mime_type', 'text', (c) => c.notNull())
      .addColumn('stored_at', 'text', (c) => c.notNull())
      .execute();
  },
};
