import { merged } from '../domains';

/**
 * Every rule the desk knows, composed from the domains' own files (shared/domains.ts). A rule ID is one of
 * these keys: RuleCheck, refusals and the policy's parameters are typed with it, so an ID without its words
 * and citation cannot be emitted.
 */
export const RULES = merged('rules');

export type RuleId = keyof typeof RULES;
export const RULE_IDS = Object.keys(RULES) as RuleId[];

export function isRuleId(id: string): id is RuleId {
  return Object.prototype.hasOwnProperty.call(RULES, id);
}
