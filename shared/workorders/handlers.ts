import { DeskError } from '../api/errors';
import type { HandlerContext, Handler } from '../api/method';
import { policyAt } from '../policy/in-force';
import { scopeFor } from '../sync/scope';
import type { workOrderMethods } from './methods';
import type { WorkOrderRow } from './port';
import { checkComplaintStep, dueAt, isResolved, mayChange, riskOf } from './rules';
import { CALLBACK_OUTCOMES, type TeamStats, type WorkOrder } from './schemas';

type M = typeof workOrderMethods;

async function view(ctx: HandlerContext, row: WorkOrderRow): Promise<WorkOrder> {
  const p = await policyAt(ctx.store, ctx.now);
  return { ...row, risk: riskOf(row, ctx.now, p.workOrderWarnHours) };
}

function notFound(id: string): DeskError {
  return new DeskError({ code: 'not_found', message: 'No such work order', fields: [{ path: 'id', code: 'err.unknownWorkOrder', message: id }] });
}

/** The work order, if the actor may see it and change it (workorder.close-rights). */
async function changeable(ctx: HandlerContext, id: string): Promise<WorkOrderRow> {
  const row = await ctx.store.workOrders.get(id, scopeFor(ctx.actor, 'work_orders'));
  if (!row) throw notFound(id);
  if (!mayChange(ctx.actor, row))
    throw new DeskError({ code: 'forbidden', message: "This work order is someone else's", ruleIds: ['workorder.close-rights'], params: { owner: row.ownerName }, fields: [{ path: 'id', code: 'err.notYourWorkOrder', message: row.ownerName }] });
  return row;
}

async function save(ctx: HandlerContext, row: WorkOrderRow): Promise<WorkOrder> {
  const { ownerName: _n, synced: _s, ...stored } = row;
  await ctx.store.workOrders.put({ ...stored, updatedAt: ctx.now });
  const saved = await ctx.store.workOrders.get(row.id);
  if (!saved) throw new Error('work order vanished inside its own transaction');
  return view(ctx, saved);
}

function closed(row: WorkOrderRow): DeskError {
  return new DeskError({ code: 'conflict', message: 'This work order is done', fields: [{ path: 'id', code: 'err.workOrderDone', message: row.status }] });
}

export const createWorkOrder: Handler<M['workorders.create']> = async (ctx, input) => {
  if (await ctx.store.workOrders.get(input.id)) throw new DeskError({ code: 'conflict', message: 'This record already exists', fields: [{ path: 'id', code: 'err.duplicateId', message: input.id }] });
  const call = await ctx.store.calls.get(input.callId, scopeFor(ctx.actor, 'calls'));
  if (!call) throw new DeskError({ code: 'not_found', message: 'No such call', fields: [{ path: 'callId', code: 'err.unknownCall', message: input.callId }] });
  const ownerId = input.ownerId ?? ctx.actor.userId;
  if (ownerId !== ctx.actor.userId) {
    const owner = await ctx.store.org.person(ownerId);
    // A lead hands work to their own team; an agent takes their own.
    if (!owner || ctx.actor.role !== 'team_lead' || owner.teamId !== ctx.actor.teamId || !owner.active)
      throw new DeskError({ code: 'forbidden', message: 'Only a team lead gives work orders, to their own team', ruleIds: ['workorder.close-rights'], fields: [{ path: 'ownerId', code: 'err.ownerNotInTeam', message: ownerId }] });
  }
  const p = await policyAt(ctx.store, ctx.now);
  return save(ctx, {
    id: input.id,
    callId: call.id,
    teamId: call.teamId,
    type: input.type,
    title: input.title,
    ownerId,
    ownerName: '',
    createdBy: ctx.actor.userId,
    createdAt: ctx.now,
    dueAt: dueAt(input.type, ctx.now, p),
    status: 'open',
    closedAt: null,
    closeNote: '',
    supervisedAt: null,
    superviseNote: '',
    callbackAt: null,
    callbackOutcome: null,
    callbackNote: '',
    steps: [],
    handoffs: [],
    ruleIds: ['workorder.due'],
    updatedAt: ctx.now,
    synced: false,
  });
};

export const listWorkOrders: Handler<M['workorders.list']> = async (ctx, input) => {
  const p = await policyAt(ctx.store, ctx.now);
  const rows = await ctx.store.workOrders.list({
    scope: scopeFor(ctx.actor, 'work_orders'),
    openOnly: input.view !== 'all' && input.view !== 'mine',
    ownerId: input.view === 'mine' ? ctx.actor.userId : undefined,
    callId: input.callId,
    limit: input.limit,
  });
  const out = rows.map((r) => ({ ...r, risk: riskOf(r, ctx.now, p.workOrderWarnHours) }));
  return input.view === 'atRisk' ? out.filter((o) => o.risk !== 'ok') : input.view === 'overdue' ? out.filter((o) => o.risk === 'overdue') : out;
};

export const setWorkOrderStatus: Handler<M['workorders.setStatus']> = async (ctx, input) => {
  const row = await changeable(ctx, input.id);
  if (row.status === 'done') throw closed(row);
  const done = input.status === 'done';
  return save(ctx, { ...row, status: input.status, closedAt: done ? ctx.now : null, closeNote: done ? input.note : row.closeNote, ruleIds: ['workorder.close-rights'] });
};

/** workorder.close-rights: whoever may change it hands it to an active agent or lead of the same team, with a reason. */
export const reassignWorkOrder: Handler<M['workorders.reassign']> = async (ctx, input) => {
  const row = await changeable(ctx, input.id);
  if (row.status === 'done') throw closed(row);
  if (input.toId === row.ownerId) throw new DeskError({ code: 'invalid_input', message: 'It is already theirs', fields: [{ path: 'toId', code: 'err.sameOwner', message: row.ownerName }] });
  const to = await ctx.store.org.person(input.toId);
  if (!to || !to.active || to.teamId === null || to.teamId !== row.teamId || (to.role !== 'agent' && to.role !== 'team_lead'))
    throw new DeskError({ code: 'invalid_input', message: 'A work order goes to someone of its own team', ruleIds: ['workorder.close-rights'], fields: [{ path: 'toId', code: 'err.ownerNotInTeam', message: input.toId }] });
  const handoffs = [...row.handoffs, { at: ctx.now, by: ctx.actor.userId, fromId: row.ownerId, toId: to.userId, reason: input.reason }];
  return save(ctx, { ...row, ownerId: to.userId, handoffs, ruleIds: ['workorder.close-rights'] });
};

export const superviseWorkOrder: Handler<M['workorders.supervise']> = async (ctx, input) => {
  const row = await changeable(ctx, input.id);
  if (row.status === 'done') throw closed(row);
  return save(ctx, { ...row, supervisedAt: ctx.now, superviseNote: input.note, ruleIds: ['report.weekly-followups', 'workorder.pre-breach'] });
};

export const callbackWorkOrder: Handler<M['workorders.callback']> = async (ctx, input) => {
  const row = await changeable(ctx, input.id);
  return save(ctx, { ...row, callbackAt: ctx.now, callbackOutcome: input.outcome, callbackNote: input.note, ruleIds: ['report.weekly-followups', 'complaint.follow-up'] });
};

export const complaintStep: Handler<M['workorders.complaintStep']> = async (ctx, input) => {
  const row = await changeable(ctx, input.id);
  if (row.type !== 'complaint')
    throw new DeskError({ code: 'conflict', message: 'This work order is not a complaint', ruleIds: ['complaint.order'], fields: [{ path: 'id', code: 'err.notComplaint', message: row.type }] });
  const v = checkComplaintStep(row.steps, input.step, input.due);
  if (!v.ok)
    throw new DeskError({ code: 'conflict', message: v.line === 'fail' ? `The next step is ${v.params.next}` : 'Say whether compensation is due', ruleIds: v.ruleIds, params: v.params, fields: [{ path: v.line === 'fail' ? 'step' : 'due', code: v.line === 'fail' ? 'err.stepOutOfOrder' : 'err.dueMissing', message: v.params.next ?? '' }] });
  const steps = [...row.steps, { step: input.step, at: ctx.now, by: ctx.actor.userId, note: input.note, ...(input.step === 'compensate' ? { due: input.due } : {}) }];
  return save(ctx, { ...row, steps, ruleIds: ['complaint.order', `complaint.${input.step === 'followUp' ? 'follow-up' : input.step}`] });
};

export const workOrderStats: Handler<M['workorders.stats']> = async (ctx, input) => {
  const p = await policyAt(ctx.store, ctx.now);
  const rows = await ctx.store.workOrders.list({ scope: scopeFor(ctx.actor, 'work_orders'), openOnly: false, createdFrom: input.from, createdTo: input.to, limit: 100_000 });
  const byTeam = new Map<string | null, TeamStats>();
  for (const r of rows) {
    let s = byTeam.get(r.teamId);
    if (!s) byTeam.set(r.teamId, (s = { teamId: r.teamId, complaints: 0, resolved: 0, resolutionRate: null, workOrders: 0, supervised: 0, done: 0, callbacks: Object.fromEntries(CALLBACK_OUTCOMES.map((o) => [o, 0])) as TeamStats['callbacks'], atRisk: 0, overdue: 0 }));
    s.workOrders++;
    if (r.type === 'complaint') {
      s.complaints++;
      if (isResolved(r.steps)) s.resolved++;
    }
    if (r.supervisedAt) s.supervised++;
    if (r.status === 'done') s.done++;
    if (r.callbackOutcome) s.callbacks[r.callbackOutcome]++;
    const risk = riskOf(r, ctx.now, p.workOrderWarnHours);
    if (risk === 'warn') s.atRisk++;
    if (risk === 'overdue') s.overdue++;
  }
  return [...byTeam.values()].map((s) => ({ ...s, resolutionRate: s.complaints ? s.resolved / s.complaints : null })).sort((a, b) => String(a.teamId).localeCompare(String(b.teamId)));
};

export const workOrderHandlers = {
  'workorders.create': createWorkOrder,
  'workorders.list': listWorkOrders,
  'workorders.setStatus': setWorkOrderStatus,
  'workorders.reassign': reassignWorkOrder,
  'workorders.supervise': superviseWorkOrder,
  'workorders.callback': callbackWorkOrder,
  'workorders.complaintStep': complaintStep,
  'workorders.stats': workOrderStats,
};
