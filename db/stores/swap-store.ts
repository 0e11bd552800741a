import type { Kysely } from 'kysely';
import type { SwapPort } from '../../shared/swap/port';
import type { Swap, SwapStatus } from '../../shared/swap/schemas';
import type { Database } from '../schema';
import type { Writer } from '../sync/writer';
import { whereInScope } from '../sync/scope-sql';

export function swapStore(db: Kysely<Database>, w: Writer): SwapPort {
  const base = () =>
    db
      .selectFrom('swaps')
      .leftJoin('users as r', 'r.id', 'swaps.requester_id')
      .leftJoin('users as p', 'p.id', 'swaps.partner_id')
      .selectAll('swaps')
      .select(['r.display_name as requester_name', 'p.display_name as partner_name', 'r.role as requester_role', 'p.role as partner_role']);
  type Row = Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirstOrThrow']>>;
  const toSwap = (r: Row): Swap => ({
    id: r.id,
    requesterId: r.requester_id,
    requesterName: r.requester_name ?? r.requester_id,
    requesterTeam: r.requester_team,
    partnerId: r.partner_id,
    partnerName: r.partner_name ?? r.partner_id,
    partnerTeam: r.partner_team,
    requesterIsLead: r.requester_role === 'team_lead',
    partnerIsLead: r.partner_role === 'team_lead',
    giveDate: r.give_date,
    giveShift: r.give_shift,
    takeDate: r.take_date,
    takeShift: r.take_shift,
    reason: r.reason,
    status: r.status as SwapStatus,
    leadA: r.lead_a_by && r.lead_a_at ? { by: r.lead_a_by, at: r.lead_a_at } : null,
    leadB: r.lead_b_by && r.lead_b_at ? { by: r.lead_b_by, at: r.lead_b_at } : null,
    decisionRules: JSON.parse(r.decision_rules) as string[],
    note: r.note,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    actedOfflineAt: r.acted_offline_at ?? null,
    synced: Number(r.version) > 0,
  });
  return {
    async get(id) {
      const r = await base().where('swaps.id', '=', id).executeTakeFirst();
      return r ? toSwap(r) : null;
    },
    async put(s) {
      await w.put('swaps', {
        id: s.id,
        requester_id: s.requesterId,
        requester_team: s.requesterTeam,
        partner_id: s.partnerId,
        partner_team: s.partnerTeam,
        give_date: s.giveDate,
        give_shift: s.giveShift,
        take_date: s.takeDate,
        take_shift: s.takeShift,
        reason: s.reason,
        status: s.status,
        lead_a_by: s.leadA?.by ?? null,
        lead_a_at: s.leadA?.at ?? null,
        lead_b_by: s.leadB?.by ?? null,
        lead_b_at: s.leadB?.at ?? null,
        decision_rules: JSON.stringify(s.decisionRules),
        note: s.note,
        created_at: s.createdAt,
        updated_at: s.updatedAt,
        acted_offline_at: s.actedOfflineAt,
      });
    },
    async involving(userIds, from, to) {
      if (userIds.length === 0) return [];
      const rows = await db
        .selectFrom('swaps')
        .select(['id', 'requester_id', 'partner_id', 'give_date', 'take_date', 'status'])
        .where((eb) => eb.or([eb('requester_id', 'in', [...userIds]), eb('partner_id', 'in', [...userIds])]))
        .where((eb) => eb.or([eb.and([eb('give_date', '>=', from), eb('give_date', '<=', to)]), eb.and([eb('take_date', '>=', from), eb('take_date', '<=', to)])]))
        .execute();
      return rows.map((r) => ({ id: r.id, requesterId: r.requester_id, partnerId: r.partner_id, giveDate: r.give_date, takeDate: r.take_date, status: r.status as SwapStatus }));
    },
    async list(o) {
      // The month's swaps whole, then open ones outside it a page at a time (keyset on give_date, id), so far-off
      // open requests can never push the month's out of a capped list (#16 item 8).
      const month = o.after
        ? []
        : await whereInScope(base(), o.scope, 'swaps')
            .where((eb) => eb.or([eb.and([eb('swaps.give_date', '>=', o.from), eb('swaps.give_date', '<=', o.to)]), eb.and([eb('swaps.take_date', '>=', o.from), eb('swaps.take_date', '<=', o.to)])]))
            .orderBy('swaps.created_at', 'desc')
            .orderBy('swaps.id')
            .execute();
      let open = whereInScope(base(), o.scope, 'swaps')
        .where('swaps.status', 'in', ['requested', 'accepted'])
        .where((eb) => eb.and([eb.or([eb('swaps.give_date', '<', o.from), eb('swaps.give_date', '>', o.to)]), eb.or([eb('swaps.take_date', '<', o.from), eb('swaps.take_date', '>', o.to)])]));
      const after = o.after;
      if (after) open = open.where((eb) => eb.or([eb('swaps.give_date', '>', after.giveDate), eb.and([eb('swaps.give_date', '=', after.giveDate), eb('swaps.id', '>', after.id)])]));
      const rest = await open.orderBy('swaps.give_date').orderBy('swaps.id').limit(o.limit).execute();
      return [...month, ...rest].map(toSwap);
    },
  };
}
