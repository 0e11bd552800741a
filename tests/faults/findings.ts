import type { Severity } from './leg';

/**
 * What the harness found while it was being built, with what became of each: the report lists these beside
 * whatever the run itself finds. A fixed one stays here with its fix and regression test, so a later run that
 * finds it again is recognised.
 */
export const KNOWN_FINDINGS: { severity: Severity; title: string; status: string; detail: string }[] = [
  {
    severity: 'major',
    title: 'A desk whose clock had been a day ahead had every act refused for the next day after its clock was put right',
    status:
      'fixed in the working tree (not committed yet): `shared/sync/hlc.ts` (`hlcReceive` takes a bound), `db/sync/hlc-store.ts` (`receiveTime` bounds by the policy\'s `clockDriftMinutes`); regression test `tests/unit/desk-clock-put-right.test.ts`',
    detail:
      'Fault "desk clock +24 h", then the heal: the hybrid logical clock never runs backwards, so it kept the +24 h it had stamped with and every later act was refused as `sync.clock-drift` (seed 11, `--faults "desk clock +24 h"`: 2 acts made with a right clock refused). ' +
      'Now a pull drops an HLC that is further ahead of both the server\'s time and the desk\'s own clock than the drift the server accepts (stamps from it could only be refused) and starts again from the later of the two. ' +
      'Still so, by design: acts made after the clock is put right but before the first successful pull carry the old clock and are refused (visibly, in the inbox).',
  },
  {
    severity: 'minor',
    title: 'A desk with a full disk answered "internal error" instead of "unavailable" (and its sync logged a misleading "cannot rollback")',
    status: 'fixed in the working tree (not committed yet): `db/open-sqlite.ts` (rollback only a transaction SQLite has not already rolled back); regression test `tests/unit/desk-disk-full.test.ts`',
    detail:
      'Fault "disk full (desk)": SQLite rolls the whole transaction back by itself on SQLITE_FULL; kysely\'s ROLLBACK then failed with "no transaction is active" and that SQLITE_ERROR replaced the SQLITE_FULL, so `isDatabaseUnavailable` did not recognise it: the person was told "Internal error" rather than "the database is unavailable, nothing was saved, try again" (docs/DECISIONS.md). Nothing acknowledged was lost.',
  },
];
