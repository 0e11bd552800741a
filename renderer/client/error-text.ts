import type { FieldIssue } from '../../shared/api/errors';
import { isMessageKey } from '../i18n/catalogues';
import { useI18n, type T } from '../i18n/i18n-store';
import { ruleCitation } from '../../shared/policy/rule-texts';
import { CallError } from './desk-client';

/** One line for a failed call, in the user's language. */
export function errorText(t: T, err: unknown): string {
  if (!(err instanceof CallError)) return t('err.internal');
  const { code, message, fields, ruleIds, params } = err.wire;
  // A rule refusal names the rule with its citation in the user's language, e.g. "swap.monthly-limit (Shift swap rules §3)".
  const id = ruleIds?.find((r) => isMessageKey(`rule.${r}`) || isMessageKey(`rule.${r}.${String(params?.problem ?? '')}`));
  if (id) {
    const key = [`rule.${id}.${String(params?.problem ?? '')}`, `rule.${id}`].find(isMessageKey)!;
    const locale = useI18n.getState().locale;
    return `${t(key, params)} — ${ruleIds!.map((r) => ruleCitation(locale, r)).join(', ')}`;
  }
  const first = fields?.[0]?.code;
  if (first && isMessageKey(first)) return t(first);
  if (code === 'unauthenticated') return t('err.unauthenticated');
  if (code === 'forbidden') return t('err.forbidden');
  if (code === 'internal') return message === 'network' ? t('err.network') : t('err.internal');
  return t('err.generic', { message });
}

/** Field path → message, translated where we own the message key. First issue per field wins. */
export function fieldMessages(t: T, issues: readonly FieldIssue[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of issues) {
    if (out[i.path] !== undefined) continue;
    out[i.path] = isMessageKey(i.code) ? t(i.code) : isMessageKey(i.message) ? t(i.message) : i.message;
  }
  return out;
}
