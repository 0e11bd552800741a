/**
 * How a domain states its rules, once, in the three UI languages: where the rule comes from (document and
 * section of the originals in seeds/), the rule in plain words (with `{policyKey}` placeholders), and this
 * case's line per outcome (with the `{param}`s the rule function emits). shared/rules/registry.ts composes
 * every domain's file; the desk, the server and docs/RULES.md all read that one registry.
 *
 * Line keys: `fail`, `fail.<problem>`, `warn`, `pass`, `pass.<variant>`, `unknown`, each optionally with
 * `@requester` / `@partner` / `@other` for a request read from one person's own side.
 */
import type { UiLocale } from '../i18n/local-names';

export type RuleLocale = UiLocale;
export type Localized = Readonly<Record<RuleLocale, string>>;

export interface RuleText {
  /** The document of the originals: 换班制度, 请假制度 … (or our own, for the desk's sync rules). */
  doc: Localized;
  /** Its section, as the document numbers it: 三, 1–5, §3 … ('' when the document is the rule). */
  section: Localized;
  /** The rule in plain words, with the policy's numbers as `{key}`. */
  statement: Localized;
  lines?: Readonly<Record<string, Localized>>;
  /** Where the desk decides it (shown in docs/RULES.md): 'checked' by a rule function, 'shown' only. */
  enforced: 'checked' | 'shown';
}

export function defineRules<T extends Record<string, RuleText>>(rules: T): T {
  return rules;
}

/** Same text in every language (numbers, codes). */
export const same = (s: string): Localized => ({ 'zh-CN': s, 'zh-TW': s, en: s });
