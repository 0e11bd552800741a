import { auditMessages } from '../features/audit/messages';
import { calendarMessages } from '../features/calendar/messages';
import { callsMessages } from '../features/calls/messages';
import { customersMessages } from '../features/customers/messages';
import { workOrdersMessages } from '../features/workorders/messages';
import { dashboardMessages } from '../features/dashboard/messages';
import { deskMessages } from '../features/desk/messages';
import { handoverMessages } from '../features/handover/messages';
import { escalationMessages } from '../features/escalation/messages';
import { answersMessages } from '../features/answers/messages';
import { briefingMessages } from '../features/briefing/messages';
import { reportsMessages } from '../features/reports/messages';
import { qaMessages } from '../features/qa/messages';
import { calibrationMessages } from '../features/qa/calibration-messages';
import { qaReportMessages } from '../features/qa/report-messages';
import { evaluationMessages } from '../features/evaluation/messages';
import { notifyMessages } from '../features/notify/messages';
import { leaveMessages } from '../features/leave/messages';
import { orgMessages } from '../features/org/messages';
import { policyMessages } from '../features/policy/messages';
import { rosterMessages } from '../features/roster/messages';
import { spreadsheetMessages } from '../features/spreadsheet/messages';
import { swapMessages } from '../features/swap/messages';
import { recordingsMessages } from '../features/recordings/messages';

/**
 * Every domain's words (renderer/features/<domain>/messages.ts), merged into the catalogues. A new domain
 * declares its words in its own folder and adds one line here; a key two domains both claim fails the
 * i18n-catalogues test.
 */
export const DOMAIN_MESSAGES = [auditMessages, calendarMessages, callsMessages, customersMessages, dashboardMessages, deskMessages, handoverMessages, briefingMessages, escalationMessages, answersMessages, reportsMessages, qaMessages, calibrationMessages, evaluationMessages, workOrdersMessages, leaveMessages, notifyMessages, orgMessages, policyMessages, rosterMessages, spreadsheetMessages, swapMessages, recordingsMessages, qaReportMessages] as const;
