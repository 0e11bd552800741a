import type { Kysely } from 'kysely';
import type { Role } from '../../shared/auth/roles';
import { addDays } from '../../shared/calendar/day-kind';
import { dateInZone } from '../../shared/policy/zoned-date';
import type { Database } from '../../db/schema';
import { createWriter } from '../../db/sync/writer';
import { openServerSession } from '../../server/auth/server-sessions';
import { takeVersion } from '../../server/sync/versions';

/** The demo center's rota: day, day, evening, evening, off, night, night, off; person i starts 3·i days on. */
export const CYCLE = ['D', 'D', 'E', 'E', null, 'N', 'N', null] as const;
export const AGENTS_PER_TEAM = 12;

export interface LoadPerson {
  userId: string;
  role: Extract<Role, 'agent' | 'team_lead'>;
  teamId: string;
  /** Position in the rota (CYCLE offset). */
  index: number;
  token: string;
}

/** Shift of person `index` on the day `d` days after `today` (as seeded; leads' edits may change it since). */
export function shiftOn(index: number, d: number): string | null {
  return CYCLE[(((d + 7 + index * 3) % CYCLE.length) + CYCLE.length) % CYCLE.length] ?? null;
}

/**
 * A center of `desks` people (a lead and up to 12 agents per team), four weeks of roster around today, and a
 * server session for each, written straight into the database: no sign-in (and no password hashing) per desk.
 */
export async function seedLoadCenter(db: Kysely<Database>, desks: number, now: Date): Promise<LoadPerson[]> {
  const teams = Math.ceil(desks / (AGENTS_PER_TEAM + 1));
  const people: Omit<LoadPerson, 'token'>[] = [];
  for (let t = 0; t < teams && people.length < desks; t++) {
    people.push({ userId: `load-lead-${t}`, role: 'team_lead', teamId: `load-team-${t}`, index: people.length });
    for (let a = 0; a < AGENTS_PER_TEAM && people.length < desks; a++) people.push({ userId: `load-agent-${t}-${a}`, role: 'agent', teamId: `load-team-${t}`, index: people.length });
  }
  const created = now.toISOString();
  const today = dateInZone(now, 'Asia/Shanghai');
  await db.transaction().execute(async (tx) => {
    const w = createWriter(tx, { version: await takeVersion(tx), undo: null });
    await w.seed('teams', Array.from({ length: teams }, (_, t) => ({ id: `load-team-${t}`, name: `负载${t + 1}组`, names: '{}', created_at: created })));
    await w.seed(
      'users',
      people.map((p) => ({ id: p.userId, username: p.userId, display_name: p.userId, role: p.role, team_id: p.teamId, password_hash: 'x', must_change_password: 0, active: 1, created_at: created })),
    );
    await w.seed(
      'roster',
      people.flatMap((p) =>
        Array.from({ length: 35 }, (_, k) => k - 7).flatMap((d) => {
          const code = shiftOn(p.index, d);
          const date = addDays(today, d);
          return code ? [{ id: `roster-${p.userId}-${date}`, user_id: p.userId, team_id: p.teamId, date, shift_code: code, updated_by: 'system', updated_at: created }] : [];
        }),
      ),
    );
  });
  const out: LoadPerson[] = [];
  for (const p of people) out.push({ ...p, token: (await openServerSession(db, p.userId, now)).token });
  return out;
}
