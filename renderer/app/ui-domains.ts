import { auditUi } from '../features/audit/ui';
import { calendarUi } from '../features/calendar/ui';
import { callsUi } from '../features/calls/ui';
import { customersUi } from '../features/customers/ui';
import { workOrdersUi } from '../features/workorders/ui';
import { dashboardUi } from '../features/dashboard/ui';
import { deskUi } from '../features/desk/ui';
import { handoverUi } from '../features/handover/ui';
import { escalationUi } from '../features/escalation/ui';
import { answersUi } from '../features/answers/ui';
import { briefingUi } from '../features/briefing/ui';
import { reportsUi } from '../features/reports/ui';
import { qaUi } from '../features/qa/ui';
import { evaluationUi } from '../features/evaluation/ui';
import { leaveUi } from '../features/leave/ui';
import { orgUi } from '../features/org/ui';
import { policyUi } from '../features/policy/ui';
import { rosterUi } from '../features/roster/ui';
import { swapUi } from '../features/swap/ui';
import { syncUi } from '../features/sync/ui';
import { recordingsUi } from '../features/recordings/ui';
import type { UiDomain } from './ui-domain';

/**
 * Every domain's part of the desk (features/<domain>/ui.tsx), in menu order within each group. A new
 * domain adds one line here (and its words one line in i18n/domain-messages.ts); the menu, badges and the
 * inbox pick it up from its declaration.
 */
export const UI_DOMAINS: readonly UiDomain[] = [callsUi, handoverUi, briefingUi, escalationUi, answersUi, workOrdersUi, customersUi, qaUi, syncUi, rosterUi, leaveUi, swapUi, calendarUi, dashboardUi, reportsUi, evaluationUi, orgUi, policyUi, auditUi, deskUi, recordingsUi];
