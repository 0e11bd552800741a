import type { RowScope } from '../sync/scope-rules';
import type { CallbackOutcome, Handoff, StepRecord, WorkOrderStatus, WorkOrderType } from './schemas';

/** A work order as stored (risk is computed when read). */
export interface WorkOrderRow {
  id: string;
  callId: string;
  teamId: string | null;
  type: WorkOrderType;
  title: string;
  ownerId: string;
  ownerName: string;
  createdBy: string;
  createdAt: string;
  dueAt: string;
  status: WorkOrderStatus;
  closedAt: string | null;
  closeNote: string;
  supervisedAt: string | null;
  superviseNote: string;
  callbackAt: string | null;
  callbackOutcome: CallbackOutcome | null;
  callbackNote: string;
  steps: StepRecord[];
  handoffs: Handoff[];
  ruleIds: string[];
  updatedAt: string;
  synced: boolean;
}

export interface WorkOrdersPort {
  get(id: string, scope?: RowScope): Promise<WorkOrderRow | null>;
  put(row: Omit<WorkOrderRow, 'ownerName' | 'synced'>): Promise<void>;
  /** In scope, newest due first; `openOnly`: not done. */
  list(o: { scope: RowScope; openOnly: boolean; ownerId?: string; callId?: string; createdFrom?: string; createdTo?: string; limit: number }): Promise<WorkOrderRow[]>;
}
