import type { T } from '../i18n/i18n-store';
import { ruleLine } from './rule-line';
import { CallError } from './desk-client';
import { wireErrorText } from './issue-text';

export { fieldMessages, localIssues, type Issue } from './issue-text';

/**
 * One line for a failed call, in the user's language: the refused rule with its citation, else the first
 * field's message, else what kind of failure it was. Never zod's wording or the server's English `message`.
 */
export function errorText(t: T, err: unknown): string {
  if (!(err instanceof CallError)) return t('err.internal');
  return wireErrorText(t, err.wire, (id, params) => ruleLine(t, id, params));
}
