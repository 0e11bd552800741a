import type { Migration } from './types';

/**
 * `users.must_change_password`: 1 while the person's password is one an administrator chose (a new person,
 * an import's initial password, a reset) or a center's demo password. Sign-in says so and the session may do
 * nothing but change it (session.changePassword clears it). Like password_hash a private column: it never
 * leaves the central server (shared/org/tables.ts), so on a synced desk it stays at its default.
 */
export const m013MustChangePassword: Migration = {
  version: 13,
  name: 'must-change-password',
  async up(db) {
    await db.schema.alterTable('users').addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  },
};
