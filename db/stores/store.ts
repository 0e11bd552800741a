import type { Kysely } from 'kysely';
import type { Store } from '../../shared/store/store';
import type { Database } from '../schema';
import { callsStore } from './calls-store';

/** Binds every domain port to one handle, normally the current transaction. */
export function makeStore(db: Kysely<Database>): Store {
  return { calls: callsStore(db) };
}
