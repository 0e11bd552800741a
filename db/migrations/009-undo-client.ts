import type { Migration } from './types';

/**
 * Before-images belong to one person's mutation: mutation ids are per client, so two people on one desk
 * can both have a mutation 7. Taking back (or forgetting, once the server confirmed it) one mutation's
 * effect needs the client too.
 */
export const m009UndoClient: Migration = {
  version: 9,
  name: 'undo-client',
  async up(db) {
    await db.schema.alterTable('undo_log').addColumn('client_id', 'text', (c) => c.notNull().defaultTo('')).execute();
    await db.schema.createIndex('undo_log_mutation').on('undo_log').columns(['client_id', 'mutation_id']).execute();
  },
};
