import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema';
import { takeVersion } from '../../../server/sync/versions';
import { FIXED_NOW } from './fixture';

/**
 * Three swaps agent01 asked of three teammates in April 2026, each accepted by the partner and waiting for the
 * lead (written straight into a central store, one commit): approving all three at once is what the monthly
 * limit (swap.monthly-limit, 2) must stop. Nothing else in April stands in the way (roster cleared, no coverage).
 */
export async function acceptedSwapsOfAgent01(db: Kysely<Database>): Promise<{ swaps: { id: string }[]; agent01: string }> {
  const day = (d: number) => `2026-04-${String(d).padStart(2, '0')}`;
  const users = await db.selectFrom('users').select(['id', 'username', 'team_id']).execute();
  const agent01 = users.find((x) => x.username === 'agent01')!;
  const team = agent01.team_id;
  const partners = users.filter((u) => u.team_id === team && u.username.startsWith('agent') && u.username !== 'agent01').slice(0, 3);
  if (partners.length !== 3) throw new Error('the demo center has three teammates for agent01');
  const swaps = partners.map((p, i) => ({ id: randomUUID(), partner: p, give: day(7 + 7 * i), take: day(9 + 7 * i) }));
  await db.transaction().execute(async (tx) => {
    const version = await takeVersion(tx);
    const at = FIXED_NOW.toISOString();
    const shift = (userId: string, date: string) => ({ id: randomUUID(), user_id: userId, team_id: team, date, shift_code: 'D', updated_by: 'test', updated_at: at, version });
    await tx.deleteFrom('roster').where('date', '>=', day(1)).where('date', '<=', day(30)).execute();
    await tx.updateTable('shift_types').set({ min_coverage: '{}', version }).execute();
    for (const s of swaps) {
      await tx.insertInto('roster').values([shift(agent01.id, s.give), shift(s.partner.id, s.take)]).execute();
      await tx
        .insertInto('swaps')
        .values({ id: s.id, requester_id: agent01.id, requester_team: team, partner_id: s.partner.id, partner_team: team, give_date: s.give, give_shift: 'D', take_date: s.take, take_shift: 'D', reason: '家里有事', status: 'accepted', lead_a_by: null, lead_a_at: null, lead_b_by: null, lead_b_at: null, created_at: at, updated_at: at, version })
        .execute();
    }
  });
  return { swaps, agent01: agent01.id };
}
