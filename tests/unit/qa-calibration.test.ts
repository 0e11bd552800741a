import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ALPHA_ACCEPTABLE, ALPHA_GOOD, calibrationResults, ICC_ACCEPTABLE, ICC_GOOD, readAlpha, readIcc, type ScoredBy } from '../../shared/qa/calibration';
import { scoreEvaluation } from '../../shared/qa/score';
import { DEFAULT_TEMPLATE } from '../../shared/qa/template';
import { answersFor } from './support/examples/qa';

/** One inspector's answers on the default scorecard (wording yes/no, the rest Likert 5), scored by the real engine. */
function scored(inspectorId: string, values: Record<string, number | null>): ScoredBy {
  const answers = answersFor(values);
  const r = scoreEvaluation(DEFAULT_TEMPLATE, answers);
  return { inspectorId, inspectorName: inspectorId, answers, score: r.score!, critical: r.critical, details: '' };
}

/** Krippendorff's alpha written out as the textbook pairs formula (not the coincidence matrix the code uses). */
function alphaByPairs(units: number[][]): number {
  const all = units.flat();
  const n = all.length;
  let within = 0;
  for (const u of units) for (let i = 0; i < u.length; i++) for (let j = 0; j < u.length; j++) if (i !== j) within += (u[i]! - u[j]!) ** 2 / (u.length - 1);
  let between = 0;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (i !== j) between += (all[i]! - all[j]!) ** 2;
  return 1 - ((n - 1) * within) / between;
}

// Three inspectors on one call (qa.calibration), checked by hand:
//   A: wording yes, attitude 5, tone 4, needs 4, adaptability 3   → 79.38
//   B: wording yes, attitude 4, tone 4, needs 5, adaptability 4   → 86.88
//   C: wording yes, attitude 4, tone 3, needs 3, adaptability N/A → 63.75
const A = scored('A', { attitude: 5, tone: 4, needs: 4, adaptability: 3 });
const B = scored('B', { attitude: 4, tone: 4, needs: 5, adaptability: 4 });
const C = scored('C', { attitude: 4, tone: 3, needs: 3, adaptability: null });

describe('qa.calibration: deviations from the reference and the agreement, against a hand computation', () => {
  it('the scores are the evaluation engine’s', () => {
    expect([A.score, B.score, C.score]).toEqual([79.38, 86.88, 63.75]);
  });

  it('reference = the mean: totals and each criterion deviate from the participants’ mean', () => {
    const r = calibrationResults(DEFAULT_TEMPLATE, [A, B, C], null);
    expect(r.reference).toMatchObject({ kind: 'mean', inspectorId: null, total: 76.67 });
    expect(r.reference.criteria).toEqual({ wording: 1, attitude: 4.3333, tone: 3.6667, needs: 4, adaptability: 3.5 });
    expect(r.inspectors.map((i) => i.deviation)).toEqual([2.71, 10.21, -12.92]);
    expect(r.inspectors.map((i) => i.criteria)).toEqual([
      { wording: 0, attitude: 0.6667, tone: 0.3333, needs: 0, adaptability: -0.5 },
      { wording: 0, attitude: -0.3333, tone: 0.3333, needs: 1, adaptability: 0.5 },
      { wording: 0, attitude: -0.3333, tone: -0.6667, needs: -1, adaptability: null },
    ]);
    expect(r.meanAbsDeviation).toBe(8.6133);
  });

  it('Krippendorff’s alpha (interval, criteria × inspectors on 0..100, the N/A left out) = 5/18: poor agreement', () => {
    const units = [
      [100, 100, 100],
      [100, 75, 75],
      [75, 75, 50],
      [75, 100, 50],
      [50, 75],
    ];
    expect(alphaByPairs(units)).toBeCloseTo(5 / 18, 10);
    const r = calibrationResults(DEFAULT_TEMPLATE, [A, B, C], null);
    expect(r.alpha).toBe(0.2778);
    expect(r.alphaReading).toBe('poor');
  });

  it('ICC(2,1) over the four criteria all three answered = 8/23: poor agreement', () => {
    // Two-way ANOVA by hand (rows = criteria, 4; judges = 3): BMS = 21875/36, JMS = 1875/4, EMS = 6875/36, so
    // (BMS − EMS) / (BMS + 2·EMS + 3·(JMS − EMS)/4) = 8/23 (Shrout & Fleiss 1979).
    const r = calibrationResults(DEFAULT_TEMPLATE, [A, B, C], null);
    expect(r.icc).toBe(Math.round((8 / 23) * 10_000) / 10_000);
    expect(r.iccReading).toBe('poor');
  });

  it('a named reference scorer: their own deviation is 0 and the others are measured against their answers', () => {
    const r = calibrationResults(DEFAULT_TEMPLATE, [A, B, C], 'B');
    expect(r.reference).toMatchObject({ kind: 'scorer', inspectorId: 'B', total: 86.88 });
    expect(r.inspectors.map((i) => i.deviation)).toEqual([-7.5, 0, -23.13]);
    expect(r.inspectors[2]!.criteria).toEqual({ wording: 0, attitude: 0, tone: -1, needs: -2, adaptability: null });
  });

  it('inspectors who gave the same answers agree perfectly (alpha 1, ICC 1); answers with no spread at all leave alpha undefined', () => {
    const same = calibrationResults(DEFAULT_TEMPLATE, [A, { ...A, inspectorId: 'A2' }], null);
    expect([same.alpha, same.icc, same.alphaReading]).toEqual([1, 1, 'good']);
    const flat = scored('F', { attitude: 5, tone: 5, needs: 5, adaptability: 5 });
    const none = calibrationResults(DEFAULT_TEMPLATE, [flat, { ...flat, inspectorId: 'F2' }], null);
    expect([none.alpha, none.alphaReading]).toEqual([null, 'undefined']);
  });
});

describe('qa.calibration: the plain-words readings and the thresholds they cite', () => {
  it.each([
    [0.95, 'good', 'good'],
    [ALPHA_GOOD, 'good', 'good'],
    [0.79, 'acceptable', 'good'],
    [ALPHA_ACCEPTABLE, 'acceptable', 'acceptable'],
    [0.6, 'poor', 'acceptable'],
    [ICC_ACCEPTABLE, 'poor', 'acceptable'],
    [0.49, 'poor', 'poor'],
    [-0.2, 'poor', 'poor'],
    [null, 'undefined', 'undefined'],
  ] as const)('%s reads as alpha %s, ICC %s', (v, alpha, iccReading) => {
    expect(readAlpha(v)).toBe(alpha);
    expect(readIcc(v)).toBe(iccReading);
  });
  it('the ICC cut-offs are Koo & Li’s', () => expect([ICC_GOOD, ICC_ACCEPTABLE]).toEqual([0.75, 0.5]));
});

describe('qa.calibration: invariants over any answers', () => {
  const likert = fc.integer({ min: 1, max: 5 });
  const inspector = fc.record({ wording: fc.integer({ min: 0, max: 1 }), attitude: likert, tone: likert, needs: likert, adaptability: fc.option(likert, { nil: null }) });
  const panel = fc.array(inspector, { minLength: 2, maxLength: 6 }).map((xs) => xs.map((v, i) => scored(`i${i}`, v)));

  it('against the mean, the deviations of the totals sum to zero; against a scorer, that scorer deviates by 0', () => {
    fc.assert(
      fc.property(panel, (ps) => {
        const mean = calibrationResults(DEFAULT_TEMPLATE, ps, null);
        expect(Math.abs(mean.inspectors.reduce((s, i) => s + i.deviation, 0))).toBeLessThan(0.01 * ps.length);
        const ref = calibrationResults(DEFAULT_TEMPLATE, ps, ps[0]!.inspectorId);
        expect(ref.inspectors[0]!.deviation).toBe(0);
        expect(Object.values(ref.inspectors[0]!.criteria).every((d) => d === null || d === 0)).toBe(true);
      }),
    );
  });

  it('alpha and ICC never exceed 1, and the order of the inspectors does not change them', () => {
    fc.assert(
      fc.property(panel, (ps) => {
        const r = calibrationResults(DEFAULT_TEMPLATE, ps, null);
        const back = calibrationResults(DEFAULT_TEMPLATE, [...ps].reverse(), null);
        if (r.alpha !== null) expect(r.alpha).toBeLessThanOrEqual(1);
        if (r.icc !== null) expect(r.icc).toBeLessThanOrEqual(1 + 1e-9);
        expect(back.alpha).toBe(r.alpha);
        expect(back.icc === null ? null : back.icc.toFixed(3)).toBe(r.icc === null ? null : r.icc.toFixed(3));
      }),
    );
  });
});
