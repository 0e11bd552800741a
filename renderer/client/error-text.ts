import type { FieldIssue } from '../../shared/api/errors';
import { isMessageKey } from '../i18n/catalogues';
import type { T } from '../i18n/i18n-store';
import { ruleLine } from './rule-line';
import { CallError } from './desk-client';

/** One line for a failed call, in the user's language. */
export function errorText(t: T, err: unknown): string {
  if (!(err instanceof CallError)) return t('err.internal');
  const { code, message, fields, ruleIds, params } = err.wire;
  // A rule refusal names the rule with its citation in the user's language, e.g. "swap.monthly-limit (Shift swap rules §3)".
  const line = ruleIds?.map((r) => ruleLine(t, r, params)).find((l) => l !== null);
  if (line) return line;
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
