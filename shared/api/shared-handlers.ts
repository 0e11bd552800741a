import { callHandlers } from '../calls/handlers';
import { customerHandlers } from '../customers/handlers';
import { workOrderHandlers } from '../workorders/handlers';
import { policyHandlers } from '../policy/handlers';
import { rosterHandlers } from '../roster/handlers';
import { calendarHandlers } from '../calendar/handlers';
import { orgHandlers } from '../org/handlers';
import { swapHandlers } from '../swap/handlers';
import { leaveHandlers } from '../leave/handlers';
import { disciplineHandlers } from '../leave/discipline';
import { auditHandlers } from '../audit/handlers';
import { handoverHandlers } from '../handover/handlers';
import { escalationHandlers } from '../escalation/handlers';
import { answerHandlers } from '../answers/handlers';
import { briefingHandlers } from '../briefing/handlers';
import { reportHandlers } from '../reports/handlers';
import { qaHandlers } from '../qa/handlers';
import { evaluationHandlers } from '../evaluation/handlers';
import { recordingHandlers } from '../recordings/handlers';

/** Domain handlers that run unchanged on a desk (optimistically) and on the server (canonically). */
export const sharedHandlers = { ...callHandlers, ...customerHandlers, ...workOrderHandlers, ...policyHandlers, ...rosterHandlers, ...calendarHandlers, ...orgHandlers, ...swapHandlers, ...leaveHandlers, ...disciplineHandlers, ...auditHandlers, ...handoverHandlers, ...escalationHandlers, ...answerHandlers, ...briefingHandlers, ...reportHandlers, ...qaHandlers, ...evaluationHandlers, ...recordingHandlers };
