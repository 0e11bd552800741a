import type { Kysely } from 'kysely';
import type { Store } from '../../shared/store/store';
import type { Database } from '../schema';
import { callsStore } from './calls-store';
import { customersStore } from './customers-store';
import { workOrdersStore } from './workorders-store';
import { evaluationStore } from './evaluation-store';
import { policyStore } from './policy-store';
import { rosterStore } from './roster-store';
import { calendarStore } from './calendar-store';
import { orgStore } from './org-store';
import { swapStore } from './swap-store';
import { leaveStore } from './leave-store';
import { auditStore } from './audit-store';
import { handoverStore } from './handover-store';
import { escalationStore } from './escalation-store';
import { answersStore } from './answers-store';
import { briefingStore } from './briefing-store';
import { helpStore } from './help-store';
import { meetingsStore, reportsStore } from './reports-store';
import { qaStore } from './qa-store';
import { recordingsStore } from './recordings-store';
import { READ_ONLY, type Writer } from '../sync/writer';

/** Binds every domain port to one handle, normally the current transaction, and to its one writer (none: read only). */
export function makeStore(db: Kysely<Database>, w: Writer = READ_ONLY): Store {
  return { calls: callsStore(db, w), customers: customersStore(db, w), workOrders: workOrdersStore(db, w), policy: policyStore(db, w), roster: rosterStore(db, w), calendar: calendarStore(db, w), org: orgStore(db, w), swaps: swapStore(db, w), leave: leaveStore(db, w), audit: auditStore(db), handover: handoverStore(db, w), escalations: escalationStore(db, w), help: helpStore(db, w), answers: answersStore(db, w), briefing: briefingStore(db, w), reports: reportsStore(db, w), meetings: meetingsStore(db, w), qa: qaStore(db, w), evaluation: evaluationStore(db, w), recordings: recordingsStore(db, w) };
}
