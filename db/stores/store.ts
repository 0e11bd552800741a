import type { Kysely } from 'kysely';
import type { Store } from '../../shared/store/store';
import type { Database } from '../schema';
import { callsStore } from './calls-store';
import { policyStore } from './policy-store';
import { rosterStore } from './roster-store';
import { calendarStore } from './calendar-store';
import { orgStore } from './org-store';
import { swapStore } from './swap-store';
import { leaveStore } from './leave-store';
import { SERVERLESS_WRITE, type WriteContext } from '../sync/write-context';

/** Binds every domain port to one handle, normally the current transaction. */
export function makeStore(db: Kysely<Database>, write: WriteContext = SERVERLESS_WRITE): Store {
  return { calls: callsStore(db, write), policy: policyStore(db, write), roster: rosterStore(db, write), calendar: calendarStore(db, write), org: orgStore(db, write), swaps: swapStore(db, write), leave: leaveStore(db, write) };
}
