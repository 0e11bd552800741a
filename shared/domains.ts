import { sessionMethods } from './auth/methods';
import { deskMethods } from './desk/methods';
import { syncMethods } from './sync/methods';
import { syncRuleTexts } from './sync/rule-texts';
import { callMethods } from './calls/methods';
import { callTables } from './calls/tables';
import { customerMethods } from './customers/methods';
import { customerTables } from './customers/tables';
import { customerRuleTexts } from './customers/rule-texts';
import { workOrderMethods } from './workorders/methods';
import { workOrderTables } from './workorders/tables';
import { workOrderRuleTexts } from './workorders/rule-texts';
import { policyMethods } from './policy/methods';
import { policyTables } from './policy/tables';
import { rosterMethods } from './roster/methods';
import { rosterTables } from './roster/tables';
import { rosterRuleTexts } from './roster/rule-texts';
import { calendarMethods } from './calendar/methods';
import { calendarTables } from './calendar/tables';
import { orgMethods } from './org/methods';
import { accountMethods } from './org/account-methods';
import { orgTables } from './org/tables';
import { swapMethods } from './swap/methods';
import { swapTables } from './swap/tables';
import { swapRuleTexts } from './swap/rule-texts';
import { leaveMethods } from './leave/methods';
import { disciplineMethods } from './leave/discipline-methods';
import { leaveTables } from './leave/tables';
import { leaveRuleTexts } from './leave/rule-texts';
import { auditMethods } from './audit/methods';
import { auditTables } from './audit/tables';
import { handoverRuleTexts } from './handover/rule-texts';
import { dutyMethods, handoverMethods } from './handover/methods';
import { handoverTables } from './handover/tables';
import { noticeMethods, noticeTables } from './handover/notices';
import { awayMethods, awayTables } from './handover/away';
import { escalationRuleTexts } from './escalation/rule-texts';
import { escalationMethods } from './escalation/methods';
import { helpMethods } from './escalation/help-methods';
import { escalationTables } from './escalation/tables';
import { answerMethods } from './answers/methods';
import { answerTables } from './answers/tables';
import { answerRuleTexts } from './answers/rule-texts';
import { briefingMethods } from './briefing/methods';
import { briefingTables } from './briefing/tables';
import { recordingMethods } from './recordings/methods';
import { recordingTables } from './recordings/tables';
import { recordingRuleTexts } from './recordings/rule-texts';
import { qaRuleTexts } from './qa/rule-texts';
import { qaMethods } from './qa/methods';
import { qaTables } from './qa/tables';
import { reportRuleTexts } from './reports/rule-texts';
import { reportMethods } from './reports/methods';
import { reportTables } from './reports/tables';
import { evaluationRuleTexts } from './evaluation/rule-texts';
import { evaluationMethods } from './evaluation/methods';
import { evaluationTables } from './evaluation/tables';
import type { MethodSpec } from './api/method';
import type { SyncedTableSpec } from './sync/tables';
import type { RuleText } from './rules/catalogue';

/**
 * Every domain declares itself here, once: its methods (shared/api/table.ts), the tables it syncs and who
 * sees what (shared/sync/registry.ts) and its rules in words (shared/rules/registry.ts) are all composed from
 * this list. Data only — handlers are composed in shared/api/shared-handlers.ts (they import the scope rules
 * this list feeds, so they cannot sit here without a cycle). Order: parents before children (teams and
 * people before what names them), which is also the order a patch is applied in.
 */
export const DOMAINS = {
  session: { methods: sessionMethods },
  desk: { methods: deskMethods },
  org: { methods: { ...orgMethods, ...accountMethods }, tables: orgTables },
  calls: { methods: callMethods, tables: callTables },
  customers: { methods: customerMethods, tables: customerTables, rules: customerRuleTexts },
  workorders: { methods: workOrderMethods, tables: workOrderTables, rules: workOrderRuleTexts },
  sync: { methods: syncMethods, rules: syncRuleTexts },
  policy: { methods: policyMethods, tables: policyTables },
  roster: { methods: rosterMethods, tables: rosterTables, rules: rosterRuleTexts },
  calendar: { methods: calendarMethods, tables: calendarTables },
  swap: { methods: swapMethods, tables: swapTables, rules: swapRuleTexts },
  leave: { methods: { ...leaveMethods, ...disciplineMethods }, tables: leaveTables, rules: leaveRuleTexts },
  audit: { methods: auditMethods, tables: auditTables },
  handover: { methods: { ...dutyMethods, ...awayMethods, ...handoverMethods, ...noticeMethods }, tables: { ...handoverTables, ...awayTables, ...noticeTables }, rules: handoverRuleTexts },
  escalation: { methods: { ...escalationMethods, ...helpMethods }, tables: escalationTables, rules: escalationRuleTexts },
  answers: { methods: answerMethods, tables: answerTables, rules: answerRuleTexts },
  // Roll call, QA's common issues, the handover meeting, the duty log: rules of handover, qa and reports, cited from there.
  briefing: { methods: briefingMethods, tables: briefingTables },
  reports: { methods: reportMethods, tables: reportTables, rules: reportRuleTexts },
  qa: { methods: qaMethods, tables: qaTables, rules: qaRuleTexts },
  evaluation: { methods: evaluationMethods, tables: evaluationTables, rules: evaluationRuleTexts },
  recordings: { methods: recordingMethods, tables: recordingTables, rules: recordingRuleTexts },
} as const satisfies Record<string, { methods?: Record<string, MethodSpec>; tables?: Record<string, SyncedTableSpec>; rules?: Record<string, RuleText> }>;

type Domains = typeof DOMAINS;
type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;
type Part<K extends string> = { [D in keyof Domains]: Domains[D] extends Record<K, infer P> ? P : never }[keyof Domains];
/** All domains' `methods` (or `tables`, `rules`) as one object type. */
export type Merged<K extends 'methods' | 'tables' | 'rules'> = UnionToIntersection<Part<K>>;

export function merged<K extends 'methods' | 'tables' | 'rules'>(part: K): Merged<K> {
  const out: Record<string, unknown> = {};
  for (const d of Object.values(DOMAINS) as Partial<Record<K, Record<string, unknown>>>[])
    for (const [name, value] of Object.entries(d[part] ?? {})) {
      // Two domains claiming one name would silently shadow each other.
      if (name in out) throw new Error(`${part} "${name}" is declared by two domains`);
      out[name] = value;
    }
  return out as Merged<K>;
}
