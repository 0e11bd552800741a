import type { Localized, RuleLocale, RuleText } from './catalogue';
import { RULES, isRuleId } from './registry';
import { calendarDay, calendarMonth, clockTime, duration } from './units';

export type RuleParams = Readonly<Record<string, string | number>>;

/** Who reads the line, and how codes read in their language. */
export interface RuleReader {
  locale: RuleLocale;
  /** The policy in force: the numbers in a rule's plain words. */
  policy: Readonly<Record<string, unknown>>;
  /** Localized names for codes rules emit (shift codes, job types, approval levels, roles); the code when unknown. */
  name?(kind: 'shift' | 'team' | 'jobType' | 'level' | 'role', code: string): string;
  /** The reader's user id: a swap reads "you give …" to the requester and "… gives you" to the partner. */
  me?: string;
}

export interface RuleLine {
  ruleId: string;
  /** This case in plain words, every number filled (or the rule itself when no case line fits). */
  text: string;
  /** Where it comes from, to show small beside the text: 换班制度 三. */
  citation: string;
  /** The rule in plain words with the policy's numbers. */
  statement: string;
}

const SHIFT_PARAMS = new Set(['give', 'take', 'shift', 'otherShift']);
const NAME_KINDS: Record<string, 'team' | 'jobType' | 'level' | 'role'> = { team: 'team', requesterJob: 'jobType', partnerJob: 'jobType', approver: 'level', next: 'level', role: 'role' };

function fill(template: string, values: Readonly<Record<string, string>>): string | null {
  let missing = false;
  const out = template.replace(/\{(\w+)\}/g, (_m, k: string) => {
    if (k in values) return values[k]!;
    missing = true;
    return '';
  });
  return missing ? null : out;
}

/** Params as the reader says them: durations in days/hours, dates and months in their language, codes as names. */
function words(r: RuleReader, params: RuleParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(params)) {
    const s = String(v);
    if (k.endsWith('Minutes') && typeof v === 'number') out[k.slice(0, -'Minutes'.length)] = duration(r.locale, v);
    if (SHIFT_PARAMS.has(k) && s) out[k] = r.name?.('shift', s) ?? s;
    else if (NAME_KINDS[k]) out[k] = r.name?.(NAME_KINDS[k], s) ?? s;
    else if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(s)) out[k] = clockTime(r.locale, s, typeof r.policy.timezone === 'string' ? r.policy.timezone : 'Asia/Shanghai');
    else if (/^\d{4}-\d{2}-\d{2}$/.test(s)) out[k] = calendarDay(r.locale, s);
    else if (/^\d{4}-\d{2}$/.test(s)) out[k] = calendarMonth(r.locale, s);
    else out[k] = s;
  }
  return out;
}

function side(r: RuleReader, params: RuleParams): string {
  if (!r.me || params.requesterId === undefined) return '';
  return params.requesterId === r.me ? '@requester' : params.partnerId === r.me ? '@partner' : '@other';
}

function pick(lines: Readonly<Record<string, Localized>>, status: string, params: RuleParams, at: string): Localized | undefined {
  const sub = String(params.problem ?? params.variant ?? '');
  const bases = status === 'warn' ? ['warn', 'fail'] : [status];
  for (const base of bases) {
    const keys = [...(sub ? [`${base}.${sub}${at}`, `${base}.${sub}`] : []), `${base}${at}`, base];
    for (const k of keys) if (lines[k]) return lines[k];
  }
  return undefined;
}

export function statementOf(r: Pick<RuleReader, 'locale' | 'policy'>, ruleId: string): string {
  if (!isRuleId(ruleId)) return ruleId;
  const policy = Object.fromEntries(Object.entries(r.policy).map(([k, v]) => [k, String(v)]));
  const t: string = RULES[ruleId].statement[r.locale];
  return fill(t, policy) ?? t.replace(/\{(\w+)\}/g, '…');
}

/** 换班制度 三 / Shift swap rules §3. */
export function citationOf(locale: RuleLocale, ruleId: string): string {
  if (!isRuleId(ruleId)) return ruleId;
  const t: RuleText = RULES[ruleId];
  return t.section[locale] ? `${t.doc[locale]} ${t.section[locale]}` : t.doc[locale];
}

/** One judged rule (a check, or a refusal's rule with its numbers) in the reader's words. */
export function describeRule(r: RuleReader, c: { ruleId: string; status: 'pass' | 'fail' | 'warn' | 'unknown'; params?: RuleParams }): RuleLine {
  const params = c.params ?? {};
  const statement = statementOf(r, c.ruleId);
  const base = { ruleId: c.ruleId, citation: citationOf(r.locale, c.ruleId), statement };
  if (!isRuleId(c.ruleId)) return { ...base, text: c.ruleId };
  const lines = (RULES[c.ruleId] as RuleText).lines ?? {};
  const line = pick(lines, c.status, params, side(r, params));
  const text = line ? fill(line[r.locale], words(r, params)) : null;
  // A line whose numbers did not come with this case would show "{team}": say the rule itself instead.
  return { ...base, text: text ?? statement };
}

const LIST_SEP: Record<RuleLocale, string> = { 'zh-CN': '、', 'zh-TW': '、', en: ', ' };
const DOC_SEP: Record<RuleLocale, string> = { 'zh-CN': '；', 'zh-TW': '；', en: '; ' };

/** What a decision applied, by document: 换班制度 二、三、七；请假制度 八 (not a list of IDs). */
export function basisOf(locale: RuleLocale, ruleIds: readonly string[]): string {
  const byDoc = new Map<string, string[]>();
  for (const id of ruleIds) {
    if (!isRuleId(id)) continue;
    const t: RuleText = RULES[id];
    const sections = byDoc.get(t.doc[locale]) ?? [];
    if (t.section[locale] && !sections.includes(t.section[locale])) sections.push(t.section[locale]);
    byDoc.set(t.doc[locale], sections);
  }
  return [...byDoc].map(([doc, sections]) => (sections.length ? `${doc} ${sections.join(LIST_SEP[locale])}` : doc)).join(DOC_SEP[locale]);
}
