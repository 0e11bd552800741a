import { sql, type Kysely } from 'kysely';
import type { Actor, Role } from '../../shared/auth/roles';
import { couldBeUsername, normaliseUsername } from '../../shared/auth/username';
import type { Database } from '../schema';

export interface UserWithHash {
  actor: Actor;
  passwordHash: string;
  active: boolean;
  /** The password was set by an administrator (or is a center's demo one): change it before anything else. */
  mustChangePassword: boolean;
}

type UserRow = Pick<Database['users'], 'id' | 'username' | 'display_name' | 'role' | 'team_id' | 'password_hash' | 'active'> & { must_change_password?: unknown };

function withHash(r: UserRow): UserWithHash {
  // On a synced desk the column is private and may hold '' (rebase's blank): not set.
  return { actor: toActor(r), passwordHash: r.password_hash, active: Number(r.active) === 1, mustChangePassword: Number(r.must_change_password) === 1 };
}

function toActor(r: Pick<Database['users'], 'id' | 'username' | 'display_name' | 'role' | 'team_id'>): Actor {
  return { userId: r.id, username: r.username, displayName: r.display_name, role: r.role as Role, teamId: r.team_id };
}

/**
 * The account a sign-in names, compared as normaliseUsername spells it (NFKC, trimmed, case-insensitive):
 * `ａｇｅｎｔ０１ `, `Agent01` and `agent01` are one person. Two stored names differing only in case (made
 * before creation compared them so) resolve only to the exact spelling, never to a guess between them.
 */
export async function findUserByUsername(db: Kysely<Database>, username: string): Promise<UserWithHash | null> {
  const key = normaliseUsername(username);
  if (!couldBeUsername(key)) return null;
  const rows = await db.selectFrom('users').selectAll().where(sql<string>`lower(username)`, '=', key).execute();
  const r = rows.length === 1 ? rows[0] : rows.find((x) => x.username === username.normalize('NFKC').trim());
  return r ? withHash(r) : null;
}

/** One account by id, with what a password change needs (the hash, the "must change" flag). */
export async function findAccount(db: Kysely<Database>, userId: string): Promise<UserWithHash | null> {
  const r = await db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirst();
  return r ? withHash(r) : null;
}

/** The actor as the database knows them now: role changes apply to the very next call. */
export async function findActiveActor(db: Kysely<Database>, userId: string): Promise<Actor | null> {
  const r = await db.selectFrom('users').selectAll().where('id', '=', userId).where('active', '=', 1).executeTakeFirst();
  return r ? toActor(r) : null;
}

/** findActiveActor for many people in one statement (a commit carrying several desks' pushes). */
export async function findActiveActors(db: Kysely<Database>, userIds: readonly string[]): Promise<Map<string, Actor>> {
  if (userIds.length === 0) return new Map();
  const rows = await db.selectFrom('users').selectAll().where('id', 'in', [...userIds]).where('active', '=', 1).execute();
  return new Map(rows.map((r) => [r.id, toActor(r)]));
}

export async function countUsers(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom('users').select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
  return Number(row?.n ?? 0);
}
