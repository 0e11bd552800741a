import { z } from 'zod';
import { Id, Instant, Text } from '../api/fields';

/** 故障报修、账务核实、业务办理、投诉处理、回访 */
export const WORK_ORDER_TYPES = ['fault', 'billing', 'service', 'complaint', 'callback'] as const;
export type WorkOrderType = (typeof WORK_ORDER_TYPES)[number];

/** open → in_progress → done; done is final (a callback afterwards records how the customer found it). */
export const WORK_ORDER_STATUSES = ['open', 'in_progress', 'done'] as const;
export type WorkOrderStatus = (typeof WORK_ORDER_STATUSES)[number];

/**
 * The complaint steps of seeds/001 Ⅲ.2 (零投诉), in their order: apologise and record the customer's view,
 * resolve at once, compensate (when due), recommend a suitable product, keep in touch.
 */
export const COMPLAINT_STEPS = ['apologise', 'resolve', 'compensate', 'recommend', 'followUp'] as const;
export type ComplaintStep = (typeof COMPLAINT_STEPS)[number];

export const CALLBACK_OUTCOMES = ['satisfied', 'unsatisfied', 'unreachable'] as const;
export type CallbackOutcome = (typeof CALLBACK_OUTCOMES)[number];

/** ok: in time; warn: due within the policy's warning hours; overdue: past due and not done. */
export type Risk = 'ok' | 'warn' | 'overdue';

export const StepRecordSchema = z.object({
  step: z.enum(COMPLAINT_STEPS),
  at: z.string(),
  by: z.string(),
  note: z.string(),
  /** The compensate step only: whether compensation was due (false: recorded as not due, and skipped). */
  due: z.boolean().optional(),
});
export type StepRecord = z.infer<typeof StepRecordSchema>;

/** A hand-over of a work order to someone else of its team (workorders.reassign), kept on the order. */
export const HandoffSchema = z.object({ at: z.string(), by: z.string(), fromId: z.string(), toId: z.string(), reason: z.string() });
export type Handoff = z.infer<typeof HandoffSchema>;

export const WorkOrderSchema = z.object({
  id: z.string(),
  callId: z.string(),
  teamId: z.string().nullable(),
  type: z.enum(WORK_ORDER_TYPES),
  title: z.string(),
  ownerId: z.string(),
  ownerName: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
  dueAt: z.string(),
  status: z.enum(WORK_ORDER_STATUSES),
  closedAt: z.string().nullable(),
  closeNote: z.string(),
  /** 督办: a lead or the department director pressed for it. */
  supervisedAt: z.string().nullable(),
  superviseNote: z.string(),
  /** 回访: the customer was called back. */
  callbackAt: z.string().nullable(),
  callbackOutcome: z.enum(CALLBACK_OUTCOMES).nullable(),
  callbackNote: z.string(),
  /** Complaint steps done, in order (complaints only). */
  steps: z.array(StepRecordSchema),
  /** Hand-overs, oldest first. */
  handoffs: z.array(HandoffSchema),
  /** Rule IDs the last decision on it applied. */
  ruleIds: z.array(z.string()),
  risk: z.enum(['ok', 'warn', 'overdue']),
  updatedAt: z.string(),
  synced: z.boolean(),
});
export type WorkOrder = z.infer<typeof WorkOrderSchema>;

export const CreateWorkOrderSchema = z.object({
  id: z.uuid(),
  callId: Id(),
  type: z.enum(WORK_ORDER_TYPES),
  title: Text(200, { required: true, multiline: true }),
  /** Whose it is; the creator when absent. A lead may give it to anyone of the team. */
  ownerId: Id().optional(),
});

export const WORK_ORDER_VIEWS = ['mine', 'open', 'atRisk', 'overdue', 'all'] as const;
export const ListWorkOrdersSchema = z.object({
  view: z.enum(WORK_ORDER_VIEWS).default('open'),
  callId: Id().optional(),
  limit: z.number().int().min(1).max(1000).default(200),
});

export const SetStatusSchema = z.object({ id: Id(), status: z.enum(['in_progress', 'done']), note: Text(500, { multiline: true }).default('') });
/** Hand a work order to another person of its team, saying why. */
export const ReassignSchema = z.object({ id: Id(), toId: z.string().min(1, { error: 'err.required' }).pipe(Id()), reason: Text(500, { required: true, multiline: true }) });
export const SuperviseSchema = z.object({ id: Id(), note: Text(500, { required: true, multiline: true }) });
export const CallbackSchema = z.object({ id: Id(), outcome: z.enum(CALLBACK_OUTCOMES), note: Text(500, { multiline: true }).default('') });
export const ComplaintStepSchema = z.object({
  id: Id(),
  step: z.enum(COMPLAINT_STEPS),
  note: Text(500, { required: true, multiline: true }),
  /** Required with the compensate step: was compensation due? */
  due: z.boolean().optional(),
});

export const StatsInputSchema = z.object({ from: Instant, to: Instant }).refine((v) => Date.parse(v.from) < Date.parse(v.to), { path: ['to'], error: 'err.range' });
export const TeamStatsSchema = z.object({
  teamId: z.string().nullable(),
  complaints: z.number().int(),
  resolved: z.number().int(),
  /** resolved / complaints, 0–1; null when there were none. */
  resolutionRate: z.number().nullable(),
  workOrders: z.number().int(),
  supervised: z.number().int(),
  done: z.number().int(),
  callbacks: z.record(z.enum(CALLBACK_OUTCOMES), z.number().int()),
  atRisk: z.number().int(),
  overdue: z.number().int(),
});
export type TeamStats = z.infer<typeof TeamStatsSchema>;
