// Seeds a desk replica with N people on a month's roster (straight into the tables, like the demo seed:
// a bench's baseline data; the product writes through the Writer).
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { addDays } from '../../shared/calendar/day-kind';

export const ROTA = ['D', 'D', 'E', 'E', null, 'N', 'N', null] as const;
export const teamOf = (i: number) => (i % 2 ? 'team-b' : 'team-a');

export async function seedRoster(db: Kysely<Database>, o: { people: number; month: string; now: string; version?: number }) {
  const first = `${o.month}-01`;
  await db.transaction().execute(async (tx) => {
    await tx.deleteFrom('roster').execute();
    for (let i = 0; i < o.people; i++) {
      const id = `bench-${i}`;
      await tx.insertInto('users').values({ id, username: id, display_name: `Agent ${i}`, role: 'agent', team_id: teamOf(i), password_hash: 'x', active: 1, created_at: o.now }).onConflict((oc) => oc.column('id').doNothing()).execute();
      const rows = Array.from({ length: 31 }, (_, d) => ({ d, code: ROTA[(d + i) % 8] }))
        .filter((x) => x.code && addDays(first, x.d).startsWith(o.month))
        .map((x) => ({ id: `${id}-${x.d}`, user_id: id, team_id: teamOf(i), date: addDays(first, x.d), shift_code: x.code!, updated_by: 'bench', updated_at: o.now, version: o.version ?? 0 }));
      if (rows.length) await tx.insertInto('roster').values(rows).execute();
    }
  });
}

export function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
}
