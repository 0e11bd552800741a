import { icc, krippendorffAlpha } from './agreement';
import type { AgreementReading, CalibrationResults } from './calibration-schemas';
import type { Answer, Critical, TemplateBody } from './schemas';
import { criterionScore } from './score';

/**
 * qa.calibration: what a closed calibration session shows. Pure: the same numbers on desk and server.
 *
 * - Reference: the named reference scorer's answers and total, or (none named) the participants' mean
 *   per criterion and of the totals (docs/DECISIONS.md).
 * - Deviation: total − reference total in score points; per criterion answer − reference answer in points
 *   of that criterion's scale (what the inspector picked), null where either side is N/A.
 * - Agreement: Krippendorff's alpha, interval metric, units = the template's criteria, coders = the
 *   inspectors, values = each answer on 0..100 (criterionScore: an affine map per scale, so yes/no and
 *   Likert items sit on one interval scale; alpha and ICC are unchanged by a common affine map). ICC(2,1)
 *   (absolute agreement) beside it over the criteria every inspector answered.
 */

/** Krippendorff (2004, 2011): α ≥ 0.800 reliable; 0.667 ≤ α < 0.800 tentative conclusions only. */
export const ALPHA_GOOD = 0.8;
export const ALPHA_ACCEPTABLE = 0.667;
/** Koo & Li (2016): ICC ≥ 0.75 good; 0.50–0.75 moderate; below 0.50 poor. */
export const ICC_GOOD = 0.75;
export const ICC_ACCEPTABLE = 0.5;

export function readAlpha(a: number | null): AgreementReading {
  if (a === null) return 'undefined';
  return a >= ALPHA_GOOD ? 'good' : a >= ALPHA_ACCEPTABLE ? 'acceptable' : 'poor';
}

export function readIcc(v: number | null): AgreementReading {
  if (v === null) return 'undefined';
  return v >= ICC_GOOD ? 'good' : v >= ICC_ACCEPTABLE ? 'acceptable' : 'poor';
}

export interface ScoredBy {
  inspectorId: string;
  inspectorName: string;
  answers: readonly Answer[];
  score: number;
  critical: Critical;
  details: string;
}

const round = (x: number, d = 4) => Math.round(x * 10 ** d) / 10 ** d;
const mean = (xs: readonly number[]): number | null => (xs.length === 0 ? null : xs.reduce((s, x) => s + x, 0) / xs.length);

/** The results of a session from its submitted scores (at least one; the handlers require two to close). */
export function calibrationResults(t: TemplateBody, scores: readonly ScoredBy[], referenceId: string | null): CalibrationResults {
  const criteria = t.sections.flatMap((s) => s.criteria);
  const valueOf = (s: ScoredBy, id: string): number | null => s.answers.find((a) => a.criterionId === id)?.value ?? null;
  const scorer = referenceId ? scores.find((s) => s.inspectorId === referenceId) : undefined;

  const refCriteria: Record<string, number | null> = {};
  for (const c of criteria) {
    if (scorer) refCriteria[c.id] = valueOf(scorer, c.id);
    else {
      const m = mean(scores.map((s) => valueOf(s, c.id)).filter((v): v is number => v !== null));
      refCriteria[c.id] = m === null ? null : round(m);
    }
  }
  const refTotal = scorer ? scorer.score : round(mean(scores.map((s) => s.score)) ?? 0);

  const inspectors = scores.map((s) => {
    const dev: Record<string, number | null> = {};
    for (const c of criteria) {
      const v = valueOf(s, c.id);
      const r = refCriteria[c.id] ?? null;
      dev[c.id] = v === null || r === null ? null : round(v - r);
    }
    return { inspectorId: s.inspectorId, inspectorName: s.inspectorName, score: s.score, critical: s.critical, answers: [...s.answers], details: s.details, deviation: round(s.score - refTotal), criteria: dev };
  });

  // Units × coders on 0..100 for the agreement statistics.
  const units = criteria.map((c) => scores.map((s) => criterionScore(c, valueOf(s, c.id))));
  const alpha = krippendorffAlpha(units, 'interval');
  const complete = units.filter((u): u is number[] => u.every((v) => v !== null));
  const iccValue = icc(complete, '2,1');
  return {
    reference: { kind: scorer ? 'scorer' : 'mean', inspectorId: scorer?.inspectorId ?? null, total: refTotal, criteria: refCriteria },
    inspectors,
    alpha: alpha === null ? null : round(alpha),
    alphaReading: readAlpha(alpha),
    icc: iccValue === null ? null : round(iccValue),
    iccReading: readIcc(iccValue),
    meanAbsDeviation: round(mean(inspectors.map((i) => Math.abs(i.deviation))) ?? 0),
  };
}
