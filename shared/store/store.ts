import type { CallsPort } from '../calls/port';
import type { CustomersPort } from '../customers/port';
import type { WorkOrdersPort } from '../workorders/port';
import type { PolicyPort } from '../policy/port';
import type { RosterPort } from '../roster/port';
import type { CalendarPort } from '../calendar/port';
import type { OrgPort } from '../org/port';
import type { SwapPort } from '../swap/port';
import type { LeavePort } from '../leave/port';
import type { AuditPort } from '../audit/port';
import type { HandoverPort } from '../handover/port';
import type { EscalationPort, HelpPort } from '../escalation/port';
import type { AnswersPort } from '../answers/port';
import type { BriefingPort } from '../briefing/port';
import type { MeetingsPort, ReportsPort } from '../reports/port';
import type { QaPort } from '../qa/port';
import type { EvaluationPort } from '../evaluation/port';
import type { RecordingsPort } from '../recordings/port';

/** Everything shared handlers may touch, one port per domain, bound to the current transaction. */
export interface Store {
  calls: CallsPort;
  customers: CustomersPort;
  workOrders: WorkOrdersPort;
  policy: PolicyPort;
  roster: RosterPort;
  calendar: CalendarPort;
  org: OrgPort;
  swaps: SwapPort;
  leave: LeavePort;
  audit: AuditPort;
  handover: HandoverPort;
  escalations: EscalationPort;
  help: HelpPort;
  answers: AnswersPort;
  briefing: BriefingPort;
  reports: ReportsPort;
  meetings: MeetingsPort;
  qa: QaPort;
  evaluation: EvaluationPort;
  recordings: RecordingsPort;
}
