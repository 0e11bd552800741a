import type { LocalNames } from '../../shared/i18n/local-names';
import { sql, type Kysely } from 'kysely';
import type { Role } from '../../shared/auth/roles';
import type { OrgPort } from '../../shared/org/port';
import type { Person } from '../../shared/org/schemas';
import type { Database } from '../schema';
import type { Writer } from '../sync/writer';

export function orgStore(db: Kysely<Database>, w: Writer): OrgPort {
  const q = () => db.selectFrom('users').select(['id', 'username', 'display_name', 'role', 'team_id', 'job_type', 'skill_level', 'seat', 'active']);
  const toPerson = (r: { id: string; username: string; display_name: string; role: string; team_id: string | null; job_type: string; skill_level: number; seat: string; active: number }): Person => ({
    userId: r.id,
    username: r.username,
    displayName: r.display_name,
    role: r.role as Role,
    teamId: r.team_id,
    jobType: r.job_type as Person['jobType'],
    skillLevel: Number(r.skill_level),
    seat: r.seat,
    active: Number(r.active) === 1,
  });
  return {
    async people() {
      return (await q().orderBy('team_id').orderBy('username').execute()).map(toPerson);
    },
    async peoplePage(o) {
      // Keyset on (team, username): deep pages cost what the first does, and no one is skipped or shown twice.
      const team = sql<string>`coalesce(team_id, '')`;
      let r = q();
      if (o.q) {
        // Case-insensitive contains, the text taken literally (ESCAPE spelled out: PostgreSQL and SQLite differ).
        const p = `%${o.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        r = r.where(sql<boolean>`(lower(username) like ${p} escape '\\' or lower(display_name) like ${p} escape '\\')`);
      }
      if (o.teamId !== undefined) r = r.where(team, '=', o.teamId);
      if (o.role) r = r.where('role', '=', o.role);
      if (o.active !== 'any') r = r.where('active', '=', o.active === 'yes' ? 1 : 0);
      if (o.after) {
        const a = o.after;
        r = r.where((eb) => eb.or([eb(team, '>', a.teamId), eb.and([eb(team, '=', a.teamId), eb('username', '>', a.username)])]));
      }
      return (await r.orderBy(team).orderBy('username').limit(o.limit).execute()).map(toPerson);
    },
    async person(userId) {
      const r = await q().where('id', '=', userId).executeTakeFirst();
      return r ? toPerson(r) : null;
    },
    async teams() {
      return (await db.selectFrom('teams').select(['id', 'name', 'names']).orderBy('id').execute()).map((t) => ({ id: t.id, name: t.name, names: JSON.parse(t.names) as LocalNames }));
    },
    async teamExists(teamId) {
      return (await db.selectFrom('teams').select('id').where('id', '=', teamId).executeTakeFirst()) !== undefined;
    },
    async updatePerson(p) {
      await w.update('users', p.userId, { display_name: p.displayName, role: p.role, team_id: p.teamId, job_type: p.jobType, skill_level: p.skillLevel, seat: p.seat, active: p.active ? 1 : 0 });
    },
    async putTeam(t) {
      // A team keeps the date it was created on.
      const existing = await db.selectFrom('teams').select('created_at').where('id', '=', t.id).executeTakeFirst();
      await w.put('teams', { id: t.id, name: t.name, names: JSON.stringify(t.names), created_at: existing?.created_at ?? t.createdAt });
    },
  };
}
