import type { Params } from '../i18n/catalogues';
import { isMessageKey } from '../i18n/catalogues';
import { useI18n, type T } from '../i18n/i18n-store';
import { ruleCitation } from '../../shared/policy/rule-texts';

/**
 * One refused rule in the reader's language: this case's line (`rule.<id>.<problem>` or `rule.<id>`) and
 * the rule's citation, e.g. "… — swap.monthly-limit (Shift swap rules §3)". Null when we have no line for it.
 */
export function ruleLine(t: T, ruleId: string, params: Params = {}): string | null {
  const key = [`rule.${ruleId}.${String(params.problem ?? '')}`, `rule.${ruleId}`].find(isMessageKey);
  return key ? `${t(key, params)} — ${ruleCitation(useI18n.getState().locale, ruleId)}` : null;
}
