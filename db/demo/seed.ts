import type { Kysely } from 'kysely';
import type { Database } from '../schema';
import { hashPassword } from '../auth/password';
import { DEMO_CALLS, DEMO_PASSWORD, DEMO_TEAMS, DEMO_USERS } from './demo-center';
import { addDays } from '../../shared/calendar/day-kind';
import { dateInZone } from '../../shared/policy/zoned-date';
import { createWriter } from '../sync/writer';
import { phoneKey } from '../../shared/calls/phone';

export interface DemoLogin {
  username: string;
  role: string;
  displayName: string;
}

/**
 * Fills an empty desk with the demo center in one transaction. Seed rows are baseline data,
 * not user actions, so they write no outbox entries. `passwordHashes` (one per DEMO_USERS entry,
 * each made by hashPassword(DEMO_PASSWORD)) lets tests pay the scrypt hashes once per run; without
 * it the demo password is hashed once here and that hash serves every demo account.
 *
 * `mustChangePassword`: every demo account must replace the published password at its first sign-in.
 * Off for development demos, tests and E2E (`npm start`, `npm run web`), where it would stop every
 * script at a change-password screen; on where a demo runs somewhere real, by the option or by
 * `ZHIBAN_DEMO_MUST_CHANGE_PASSWORD=1` in the server's or desk's environment (docs/DECISIONS.md).
 */
export async function seedDemoCenter(
  db: Kysely<Database>,
  now: Date = new Date(),
  version = 0,
  passwordHashes?: readonly string[],
  o: { mustChangePassword?: boolean } = {},
): Promise<DemoLogin[]> {
  const created = now.toISOString();
  const mustChange = (o.mustChangePassword ?? process.env.ZHIBAN_DEMO_MUST_CHANGE_PASSWORD === '1') ? 1 : 0;
  if (passwordHashes && passwordHashes.length !== DEMO_USERS.length) throw new Error(`seedDemoCenter: ${passwordHashes.length} password hashes for ${DEMO_USERS.length} demo users`);
  // One hash of the published demo password serves every demo account (each real password change makes its
  // own salt): 18 scrypt hashes were most of a demo center's first start (docs/DECISIONS.md).
  const one = passwordHashes ? null : await hashPassword(DEMO_PASSWORD);
  const hashes = passwordHashes ?? DEMO_USERS.map(() => one!);
  const ids = new Map(DEMO_USERS.map((u) => [u.username, `user-${u.username}`]));
  await db.transaction().execute(async (tx) => {
    const w = createWriter(tx, { version, undo: null });
    await w.seed('teams', DEMO_TEAMS.map((t) => ({ id: t.id, name: t.name, names: JSON.stringify(t.names), created_at: created })));
    await w.seed(
      'users',
        DEMO_USERS.map((u, i) => ({
          id: ids.get(u.username)!,
          username: u.username,
          display_name: u.displayName,
          role: u.role,
          team_id: u.teamId,
          password_hash: hashes[i]!,
          must_change_password: mustChange,
          active: 1,
          created_at: created,
        })),
    );
    await w.seed(
      'calls',
        DEMO_CALLS.map((c, i) => {
          const started = new Date(now.getTime() - c.minsAgo * 60_000);
          const ended = new Date(started.getTime() + c.mins * 60_000);
          const user = DEMO_USERS.find((u) => u.username === c.agent)!;
          return {
            id: `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`,
            agent_id: ids.get(c.agent)!,
            team_id: user.teamId,
            customer_phone: c.phone,
            phone_key: phoneKey(c.phone),
            customer_name: c.name,
            category: c.category,
            summary: c.summary,
            outcome: c.outcome,
            follow_up: c.followUp ? 1 : 0,
            started_at: started.toISOString(),
            ended_at: ended.toISOString(),
            duration_sec: c.mins * 60,
            created_at: created,
          };
        }),
    );
    // Four weeks of roster around today: each person cycles day, day, evening, evening, off, night, night, off.
    const cycle = ['D', 'D', 'E', 'E', null, 'N', 'N', null];
    const today = dateInZone(now, 'Asia/Shanghai');
    const rows = DEMO_USERS.filter((u) => u.role === 'agent' || u.role === 'team_lead').flatMap((u, i) =>
      Array.from({ length: 35 }, (_, d) => ({ date: addDays(today, d - 7), code: cycle[(d + i * 3) % cycle.length] })).flatMap(({ date, code }) =>
        code ? [{ id: `roster-${u.username}-${date}`, user_id: ids.get(u.username)!, team_id: u.teamId, date, shift_code: code, updated_by: 'system', updated_at: created }] : [],
      ),
    );
    await w.seed('roster', rows);
  });
  return DEMO_USERS.map((u) => ({ username: u.username, role: u.role, displayName: u.displayName }));
}
