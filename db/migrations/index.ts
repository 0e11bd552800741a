import { m001Initial } from './001-initial';
import { m002Sync } from './002-sync';
import { m003Policy } from './003-policy';
import { m004Roster } from './004-roster';
import { m005Calendar } from './005-calendar';
import { m006SwapsLeave } from './006-swaps-leave';
import { m007SyncIndexes } from './007-sync-indexes';
import { m009UndoClient } from './009-undo-client';
import { m010RefusalChecks } from './010-refusal-checks';
import { m011LocalNames } from './011-local-names';
import { m012ActTimeBounds } from './012-act-time-bounds';
import { m013MustChangePassword } from './013-must-change-password';
import { m014AuditLog } from './014-audit-log';
import { m015DeskBoundSessions } from './015-desk-bound-sessions';
import { m016Handover } from './016-handover';
import { m017Escalation } from './017-escalation';
import { m018CallsWorkorders } from './018-calls-workorders';
import { m019Answers } from './019-answers';
import { m020Briefing } from './020-briefing';
import { m021Recordings } from './021-recordings';
import { m022Reports } from './022-reports';
import { m023Qa } from './023-qa';
import { m024CenterEvaluation } from './024-center-evaluation';
import { m025CallSearch } from './025-call-search';
import type { Migration } from './types';

/** In order; append only. A released migration is never edited: add a new one. */
export const MIGRATIONS: readonly Migration[] = [m001Initial, m002Sync, m003Policy, m004Roster, m005Calendar, m006SwapsLeave, m007SyncIndexes, m009UndoClient, m010RefusalChecks, m011LocalNames, m012ActTimeBounds, m013MustChangePassword, m014AuditLog, m015DeskBoundSessions, m016Handover, m017Escalation, m018CallsWorkorders, m019Answers, m020Briefing, m021Recordings, m022Reports, m023Qa, m024CenterEvaluation, m025CallSearch];
export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
