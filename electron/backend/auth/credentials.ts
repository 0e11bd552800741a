import type { Kysely } from 'kysely';
import type { Actor } from '../../../shared/auth/roles';
import type { Database } from '../../../db/schema';
import { getMeta, setMeta } from '../../../db/stores/meta-store';
import type { SecretBox } from './secret-box';

/**
 * A person's credentials on this desk: the server's token (sealed at rest by the SecretBox, presented bound to
 * this desk as `<token>:<deskId>`), when it expires, and a local hash of the accepted password so they can
 * sign in here offline. Signing out asks the server to revoke the token once the person's pending work has
 * been pushed (queued while offline).
 */
export class DeskCredentials {
  constructor(
    private readonly o: { db: Kysely<Database>; box: SecretBox; deskId: string; clock: () => Date },
  ) {}

  /**
   * Tokens a desk stored in plain text before they were sealed: removed at start, so none lingers in the file.
   * Their people sign in online once more; their pending work waits in the outbox meanwhile.
   */
  async dropUnsealed(): Promise<void> {
    await this.o.db
      .updateTable('desk_credentials')
      .set({ server_token: '', expires_at: '' })
      .where('server_token', '!=', '')
      .where('server_token', 'not like', 'dk1:%')
      .where('server_token', 'not like', 'os1:%')
      .execute();
  }

  /** As the desk presents a token to the server: bound to this desk. */
  bound(token: string): string {
    return `${token}:${this.o.deskId}`;
  }

  async save(c: { userId: string; token: string; expiresAt: string; passwordHash: string; actor: Actor }): Promise<void> {
    const sealed = this.o.box.seal(c.token);
    const actor = JSON.stringify(c.actor);
    await this.o.db
      .insertInto('desk_credentials')
      .values({ user_id: c.userId, server_token: sealed, expires_at: c.expiresAt, password_hash: c.passwordHash, actor })
      .onConflict((oc) => oc.column('user_id').doUpdateSet({ server_token: sealed, expires_at: c.expiresAt, password_hash: c.passwordHash, actor }))
      .execute();
    // A new sign-in supersedes a sign-out still waiting to reach the server.
    await this.o.db.deleteFrom('zb_meta').where('key', '=', logoutKey(c.userId)).execute();
  }

  /** The bound server token while valid and openable here; null otherwise (then: sign in online again). */
  async serverToken(userId: string): Promise<string | null> {
    const row = await this.o.db.selectFrom('desk_credentials').select(['server_token', 'expires_at']).where('user_id', '=', userId).executeTakeFirst();
    if (!row || !row.server_token || row.expires_at <= this.o.clock().toISOString()) return null;
    const token = this.o.box.open(row.server_token);
    return token ? this.bound(token) : null;
  }

  /** Signing out: the token is revoked on the server once this person's outbox is empty (sync-engine). */
  async signOut(userId: string): Promise<void> {
    if (await this.o.db.selectFrom('desk_credentials').select('user_id').where('user_id', '=', userId).executeTakeFirst()) await setMeta(this.o.db, logoutKey(userId), '1');
  }

  async pendingSignOuts(): Promise<string[]> {
    const rows = await this.o.db.selectFrom('zb_meta').select('key').where('key', 'like', 'logout_pending:%').execute();
    return rows.map((r) => r.key.slice('logout_pending:'.length));
  }

  /** The server revoked it (or refused it as unknown): forget the token, keep the offline sign-in. */
  async forgetToken(userId: string): Promise<void> {
    await this.o.db.updateTable('desk_credentials').set({ server_token: '', expires_at: '' }).where('user_id', '=', userId).execute();
    await this.o.db.deleteFrom('zb_meta').where('key', '=', logoutKey(userId)).execute();
  }

  async isSignOutPending(userId: string): Promise<boolean> {
    return (await getMeta(this.o.db, logoutKey(userId))) !== null;
  }
}

const logoutKey = (userId: string) => `logout_pending:${userId}`;
