import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';

/** A desk may stay offline this long and still push with its token (matches sync.max-offline-age). */
export const SERVER_SESSION_TTL_MS = 14 * 24 * 60 * 60 * 1000;

/** Only a hash is stored: a copy of the database does not hand out working tokens. */
const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

export async function openServerSession(db: Kysely<Database>, userId: string, now: Date): Promise<{ token: string; expiresAt: string }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + SERVER_SESSION_TTL_MS).toISOString();
  await db.insertInto('server_sessions').values({ token_hash: hashToken(token), user_id: userId, created_at: now.toISOString(), expires_at: expiresAt, revoked_at: null }).execute();
  return { token, expiresAt };
}

export async function sessionUser(db: Kysely<Database>, token: string | undefined, now: Date): Promise<string | null> {
  if (!token) return null;
  const row = await db.selectFrom('server_sessions').select(['user_id', 'expires_at', 'revoked_at']).where('token_hash', '=', hashToken(token)).executeTakeFirst();
  if (!row || row.revoked_at !== null || row.expires_at <= now.toISOString()) return null;
  return row.user_id;
}

export async function revokeToken(db: Kysely<Database>, token: string, now: Date): Promise<void> {
  await db.updateTable('server_sessions').set({ revoked_at: now.toISOString() }).where('token_hash', '=', hashToken(token)).execute();
}

export async function revokeUserSessions(db: Kysely<Database>, userId: string, now: Date): Promise<number> {
  const r = await db.updateTable('server_sessions').set({ revoked_at: now.toISOString() }).where('user_id', '=', userId).where('revoked_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows);
}
