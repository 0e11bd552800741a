import type { Migration } from './types';

/**
 * A refusal names every failed rule with its own numbers (swap.monthly-limit with used/max, swap.staffing
 * with team/shift/after/min), not only the first one's: the server's log and the desk's inbox keep them.
 */
export const m010RefusalChecks: Migration = {
  version: 10,
  name: 'refusal-checks',
  async up(db) {
    await db.schema.alterTable('mutation_log').addColumn('checks', 'text').execute();
    await db.schema.alterTable('attention_inbox').addColumn('checks', 'text').execute();
  },
};
