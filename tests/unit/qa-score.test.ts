import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Answer, Criterion, Scale, TemplateBody } from '../../shared/qa/schemas';
import { answerProblems, SCALE_POINTS, scoreEvaluation } from '../../shared/qa/score';
import { DEFAULT_TEMPLATE, templateProblems } from '../../shared/qa/template';

/** qa.criteria / qa.form: the scorecard engine (shared/qa/score.ts), the same code on desk and server. */
const crit = (id: string, weight: number, scale: Scale, o: Partial<Criterion> = {}): Criterion => ({ id, names: { 'zh-CN': id, 'zh-TW': '', en: '' }, weight, scale, critical: 'none', allowNa: false, ...o });
const one = (criteria: Criterion[], total = 100): TemplateBody => ({ names: { 'zh-CN': 't', 'zh-TW': '', en: '' }, weightTotal: total, sections: [{ id: 's', names: { 'zh-CN': 's', 'zh-TW': '', en: '' }, weight: total, criteria }] });
const ans = (o: Record<string, number | null>): Answer[] => Object.entries(o).map(([criterionId, value]) => ({ criterionId, value }));

describe('qa.criteria: table of scores', () => {
  const two = (x: Criterion, y: Criterion): TemplateBody => one([x, y]);
  it.each([
    ['yes/no: yes counts 100, no 0 (weights 70/30)', two(crit('a', 70, 'yesno'), crit('b', 30, 'yesno')), { a: 1, b: 0 }, 70],
    ['Likert 5: 1→0, 3→50, 5→100', one([crit('a', 100, 'likert5')]), { a: 3 }, 50],
    ['Likert 7: 4 is the middle', one([crit('a', 100, 'likert7')]), { a: 4 }, 50],
    ['Likert 10: 10 is full marks, 1 nothing', two(crit('a', 50, 'likert10'), crit('b', 50, 'likert10')), { a: 10, b: 1 }, 50],
    ['weights: 25 × 100 + 75 × 50', two(crit('a', 25, 'likert5'), crit('b', 75, 'likert5')), { a: 5, b: 3 }, 62.5],
    ['N/A rescales: b N/A leaves a alone at 100 %', two(crit('a', 25, 'likert5'), crit('b', 75, 'likert5', { allowNa: true })), { a: 4, b: null }, 75],
    ['two decimals', one([crit('a', 1, 'likert7'), crit('b', 2, 'likert7')], 3), { a: 2, b: 7 }, 72.22],
  ])('%s', (_l, t, a, score) => {
    expect(answerProblems(t, ans(a))).toEqual([]);
    expect(scoreEvaluation(t, ans(a)).score).toBe(score);
  });

  const sections: TemplateBody = {
    names: { 'zh-CN': 't', 'zh-TW': '', en: '' },
    weightTotal: 100,
    sections: [
      { id: 's1', names: { 'zh-CN': 's1', 'zh-TW': '', en: '' }, weight: 40, criteria: [crit('a', 50, 'yesno', { critical: 'section' }), crit('b', 50, 'likert5')] },
      { id: 's2', names: { 'zh-CN': 's2', 'zh-TW': '', en: '' }, weight: 60, criteria: [crit('c', 100, 'likert5', { critical: 'evaluation' })] },
    ],
  };
  it.each([
    ['no critical fail: 40 × 100 + 60 × 75', { a: 1, b: 5, c: 4 }, 85, 'none'],
    ['a section-critical "no" zeroes its section only, flagged', { a: 0, b: 5, c: 4 }, 45, 'section'],
    ['an evaluation-critical lowest point zeroes the whole evaluation, flagged', { a: 1, b: 5, c: 1 }, 0, 'evaluation'],
    ['both: the evaluation wins', { a: 0, b: 5, c: 1 }, 0, 'evaluation'],
  ])('critical items: %s', (_l, a, score, critical) => {
    const r = scoreEvaluation(sections, ans(a));
    expect(r.score).toBe(score);
    expect(r.critical).toBe(critical);
  });

  it('the default scorecard covers the five qa.criteria, names in three languages, and is valid', () => {
    const criteria = DEFAULT_TEMPLATE.sections.flatMap((s) => s.criteria);
    expect(criteria.map((c) => c.id)).toEqual(['wording', 'attitude', 'tone', 'needs', 'adaptability']);
    for (const c of criteria) for (const l of ['zh-CN', 'zh-TW', 'en'] as const) expect(c.names[l]).not.toBe('');
    expect(templateProblems(DEFAULT_TEMPLATE)).toEqual([]);
  });

  it.each([
    ['section weights must sum to the total', { ...sections, sections: [{ ...sections.sections[0]!, weight: 50 }, sections.sections[1]!] }, 'sectionWeights'],
    ['criterion weights must sum to the total', one([crit('a', 60, 'yesno'), crit('b', 30, 'yesno')]), 'criterionWeights'],
    ['at least one criterion', { ...one([]), sections: [] }, 'noCriteria'],
    ['a critical item cannot be N/A', one([crit('a', 100, 'yesno', { critical: 'section', allowNa: true })]), 'naOnCritical'],
    ['criterion ids are unique', one([crit('a', 50, 'yesno'), crit('a', 50, 'yesno')]), 'duplicateId'],
  ])('templates: %s', (_l, t, kind) => {
    expect(templateProblems(t).map((p) => p.kind)).toContain(kind);
  });

  it.each([
    ['a yes/no answer of 2', { a: 2 }, 'offScale'],
    ['a Likert-5 answer of 0', { b: 0, a: 1 }, 'offScale'],
    ['N/A where not allowed', { a: null, b: 3 }, 'naNotAllowed'],
    ['a criterion left out', { a: 1 }, 'missing'],
    ['a criterion the template lacks', { a: 1, b: 3, z: 1 }, 'unknown'],
  ])('answers: %s is a problem', (_l, a, kind) => {
    expect(answerProblems(one([crit('a', 50, 'yesno'), crit('b', 50, 'likert5')]), ans(a)).map((p) => p.kind)).toContain(kind);
  });
});

/** Random templates and valid answers for them. */
const SCALES: Scale[] = ['yesno', 'likert5', 'likert7', 'likert10'];
const arbCriterion = (i: number) =>
  fc.record({ weight: fc.integer({ min: 1, max: 50 }), scale: fc.constantFrom(...SCALES), critical: fc.constantFrom('none', 'none', 'section', 'evaluation') as fc.Arbitrary<Criterion['critical']>, allowNa: fc.boolean() }).map((c) => crit(`c${i}`, c.weight, c.scale, { critical: c.critical, allowNa: c.critical === 'none' && c.allowNa }));
const arbTemplate: fc.Arbitrary<TemplateBody> = fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 4 }).chain((sizes) => {
  let n = 0;
  return fc.tuple(...sizes.map((k) => fc.tuple(fc.integer({ min: 1, max: 50 }), fc.tuple(...Array.from({ length: k }, () => arbCriterion(n++)))))).map((secs) => ({
    names: { 'zh-CN': 't', 'zh-TW': '', en: '' },
    weightTotal: 100,
    sections: secs.map(([w, cs], i) => ({ id: `s${i}`, names: { 'zh-CN': `s${i}`, 'zh-TW': '', en: '' }, weight: w, criteria: cs })),
  }));
});
const arbAnswers = (t: TemplateBody, naRate = 0.2): fc.Arbitrary<Answer[]> =>
  fc.tuple(...t.sections.flatMap((s) => s.criteria).map((c) => fc.tuple(fc.integer({ min: SCALE_POINTS[c.scale].min, max: SCALE_POINTS[c.scale].max }), fc.double({ min: 0, max: 1, noNaN: true })).map(([v, r]) => ({ criterionId: c.id, value: c.allowNa && r < naRate ? null : v }))));
const withAnswers = arbTemplate.chain((t) => arbAnswers(t).map((a) => ({ t, a })));

describe('qa.criteria: properties of the engine', () => {
  it('the score always lies within 0..100 (or is null only when nothing was scored)', () => {
    fc.assert(
      fc.property(withAnswers, ({ t, a }) => {
        const r = scoreEvaluation(t, a);
        if (r.score === null) return a.every((x) => x.value === null);
        return r.score >= 0 && r.score <= 100;
      }),
    );
  });

  it('a critical fail always yields 0 (whole evaluation) or a zeroed section, and is flagged', () => {
    fc.assert(
      fc.property(withAnswers, ({ t, a }) => {
        const r = scoreEvaluation(t, a);
        const failed = t.sections.flatMap((s) => s.criteria.filter((c) => c.critical !== 'none' && a.find((x) => x.criterionId === c.id)?.value === SCALE_POINTS[c.scale].min).map((c) => ({ s, c })));
        if (failed.some((f) => f.c.critical === 'evaluation')) return r.score === 0 && r.critical === 'evaluation';
        for (const f of failed) if (r.sections.find((x) => x.sectionId === f.s.id)?.score !== 0 || r.critical !== 'section') return false;
        return failed.length > 0 || r.critical === 'none';
      }),
    );
  });

  it('scaling every weight by a constant leaves the score unchanged', () => {
    fc.assert(
      fc.property(withAnswers, fc.integer({ min: 2, max: 9 }), ({ t, a }, k) => {
        const scaled: TemplateBody = { ...t, weightTotal: t.weightTotal * k, sections: t.sections.map((s) => ({ ...s, weight: s.weight * k, criteria: s.criteria.map((c) => ({ ...c, weight: c.weight * k })) })) };
        const [x, y] = [scoreEvaluation(t, a), scoreEvaluation(scaled, a)];
        return x.exact === y.exact || Math.abs(x.exact! - y.exact!) < 1e-9;
      }),
    );
  });

  it('N/A rescale: marking a criterion N/A leaves the score unchanged when its score equalled the weighted mean of the rest', () => {
    // The rest: a and b at m ± d with equal weights, c at m: their weighted mean is m, the point n is scored at.
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 0, max: 4 }), fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 100 }), (m, d, w, wc, wn, other) => {
        fc.pre(m + d <= 5 && m - d >= 1);
        const t: TemplateBody = {
          names: { 'zh-CN': 't', 'zh-TW': '', en: '' },
          weightTotal: 100,
          sections: [
            { id: 's1', names: { 'zh-CN': 's1', 'zh-TW': '', en: '' }, weight: 50, criteria: [crit('a', w, 'likert5'), crit('b', w, 'likert5'), crit('c', wc, 'likert5'), crit('n', wn, 'likert5', { allowNa: true })] },
            { id: 's2', names: { 'zh-CN': 's2', 'zh-TW': '', en: '' }, weight: 50, criteria: [crit('x', 100, 'likert10')] },
          ],
        };
        const x = 1 + (other % 10);
        const scored = scoreEvaluation(t, ans({ a: m + d, b: m - d, c: m, n: m, x }));
        const na = scoreEvaluation(t, ans({ a: m + d, b: m - d, c: m, n: null, x }));
        return Math.abs(scored.exact! - na.exact!) < 1e-9;
      }),
    );
  });

  it('the same inputs give the same score every time (desk and server run this one function)', () => {
    fc.assert(fc.property(withAnswers, ({ t, a }) => JSON.stringify(scoreEvaluation(t, a)) === JSON.stringify(scoreEvaluation(structuredClone(t), structuredClone(a)))));
  });
});
