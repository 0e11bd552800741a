import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { POLICY_DEFAULTS } from '../../shared/policy/defaults';
import { evaluate, lastDayOf, monthBounds, satisfiedFrom, weightsValid, type EvaluationInputs, type EvaluationPolicy } from '../../shared/evaluation/rules';
import { SaveEvaluationSchema } from '../../shared/evaluation/schemas';

/** Weights 50/30/20 and 1 point per complaint: the policy defaults. */
const P: EvaluationPolicy = POLICY_DEFAULTS;
const base: EvaluationInputs = {
  surveyScale: 5,
  surveyCounts: [1, 2, 5, 12, 20], // 40 answers, 32 on 4–5
  complaints: 1,
  complaintsResolved: 1,
  suggestions: 2,
  suggestionsResolved: 1,
  plansRated: 4,
  plansSatisfied: 3,
  incidents: [],
};
const status = (r: ReturnType<typeof evaluate>, id: string) => r.checks.find((c) => c.ruleId === id);

describe('eval.satisfaction: top-two-box on the 5, 7 and 10-point scales', () => {
  it.each([
    ['5-point: 4 and 5 count', 5, [1, 2, 5, 12, 20], 40, 32, 80],
    ['7-point: 6 and 7 count', 7, [0, 0, 1, 2, 3, 4, 5], 15, 9, 60],
    ['10-point: 9 and 10 count', 10, [0, 0, 0, 0, 0, 0, 0, 10, 6, 4], 20, 10, 50],
  ])('%s', (_l, scale, counts, surveyed, satisfied, rate) => {
    const r = evaluate({ ...base, surveyScale: scale, surveyCounts: counts, complaints: 0, complaintsResolved: 0 }, P);
    expect([r.surveyed, r.satisfied, r.surveyRate, r.satisfactionRate, r.satisfiedFrom]).toEqual([surveyed, satisfied, rate, rate, satisfiedFrom(scale)]);
    expect(status(r, 'eval.satisfaction')).toMatchObject({ status: 'pass', params: { satisfied, surveyed, rate } });
  });

  it('no answers: no rate, and the composite spreads its weight (50 → resolution 30, plans 20)', () => {
    const r = evaluate({ ...base, surveyCounts: [0, 0, 0, 0, 0] }, P);
    expect(r.satisfactionRate).toBeNull();
    // (66.67·30 + 75·20) / 50 = (2000 + 1500) / 50 = 70
    expect(r.composite).toBeCloseTo(70, 10);
    expect(status(r, 'eval.weights')!.params.variant).toBe('rescaled');
  });
});

describe('eval.complaint-deduction: each complaint takes the policy’s points off the satisfaction rate', () => {
  it.each([
    ['no complaint: 80%', 0, 1, 80, 'pass'],
    ['1 complaint at 1 point: 79%', 1, 1, 79, 'fail'],
    ['3 complaints at 2 points: 74%', 3, 2, 74, 'fail'],
    ['50 complaints at 5 points: floored at 0%', 50, 5, 0, 'fail'],
  ] as const)('%s', (_l, complaints, points, rate, st) => {
    const r = evaluate({ ...base, complaints, complaintsResolved: 0 }, { ...P, complaintDeductionPercent: points });
    expect(r.satisfactionRate).toBe(rate);
    expect(status(r, 'eval.complaint-deduction')!.status).toBe(st);
  });
});

describe('eval.major-incident-zero: any of the four major incidents zeroes the period’s satisfaction', () => {
  it.each(['customerReport', 'valuablesSecurity', 'businessError', 'violation'] as const)('%s → 0%, composite (0·50 + 66.67·30 + 75·20)/100 = 35', (kind) => {
    const r = evaluate({ ...base, incidents: [{ kind }] }, P);
    expect(r.surveyRate).toBe(80);
    expect(r.satisfactionRate).toBe(0);
    expect(r.composite).toBeCloseTo(35, 10);
    expect(status(r, 'eval.major-incident-zero')).toMatchObject({ status: 'fail', params: { incidents: 1 } });
  });

  it('zeroes it even without survey answers', () => {
    expect(evaluate({ ...base, surveyCounts: [0, 0, 0, 0, 0], incidents: [{ kind: 'violation' }] }, P).satisfactionRate).toBe(0);
  });
});

describe('eval.resolution and eval.plan-satisfaction', () => {
  it.each([
    ['1 of 1 complaints + 1 of 2 suggestions: 2/3', 1, 1, 2, 1, 200 / 3],
    ['nothing received counts as 100%', 0, 0, 0, 0, 100],
    ['2 complaints, none resolved: 0%', 2, 0, 0, 0, 0],
  ])('%s', (_l, c, cr, s, sr, rate) => {
    expect(evaluate({ ...base, complaints: c, complaintsResolved: cr, suggestions: s, suggestionsResolved: sr }, P).resolutionRate).toBeCloseTo(rate, 10);
  });

  it('plans: 3 of 4 satisfied is 75%; none rated is left out', () => {
    expect(evaluate(base, P).planRate).toBe(75);
    const none = evaluate({ ...base, plansRated: 0, plansSatisfied: 0 }, P);
    expect(none.planRate).toBeNull();
    // (79·50 + 66.67·30) / 80 = (3950 + 2000) / 80 = 74.375
    expect(none.composite).toBeCloseTo(74.375, 10);
  });
});

describe('eval.weights: the composite', () => {
  it('defaults 50/30/20: (79·50 + 66.67·30 + 75·20) / 100 = 74.5', () => {
    const r = evaluate(base, P);
    expect(r.composite).toBeCloseTo(74.5, 10);
    expect(status(r, 'eval.weights')).toMatchObject({ status: 'pass', params: { composite: 74.5, satisfaction: 50, resolution: 30, plan: 20 } });
  });

  it('weights 60/20/20: (79·60 + 66.67·20 + 75·20) / 100 = 75.73', () => {
    expect(evaluate(base, { ...P, weightSatisfaction: 60, weightResolution: 20 }).composite).toBeCloseTo(75.7333, 3);
  });

  it('weights that do not add up to 100 are refused', () => {
    expect(weightsValid({ ...P, weightSatisfaction: 60 })).toBe(false);
    expect(() => evaluate(base, { ...P, weightSatisfaction: 60 })).toThrow(/eval\.weights/);
  });

  it('nothing entered at all gives no composite (not 100)', () => {
    expect(evaluate({ ...base, surveyCounts: [0, 0, 0, 0, 0], complaints: 0, complaintsResolved: 0, suggestions: 0, suggestionsResolved: 0, plansRated: 0, plansSatisfied: 0 }, P).composite).toBeNull();
  });
});

describe('the period', () => {
  it('a month in Shanghai runs from the 1st 00:00 local (16:00 UTC the day before)', () => {
    expect(monthBounds('2026-03', 'Asia/Shanghai')).toEqual({ from: '2026-02-28T16:00:00.000Z', to: '2026-03-31T16:00:00.000Z' });
    expect(monthBounds('2026-12', 'Asia/Shanghai').to).toBe('2026-12-31T16:00:00.000Z');
    expect(lastDayOf('2028-02')).toBe('2028-02-29');
  });
});

describe('bad input: field errors, per field', () => {
  const valid = { teamId: 'team-a', month: '2026-03', surveyScale: 5, surveyCounts: [{ point: 5, count: 3 }], complaintSource: 'manual', complaints: 1, complaintsResolved: 0, suggestions: 0, suggestionsResolved: 0, plansRated: 0, plansSatisfied: 0, incidents: [] };
  const issues = (v: unknown) => {
    const r = SaveEvaluationSchema.safeParse(v);
    return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}:${i.message}`);
  };
  it.each([
    ['a Likert point outside the scale', { surveyCounts: [{ point: 6, count: 1 }] }, 'surveyCounts.0.point:err.likertPoint'],
    ['a point given twice', { surveyCounts: [{ point: 5, count: 1 }, { point: 5, count: 2 }] }, 'surveyCounts.1.point:err.likertPointTwice'],
    ['a negative count', { complaints: -1 }, 'complaints:err.count'],
    ['a fractional count', { surveyCounts: [{ point: 4, count: 1.5 }] }, 'surveyCounts.0.count:err.count'],
    ['more resolved than received', { complaintsResolved: 2 }, 'complaintsResolved:err.moreThanReceived'],
    ['more plans satisfied than rated', { plansSatisfied: 1 }, 'plansSatisfied:err.moreThanReceived'],
    ['a scale of 4 points', { surveyScale: 4 }, 'surveyScale:err.surveyScale'],
    ['an incident dated outside the month', { incidents: [{ kind: 'violation', date: '2026-04-01', description: 'x' }] }, 'incidents.0.date:err.incidentOutsideMonth'],
    ['an incident without description', { incidents: [{ kind: 'violation', date: '2026-03-02', description: ' ' }] }, 'incidents.0.description:err.required'],
  ])('%s', (_l, patch, issue) => {
    expect(issues(valid)).toEqual([]);
    expect(issues({ ...valid, ...patch })).toContain(issue);
  });
});

// Inputs: a scale, counts per point, complaints/suggestions with resolved ≤ received, plans, incidents.
const inputsArb = fc
  .record({
    scale: fc.constantFrom(5, 7, 10),
    counts: fc.array(fc.integer({ min: 0, max: 500 }), { minLength: 10, maxLength: 10 }),
    complaints: fc.integer({ min: 0, max: 60 }),
    cr: fc.integer({ min: 0, max: 60 }),
    suggestions: fc.integer({ min: 0, max: 60 }),
    sr: fc.integer({ min: 0, max: 60 }),
    plansRated: fc.integer({ min: 0, max: 30 }),
    ps: fc.integer({ min: 0, max: 30 }),
    incidents: fc.array(fc.constantFrom('customerReport', 'valuablesSecurity', 'businessError', 'violation' as const), { maxLength: 3 }),
  })
  .map(
    (x): EvaluationInputs => ({
      surveyScale: x.scale,
      surveyCounts: x.counts.slice(0, x.scale),
      complaints: x.complaints,
      complaintsResolved: Math.min(x.cr, x.complaints),
      suggestions: x.suggestions,
      suggestionsResolved: Math.min(x.sr, x.suggestions),
      plansRated: x.plansRated,
      plansSatisfied: Math.min(x.ps, x.plansRated),
      incidents: x.incidents.map((kind) => ({ kind })),
    }),
  );
// Valid policies: three weights summing to 100, a deduction of 0–100 points.
const policyArb = fc.record({ a: fc.integer({ min: 0, max: 100 }), b: fc.integer({ min: 0, max: 100 }), d: fc.double({ min: 0, max: 100, noNaN: true }) }).map(({ a, b, d }): EvaluationPolicy => {
  const s = Math.min(a, 100);
  const r = Math.min(b, 100 - s);
  return { weightSatisfaction: s, weightResolution: r, weightPlanSatisfaction: 100 - s - r, complaintDeductionPercent: d };
});

describe('properties', () => {
  it('every indicator and the composite lie within 0..100', () => {
    fc.assert(
      fc.property(inputsArb, policyArb, (i, p) => {
        const r = evaluate(i, p);
        for (const v of [r.surveyRate, r.satisfactionRate, r.resolutionRate, r.planRate, r.composite]) if (v !== null) expect(v >= 0 && v <= 100, String(v)).toBe(true);
      }),
    );
  });

  it('a major incident always zeroes satisfaction', () => {
    fc.assert(
      fc.property(inputsArb, policyArb, fc.constantFrom('customerReport', 'valuablesSecurity', 'businessError', 'violation' as const), (i, p, kind) => {
        const r = evaluate({ ...i, incidents: [...i.incidents, { kind }] }, p);
        expect(r.satisfactionRate).toBe(0);
        expect(r.composite).not.toBeNull();
        // …and never raises the composite.
        const without = evaluate({ ...i, incidents: [] }, p);
        if (without.composite !== null) expect(r.composite!).toBeLessThanOrEqual(without.composite + 1e-9);
      }),
    );
  });

  it('more complaints (the resolved ones unchanged) never raise the score', () => {
    fc.assert(
      fc.property(inputsArb, policyArb, fc.integer({ min: 1, max: 20 }), (i, p, more) => {
        const before = evaluate(i, p);
        const after = evaluate({ ...i, complaints: i.complaints + more }, p);
        if (before.satisfactionRate !== null) expect(after.satisfactionRate!).toBeLessThanOrEqual(before.satisfactionRate + 1e-9);
        expect(after.resolutionRate).toBeLessThanOrEqual(before.resolutionRate + 1e-9);
        if (before.composite !== null) expect(after.composite!).toBeLessThanOrEqual(before.composite + 1e-9);
      }),
    );
  });
});
