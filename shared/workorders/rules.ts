import type { Actor } from '../auth/roles';
import type { PolicyValues } from '../policy/schema';
import { COMPLAINT_STEPS, type ComplaintStep, type Risk, type StepRecord, type WorkOrderStatus, type WorkOrderType } from './schemas';

const HOUR = 3_600_000;

/** workorder.due: the service commitment's hours for this type of work order. */
export function commitmentHours(type: WorkOrderType, p: Pick<PolicyValues, 'workOrderDueHours' | 'complaintDueHours' | 'callbackDueHours'>): number {
  return type === 'complaint' ? p.complaintDueHours : type === 'callback' ? p.callbackDueHours : p.workOrderDueHours;
}

/** workorder.due: created at + the commitment's hours. */
export function dueAt(type: WorkOrderType, createdAt: string, p: Pick<PolicyValues, 'workOrderDueHours' | 'complaintDueHours' | 'callbackDueHours'>): string {
  return new Date(Date.parse(createdAt) + commitmentHours(type, p) * HOUR).toISOString();
}

/** workorder.pre-breach: done is never at risk; past due is overdue; within the warning hours of due, warn. */
export function riskOf(o: { dueAt: string; status: WorkOrderStatus }, now: string, warnHours: number): Risk {
  if (o.status === 'done') return 'ok';
  const left = Date.parse(o.dueAt) - Date.parse(now);
  return left < 0 ? 'overdue' : left <= warnHours * HOUR ? 'warn' : 'ok';
}

/** The step a complaint waits for (null: every step done). */
export function nextComplaintStep(done: readonly StepRecord[]): ComplaintStep | null {
  return COMPLAINT_STEPS[done.length] ?? null;
}

export type StepVerdict = { ok: true } | { ok: false; ruleIds: string[]; line: 'fail' | 'fail.dueMissing'; params: Record<string, string> };

/** complaint.order (+ the step's own rule): only the next step, and the compensate step says whether it was due. */
export function checkComplaintStep(done: readonly StepRecord[], step: ComplaintStep, due: boolean | undefined): StepVerdict {
  const next = nextComplaintStep(done);
  if (next !== step) return { ok: false, ruleIds: ['complaint.order', stepRule(step)], line: 'fail', params: { next: next ?? '', step } };
  if (step === 'compensate' && due === undefined) return { ok: false, ruleIds: ['complaint.order', 'complaint.compensate'], line: 'fail.dueMissing', params: {} };
  return { ok: true };
}

export function stepRule(step: ComplaintStep): string {
  return step === 'followUp' ? 'complaint.follow-up' : `complaint.${step}`;
}

/** A complaint counts as resolved (办结) once its resolve step is done (complaint.resolve). */
export function isResolved(steps: readonly StepRecord[]): boolean {
  return steps.some((s) => s.step === 'resolve');
}

/** workorder.close-rights: the owner, a lead of the work order's team, the department director. */
export function mayChange(actor: Actor, o: { ownerId: string; teamId: string | null }): boolean {
  if (actor.userId === o.ownerId) return true;
  if (actor.role === 'department_director') return true;
  return actor.role === 'team_lead' && actor.teamId !== null && actor.teamId === o.teamId;
}
