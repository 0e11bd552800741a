import { z } from 'zod';
import { defineMethod } from '../api/method';
import { CallbackSchema, ComplaintStepSchema, CreateWorkOrderSchema, ListWorkOrdersSchema, ReassignSchema, SetStatusSchema, StatsInputSchema, SuperviseSchema, TeamStatsSchema, WorkOrderSchema } from './schemas';

const WORKERS = ['agent', 'team_lead', 'department_director'] as const;
const READERS = ['agent', 'team_lead', 'department_director', 'center_director'] as const;

export const workOrderMethods = {
  /** From a call: its type decides the due time (workorder.due). */
  'workorders.create': defineMethod({ kind: 'mutation', access: ['agent', 'team_lead'], input: CreateWorkOrderSchema, output: WorkOrderSchema }),
  /** Mine, open, at risk (due within the warning hours), overdue or all — within the reader's scope. */
  'workorders.list': defineMethod({ kind: 'query', access: READERS, input: ListWorkOrdersSchema, output: z.array(WorkOrderSchema) }),
  'workorders.setStatus': defineMethod({ kind: 'mutation', access: WORKERS, input: SetStatusSchema, output: WorkOrderSchema }),
  /** Hand it to another person of its team (the owner with a reason, a lead of the team, the department director); audited. */
  'workorders.reassign': defineMethod({ kind: 'mutation', audit: true, access: WORKERS, input: ReassignSchema, output: WorkOrderSchema }),
  /** 督办: a lead or the department director presses for an open work order, with a note. */
  'workorders.supervise': defineMethod({ kind: 'mutation', access: ['team_lead', 'department_director'], input: SuperviseSchema, output: WorkOrderSchema }),
  /** 回访: the customer was called back, and how they found it. */
  'workorders.callback': defineMethod({ kind: 'mutation', access: WORKERS, input: CallbackSchema, output: WorkOrderSchema }),
  /** One complaint step, in order (complaint.order). */
  'workorders.complaintStep': defineMethod({ kind: 'mutation', access: WORKERS, input: ComplaintStepSchema, output: WorkOrderSchema }),
  /** Per team, for work orders created in [from, to): complaints and resolution rate, supervision, callbacks, risk. */
  'workorders.stats': defineMethod({ kind: 'query', access: ['team_lead', 'department_director', 'center_director'], input: StatsInputSchema, output: z.array(TeamStatsSchema) }),
};
