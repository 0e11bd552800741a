import type { Kysely } from 'kysely';
import type { Actor, Role } from '../../shared/auth/roles';
import type { Database } from '../schema';

export interface UserWithHash {
  actor: Actor;
  passwordHash: string;
  active: boolean;
}

function toActor(r: Pick<Database['users'], 'id' | 'username' | 'display_name' | 'role' | 'team_id'>): Actor {
  return { userId: r.id, username: r.username, displayName: r.display_name, role: r.role as Role, teamId: r.team_id };
}

export async function findUserByUsername(db: Kysely<Database>, username: string): Promise<UserWithHash | null> {
  const r = await db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
  return r ? { actor: toActor(r), passwordHash: r.password_hash, active: Number(r.active) === 1 } : null;
}

/** The actor as the database knows them now: role changes apply to the very next call. */
export async function findActiveActor(db: Kysely<Database>, userId: string): Promise<Actor | null> {
  const r = await db.selectFrom('users').selectAll().where('id', '=', userId).where('active', '=', 1).executeTakeFirst();
  return r ? toActor(r) : null;
}

export async function countUsers(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom('users').select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
  return Number(row?.n ?? 0);
}
