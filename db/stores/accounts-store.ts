import type { Kysely } from 'kysely';
import { randomUUID } from 'node:crypto';
import { DeskError, type FieldIssue } from '../../shared/api/errors';
import type { Actor } from '../../shared/auth/roles';
import { normaliseUsername } from '../../shared/auth/username';
import type { NewPerson } from '../../shared/org/schemas';
import type { Database } from '../schema';
import type { Writer } from '../sync/writer';

/**
 * Account writes, run where passwords may be: the central server (or a standalone desk, its own server).
 * Checks everything first and writes nothing if any row is wrong; issues point at `people.<i>.<field>`.
 * Usernames compare as sign-in compares them (case-insensitively): `Agent01` is `agent01`. New people get
 * `passwordHash` and must change it at their first sign-in (an administrator chose it).
 */
export async function upsertPeople(
  db: Kysely<Database>,
  w: Writer,
  o: { actor: Actor; now: string; people: readonly NewPerson[]; passwordHash: string | null; createOnly: boolean },
): Promise<{ created: number; updated: number; ids: string[] }> {
  const teams = new Set((await db.selectFrom('teams').select('id').execute()).map((t) => t.id));
  const existing = new Map((await db.selectFrom('users').select(['id', 'username']).execute()).map((u) => [normaliseUsername(u.username), u.id]));
  const idOf = (username: string) => existing.get(normaliseUsername(username));
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  o.people.forEach((p, i) => {
    const at = (field: string) => `people.${i}.${field}`;
    const key = normaliseUsername(p.username);
    if (seen.has(key)) issues.push({ path: at('username'), code: 'err.duplicatePerson', message: p.username });
    seen.add(key);
    if (o.createOnly && idOf(p.username) !== undefined) issues.push({ path: at('username'), code: 'err.usernameTaken', message: p.username });
    if (p.teamId !== null && !teams.has(p.teamId)) issues.push({ path: at('teamId'), code: 'err.unknownTeam', message: p.teamId });
    // An administrator cannot lock the center out by demoting or deactivating themselves.
    if (idOf(p.username) === o.actor.userId && (p.role !== 'admin' || !p.active)) issues.push({ path: at('role'), code: 'err.selfDemote', message: p.username });
  });
  const newcomers = o.people.filter((p) => idOf(p.username) === undefined);
  if (newcomers.length > 0 && o.passwordHash === null) issues.push({ path: 'initialPassword', code: 'err.required', message: 'New people need an initial password' });
  if (issues.length > 0) throw new DeskError({ code: 'invalid_input', message: `${issues.length} problem(s) in the people list; nothing was saved`, fields: issues.slice(0, 200) });

  const ids: string[] = [];
  for (const p of o.people) {
    const cols = { display_name: p.displayName, role: p.role, team_id: p.teamId, job_type: p.jobType, skill_level: p.skillLevel, seat: p.seat, active: p.active ? 1 : 0 };
    const id = idOf(p.username);
    if (id) {
      await w.update('users', id, cols);
      ids.push(id);
    } else {
      const newId = `u-${randomUUID()}`;
      await w.put('users', { id: newId, username: p.username, password_hash: o.passwordHash!, must_change_password: 1, created_at: o.now, ...cols });
      ids.push(newId);
    }
  }
  return { created: newcomers.length, updated: o.people.length - newcomers.length, ids };
}

/**
 * A new password hash. `mustChange`: an administrator set it (a reset), so the person changes it at their
 * next sign-in; false when the person chose it themselves (session.changePassword).
 */
export async function setPasswordHash(w: Writer, userId: string, passwordHash: string, mustChange: boolean): Promise<void> {
  if (!(await w.update('users', userId, { password_hash: passwordHash, must_change_password: mustChange ? 1 : 0 })))
    throw new DeskError({ code: 'not_found', message: 'No such person', fields: [{ path: 'userId', code: 'err.unknownPerson', message: userId }] });
}
