import { swapRuleTexts } from '../swap/rule-texts';
import { leaveRuleTexts } from '../leave/rule-texts';
import { rosterRuleTexts } from '../roster/rule-texts';
import { syncRuleTexts } from '../sync/rule-texts';
import { handoverRuleTexts } from '../handover/rule-texts';
import { escalationRuleTexts } from '../escalation/rule-texts';
import { qaRuleTexts } from '../qa/rule-texts';
import { reportRuleTexts } from '../reports/rule-texts';
import { evaluationRuleTexts } from '../evaluation/rule-texts';
import type { RuleText } from './catalogue';

/**
 * Every rule the desk knows, composed from the domains' own files (as shared/api/table.ts composes their
 * methods). A rule ID is one of these keys: RuleCheck, refusals and the policy's parameters are typed with it,
 * so an ID without its words and citation cannot be emitted.
 */
export const RULES = {
  ...swapRuleTexts,
  ...leaveRuleTexts,
  ...rosterRuleTexts,
  ...syncRuleTexts,
  ...handoverRuleTexts,
  ...escalationRuleTexts,
  ...qaRuleTexts,
  ...reportRuleTexts,
  ...evaluationRuleTexts,
} as const satisfies Record<string, RuleText>;

export type RuleId = keyof typeof RULES;
export const RULE_IDS = Object.keys(RULES) as RuleId[];

export function isRuleId(id: string): id is RuleId {
  return Object.prototype.hasOwnProperty.call(RULES, id);
}
