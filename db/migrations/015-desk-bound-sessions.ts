import type { Migration } from './types';

/** A server token issued to a desk works only when that desk presents it (`<token>:<deskId>`). */
export const m015DeskBoundSessions: Migration = {
  version: 15,
  name: 'desk-bound-sessions',
  async up(db) {
    await db.schema.alterTable('server_sessions').addColumn('desk_id', 'text').execute();
  },
};
