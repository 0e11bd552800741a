import type { InboxItem } from '../../../shared/sync/methods';
import { isMessageKey } from '../../i18n/catalogues';
import type { T } from '../../i18n/i18n-store';
import { refusalLines, withCitation } from '../../client/rule-line';
import { wireErrorText } from '../../client/issue-text';

/** What the refused action was, in the reader's language. */
export function actionTitle(t: T, item: InboxItem): string {
  const key = `method.${item.name}`;
  const name = isMessageKey(key) ? t(key) : t('method.unknown', { name: item.name });
  const phone = (item.args as { customerPhone?: unknown } | null)?.customerPhone;
  return typeof phone === 'string' ? `${name} · ${phone}` : name;
}

/** Why the server refused it: each rule in the reader's language with its numbers, else the error kind. */
export function refusalReasons(t: T, item: InboxItem): string[] {
  const rules = refusalLines(t, item.error).map((l) => withCitation(t, l));
  if (rules.length) return rules;
  // The field's or the error kind's message in the reader's language; never the server's English text.
  return [wireErrorText(t, item.error, () => null)];
}
