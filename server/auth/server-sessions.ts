import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { Actor } from '../../shared/auth/roles';
import { findAccount } from '../../db/stores/users-store';

/** A desk may stay offline this long and still push with its token (matches sync.max-offline-age). */
export const SERVER_SESSION_TTL_MS = 14 * 24 * 60 * 60 * 1000;

/**
 * Only a hash is stored: a copy of the database does not hand out working tokens. The hash also names a
 * token elsewhere in memory (the poke hub's sockets), so the raw token is kept nowhere. A desk presents
 * `<token>:<deskId>`; the hash is of the token part.
 */
export const hashToken = (credential: string) => createHash('sha256').update(credential.split(':', 1)[0]!).digest('base64url');

export async function openServerSession(db: Kysely<Database>, userId: string, now: Date, deskId?: string): Promise<{ token: string; expiresAt: string }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + SERVER_SESSION_TTL_MS).toISOString();
  await db.insertInto('server_sessions').values({ token_hash: hashToken(token), user_id: userId, created_at: now.toISOString(), expires_at: expiresAt, revoked_at: null, desk_id: deskId ?? null }).execute();
  return { token, expiresAt };
}

/**
 * A presented credential: the token, and for a token issued to a desk the desk's id after a colon. The
 * token (base64url) never contains a colon.
 */
function presented(credential: string): { token: string; deskId: string | null } {
  const i = credential.indexOf(':');
  return i < 0 ? { token: credential, deskId: null } : { token: credential.slice(0, i), deskId: credential.slice(i + 1) };
}

export async function sessionUser(db: Kysely<Database>, credential: string | undefined, now: Date): Promise<string | null> {
  if (!credential) return null;
  const { token, deskId } = presented(credential);
  const row = await db.selectFrom('server_sessions').select(['user_id', 'expires_at', 'revoked_at', 'desk_id']).where('token_hash', '=', hashToken(token)).executeTakeFirst();
  if (!row || row.revoked_at !== null || row.expires_at <= now.toISOString() || (row.desk_id ?? null) !== (row.desk_id ? deskId : null)) return null;
  return row.user_id;
}

export interface ServerSession {
  userId: string;
  tokenHash: string;
  actor: Actor;
  /** The person must change their password before anything else (err.mustChangePassword). */
  mustChangePassword: boolean;
}

/**
 * The session a token opens, with its person as the database has them now. A token of a person who is no
 * longer active is revoked on the spot (and deactivation revokes them all: revokeSessionsOfInactive), so
 * reactivating someone never brings an old token back.
 */
export async function resolveServerSession(db: Kysely<Database>, credential: string | undefined, now: Date): Promise<ServerSession | null> {
  if (!credential) return null;
  const { token, deskId } = presented(credential);
  const tokenHash = hashToken(token);
  const row = await db.selectFrom('server_sessions').select(['user_id', 'expires_at', 'revoked_at', 'desk_id']).where('token_hash', '=', tokenHash).executeTakeFirst();
  if (!row || row.revoked_at !== null || row.expires_at <= now.toISOString()) return null;
  // A desk's token copied off that desk is useless without the desk's id; an integrator's has none.
  if (row.desk_id !== null && row.desk_id !== undefined && row.desk_id !== deskId) return null;
  const account = await findAccount(db, row.user_id);
  if (!account?.active) {
    await db.updateTable('server_sessions').set({ revoked_at: now.toISOString() }).where('token_hash', '=', tokenHash).where('revoked_at', 'is', null).execute();
    return null;
  }
  return { userId: row.user_id, tokenHash, actor: account.actor, mustChangePassword: account.mustChangePassword };
}

/** Revokes one token; the hashes it revoked (none if it was unknown or already revoked), for the poke hub. */
export async function revokeToken(db: Kysely<Database>, credential: string, now: Date): Promise<string[]> {
  const tokenHash = hashToken(presented(credential).token);
  const r = await db.updateTable('server_sessions').set({ revoked_at: now.toISOString() }).where('token_hash', '=', tokenHash).where('revoked_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0 ? [tokenHash] : [];
}

/**
 * Revokes every live token of a person (a reset, a revoke, deactivation), or every one but `exceptToken`
 * (their own password change keeps the session that made it). Returns the revoked hashes.
 */
export async function revokeUserSessions(db: Kysely<Database>, userId: string, now: Date, exceptToken?: string): Promise<string[]> {
  const keep = exceptToken === undefined ? null : hashToken(exceptToken);
  let live = db.selectFrom('server_sessions').select('token_hash').where('user_id', '=', userId).where('revoked_at', 'is', null);
  if (keep !== null) live = live.where('token_hash', '!=', keep);
  const hashes = (await live.execute()).map((r) => r.token_hash);
  if (hashes.length === 0) return [];
  await db.updateTable('server_sessions').set({ revoked_at: now.toISOString() }).where('token_hash', 'in', hashes).where('revoked_at', 'is', null).execute();
  return hashes;
}

/** After a commit that wrote people: every live token of those now inactive is revoked. Returns the hashes. */
export async function revokeSessionsOfInactive(db: Kysely<Database>, userIds: Iterable<string>, now: Date): Promise<string[]> {
  const ids = [...userIds];
  if (ids.length === 0) return [];
  const inactive = (await db.selectFrom('users').select('id').where('id', 'in', ids).where('active', '!=', 1).execute()).map((r) => r.id);
  const out: string[] = [];
  for (const id of inactive) out.push(...(await revokeUserSessions(db, id, now)));
  return out;
}
