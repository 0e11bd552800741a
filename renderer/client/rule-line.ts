import type { WireError } from '../../shared/api/errors';
import { describeRule, type RuleLine, type RuleParams, type RuleReader } from '../../shared/rules/describe';
import { POLICY_DEFAULTS } from '../../shared/policy/defaults';
import type { PolicyValues } from '../../shared/policy/schema';
import { isMessageKey } from '../i18n/catalogues';
import { useI18n, type T } from '../i18n/i18n-store';
import { shiftName, teamName } from './names';
import { useSession } from '../stores/session-store';

let lastPolicy: PolicyValues = POLICY_DEFAULTS;
/** usePolicy keeps this current, so a line written outside React (a toast) quotes the policy in force. */
export function rememberPolicy(p: PolicyValues): void {
  lastPolicy = p;
}

/** How the reader names things: their language, the policy in force, shift and team names, their own id. */
export function ruleReader(t: T, policy: PolicyValues = lastPolicy): RuleReader {
  const word = (key: string, code: string) => (isMessageKey(key) ? t(key) : code);
  return {
    locale: useI18n.getState().locale,
    policy,
    me: useSession.getState().actor?.userId,
    name: (kind, code) =>
      kind === 'shift' ? shiftName(code) : kind === 'team' ? teamName(code) : kind === 'jobType' ? word(`jobType.${code}`, code) : kind === 'level' ? word(`leave.level.${code}`, code) : word(`role.${code}`, code),
  };
}

/** One refused rule as a sentence: the rule in words with this case's numbers, then where it comes from. */
export function ruleLine(t: T, ruleId: string, params: RuleParams = {}): string | null {
  const line = describeRule(ruleReader(t), { ruleId, status: 'fail', params });
  return withCitation(t, line);
}

export function withCitation(t: T, line: RuleLine): string {
  return t('rule.withCitation', { text: line.text, citation: line.citation });
}

/** Every rule a refusal names, each with its own numbers (older refusals carry only the first rule's). */
export function refusalLines(t: T, wire: WireError): RuleLine[] {
  const reader = ruleReader(t);
  const byRule = new Map((wire.checks ?? []).map((c) => [c.ruleId, c.params]));
  return (wire.ruleIds ?? []).map((ruleId, i) => describeRule(reader, { ruleId, status: 'fail', params: byRule.get(ruleId) ?? (i === 0 ? (wire.params ?? {}) : {}) }));
}
