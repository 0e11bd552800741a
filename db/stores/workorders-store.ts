import type { Kysely, Selectable } from 'kysely';
import type { Writer } from '../sync/writer';
import { whereInScope } from '../sync/scope-sql';
import type { WorkOrderRow, WorkOrdersPort } from '../../shared/workorders/port';
import type { CallbackOutcome, Handoff, StepRecord, WorkOrderStatus, WorkOrderType } from '../../shared/workorders/schemas';
import type { Database } from '../schema';

type Row = Selectable<Database['work_orders']> & { owner_name: string };

function toRow(r: Row): WorkOrderRow {
  return {
    id: r.id,
    callId: r.call_id,
    teamId: r.team_id,
    type: r.type as WorkOrderType,
    title: r.title,
    ownerId: r.owner_id,
    ownerName: r.owner_name,
    createdBy: r.created_by,
    createdAt: r.created_at,
    dueAt: r.due_at,
    status: r.status as WorkOrderStatus,
    closedAt: r.closed_at,
    closeNote: r.close_note,
    supervisedAt: r.supervised_at,
    superviseNote: r.supervise_note,
    callbackAt: r.callback_at,
    callbackOutcome: r.callback_outcome as CallbackOutcome | null,
    callbackNote: r.callback_note,
    steps: JSON.parse(r.steps) as StepRecord[],
    handoffs: JSON.parse(r.handoffs) as Handoff[],
    ruleIds: JSON.parse(r.rule_ids) as string[],
    updatedAt: r.updated_at,
    synced: Number(r.version) > 0,
  };
}

export function workOrdersStore(db: Kysely<Database>, w: Writer): WorkOrdersPort {
  const withOwner = () =>
    db
      .selectFrom('work_orders')
      .leftJoin('users', 'users.id', 'work_orders.owner_id')
      .selectAll('work_orders')
      .select((eb) => eb.fn.coalesce('users.display_name', eb.val('')).as('owner_name'));
  return {
    async get(id, scope) {
      const r = await (scope ? whereInScope(withOwner(), scope, 'work_orders') : withOwner()).where('work_orders.id', '=', id).executeTakeFirst();
      return r ? toRow(r) : null;
    },
    async put(o) {
      await w.put('work_orders', {
        id: o.id,
        call_id: o.callId,
        team_id: o.teamId,
        type: o.type,
        title: o.title,
        owner_id: o.ownerId,
        created_by: o.createdBy,
        created_at: o.createdAt,
        due_at: o.dueAt,
        status: o.status,
        closed_at: o.closedAt,
        close_note: o.closeNote,
        supervised_at: o.supervisedAt,
        supervise_note: o.superviseNote,
        callback_at: o.callbackAt,
        callback_outcome: o.callbackOutcome,
        callback_note: o.callbackNote,
        steps: JSON.stringify(o.steps),
        handoffs: JSON.stringify(o.handoffs),
        rule_ids: JSON.stringify(o.ruleIds),
        updated_at: o.updatedAt,
      });
    },
    async list(o) {
      let qb = whereInScope(withOwner(), o.scope, 'work_orders');
      if (o.openOnly) qb = qb.where('work_orders.status', '!=', 'done');
      if (o.ownerId) qb = qb.where('work_orders.owner_id', '=', o.ownerId);
      if (o.callId) qb = qb.where('work_orders.call_id', '=', o.callId);
      if (o.createdFrom) qb = qb.where('work_orders.created_at', '>=', o.createdFrom);
      if (o.createdTo) qb = qb.where('work_orders.created_at', '<', o.createdTo);
      const rows = await qb.orderBy('work_orders.due_at', 'asc').orderBy('work_orders.id').limit(o.limit).execute();
      return rows.map(toRow);
    },
  };
}
