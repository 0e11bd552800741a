import type { Template, TemplateBody } from './schemas';

/** The built-in scorecard's template id; its version 1 lives here, later versions are published rows. */
export const DEFAULT_TEMPLATE_ID = 'qa-default';
export const DEFAULT_TEMPLATE_VERSION_ID = 'qa-default-v1';

/**
 * qa.criteria: the five things every check covers (seeds/001 質檢員的職責 3), in two sections of equal
 * weight. Service wording is yes/no and fails its section when missing; an attitude at its lowest point
 * fails the whole evaluation; adaptability may be N/A (a call that needed none).
 */
export const DEFAULT_TEMPLATE: Template = {
  id: DEFAULT_TEMPLATE_VERSION_ID,
  templateId: DEFAULT_TEMPLATE_ID,
  version: 1,
  builtin: true,
  createdBy: 'system',
  createdAt: '2000-01-01T00:00:00.000Z',
  names: { 'zh-CN': '服务质量综合考评表', 'zh-TW': '服務質量綜合考評表', en: 'Service-quality evaluation form' },
  weightTotal: 100,
  sections: [
    {
      id: 'manner',
      names: { 'zh-CN': '服务规范', 'zh-TW': '服務規範', en: 'Service manner' },
      weight: 50,
      criteria: [
        { id: 'wording', names: { 'zh-CN': '服务用语', 'zh-TW': '服務用語', en: 'Service wording' }, weight: 35, scale: 'yesno', critical: 'section', allowNa: false },
        { id: 'attitude', names: { 'zh-CN': '服务态度', 'zh-TW': '服務態度', en: 'Attitude' }, weight: 40, scale: 'likert5', critical: 'evaluation', allowNa: false },
        { id: 'tone', names: { 'zh-CN': '语气语调', 'zh-TW': '語氣語調', en: 'Tone' }, weight: 25, scale: 'likert5', critical: 'none', allowNa: false },
      ],
    },
    {
      id: 'handling',
      names: { 'zh-CN': '业务能力', 'zh-TW': '業務能力', en: 'Handling' },
      weight: 50,
      criteria: [
        { id: 'needs', names: { 'zh-CN': '客户需求的归纳能力', 'zh-TW': '客戶需求的歸納能力', en: "Grasp of the customer's need" }, weight: 60, scale: 'likert5', critical: 'none', allowNa: false },
        { id: 'adaptability', names: { 'zh-CN': '接待客户应变能力', 'zh-TW': '接待客戶應變能力', en: 'Adaptability' }, weight: 40, scale: 'likert5', critical: 'none', allowNa: true },
      ],
    },
  ],
};

export type TemplateProblem =
  | { kind: 'noCriteria'; path: string }
  | { kind: 'sectionWeights'; path: string; sum: number; total: number }
  | { kind: 'criterionWeights'; path: string; sum: number; total: number }
  | { kind: 'duplicateId'; path: string }
  | { kind: 'naOnCritical'; path: string };

/**
 * A template is valid when it has at least one criterion, section weights sum to its weightTotal, each
 * section's criterion weights sum to it too, ids are unique, and no critical item may be N/A (a critical
 * check that can be skipped is not one). Scales are checked by the schema's enum.
 */
export function templateProblems(t: TemplateBody): TemplateProblem[] {
  const out: TemplateProblem[] = [];
  const criteria = t.sections.flatMap((s) => s.criteria);
  if (criteria.length === 0) out.push({ kind: 'noCriteria', path: 'sections' });
  const sectionSum = t.sections.reduce((a, s) => a + s.weight, 0);
  if (t.sections.length > 0 && sectionSum !== t.weightTotal) out.push({ kind: 'sectionWeights', path: 'sections', sum: sectionSum, total: t.weightTotal });
  const seen = new Set<string>();
  t.sections.forEach((s, i) => {
    if (seen.has(`s:${s.id}`)) out.push({ kind: 'duplicateId', path: `sections.${i}.id` });
    seen.add(`s:${s.id}`);
    const sum = s.criteria.reduce((a, c) => a + c.weight, 0);
    if (s.criteria.length === 0) out.push({ kind: 'noCriteria', path: `sections.${i}.criteria` });
    else if (sum !== t.weightTotal) out.push({ kind: 'criterionWeights', path: `sections.${i}.criteria`, sum, total: t.weightTotal });
    s.criteria.forEach((c, j) => {
      if (seen.has(`c:${c.id}`)) out.push({ kind: 'duplicateId', path: `sections.${i}.criteria.${j}.id` });
      seen.add(`c:${c.id}`);
      if (c.allowNa && c.critical !== 'none') out.push({ kind: 'naOnCritical', path: `sections.${i}.criteria.${j}.allowNa` });
    });
  });
  return out;
}

/** The criterion of a template with this id. */
export function criterionOf(t: TemplateBody, id: string) {
  for (const s of t.sections) for (const c of s.criteria) if (c.id === id) return c;
  return null;
}

/** Latest version of each template, from every version known (built-in included). */
export function latestVersions(all: readonly Template[]): Template[] {
  const best = new Map<string, Template>();
  for (const t of all) if ((best.get(t.templateId)?.version ?? 0) < t.version) best.set(t.templateId, t);
  return [...best.values()];
}
