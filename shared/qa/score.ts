import type { Answer, Critical, Criterion, Scale, TemplateBody } from './schemas';

/**
 * The scorecard engine: pure, the same code on every desk and on the server (the server recomputes each
 * evaluation it receives and refuses one whose score differs). Formula (docs/DECISIONS.md):
 *
 *   x_c  = the answer on 0..1: yes/no → 1 / 0; Likert n points → (v − 1) / (n − 1)
 *   S_s  = 100 · Σ w_c·x_c / Σ w_c        over the section's criteria not marked N/A
 *   T    = Σ W_s·S_s / Σ W_s              over the sections with at least one scored criterion
 *
 * Marking a criterion N/A removes it and spreads its weight over the rest in proportion to their weights
 * (w'_c = w_c · Σw / (Σw − w_na)); a section wholly N/A does the same at the top. A critical criterion
 * answered at its lowest point (no, or 1) fails: 'section' sets its section's S_s to 0, 'evaluation' sets
 * T to 0; either way the evaluation is flagged. The shown score is T rounded to two decimals.
 */

export const SCALE_POINTS: Record<Scale, { min: number; max: number }> = {
  yesno: { min: 0, max: 1 },
  likert5: { min: 1, max: 5 },
  likert7: { min: 1, max: 7 },
  likert10: { min: 1, max: 10 },
};

/** Whether a value is a point of the scale. */
export const onScale = (scale: Scale, v: number): boolean => Number.isInteger(v) && v >= SCALE_POINTS[scale].min && v <= SCALE_POINTS[scale].max;

/** A point of the scale on 0..1. */
export function normalized(scale: Scale, v: number): number {
  const { min, max } = SCALE_POINTS[scale];
  return (v - min) / (max - min);
}

/** The answer at a critical criterion's lowest point fails it. */
export const failsCritical = (c: Pick<Criterion, 'scale' | 'critical'>, v: number | null): boolean => c.critical !== 'none' && v !== null && v === SCALE_POINTS[c.scale].min;

export interface SectionScore {
  sectionId: string;
  /** 0..100, or null when every criterion is N/A. */
  score: number | null;
  criticalFailed: boolean;
}

export interface ScoreResult {
  /** T rounded to two decimals; null when nothing was scored (every criterion N/A). */
  score: number | null;
  /** T before rounding (the properties compare it). */
  exact: number | null;
  sections: SectionScore[];
  critical: Critical;
  failedCriteria: string[];
}

export type ScoreProblem = { kind: 'missing' | 'unknown' | 'offScale' | 'naNotAllowed'; criterionId: string };

/** What is wrong with a set of answers for this template (every criterion answered once, on its scale, N/A only where allowed). */
export function answerProblems(t: TemplateBody, answers: readonly Answer[]): ScoreProblem[] {
  const out: ScoreProblem[] = [];
  const byId = new Map(answers.map((a) => [a.criterionId, a]));
  const known = new Set<string>();
  for (const s of t.sections)
    for (const c of s.criteria) {
      known.add(c.id);
      const a = byId.get(c.id);
      if (!a) out.push({ kind: 'missing', criterionId: c.id });
      else if (a.value === null) {
        if (!c.allowNa) out.push({ kind: 'naNotAllowed', criterionId: c.id });
      } else if (!onScale(c.scale, a.value)) out.push({ kind: 'offScale', criterionId: c.id });
    }
  for (const a of answers) if (!known.has(a.criterionId)) out.push({ kind: 'unknown', criterionId: a.criterionId });
  return out;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** The score of valid answers (check answerProblems first; an answer off its scale is clamped here). */
export function scoreEvaluation(t: TemplateBody, answers: readonly Answer[]): ScoreResult {
  const byId = new Map(answers.map((a) => [a.criterionId, a.value]));
  const sections: SectionScore[] = [];
  const failedCriteria: string[] = [];
  let critical: Critical = 'none';
  let sum = 0;
  let weights = 0;
  for (const s of t.sections) {
    let num = 0;
    let den = 0;
    let sectionFailed = false;
    for (const c of s.criteria) {
      const v = byId.get(c.id) ?? null;
      if (v === null) continue;
      if (failsCritical(c, v)) {
        failedCriteria.push(c.id);
        if (c.critical === 'evaluation') critical = 'evaluation';
        else sectionFailed = true;
      }
      num += c.weight * Math.min(1, Math.max(0, normalized(c.scale, v)));
      den += c.weight;
    }
    if (sectionFailed && critical === 'none') critical = 'section';
    const score = den > 0 ? (sectionFailed ? 0 : (100 * num) / den) : sectionFailed ? 0 : null;
    sections.push({ sectionId: s.id, score, criticalFailed: sectionFailed });
    if (score !== null && s.weight > 0) {
      sum += s.weight * score;
      weights += s.weight;
    }
  }
  if (critical === 'evaluation') return { score: 0, exact: 0, sections, critical, failedCriteria };
  const exact = weights > 0 ? sum / weights : null;
  return { score: exact === null ? null : round2(exact), exact, sections, critical, failedCriteria };
}

/** A criterion's own score on 0..100 (null: N/A) — the monthly summary's "weakest criteria". */
export function criterionScore(c: Pick<Criterion, 'scale'>, v: number | null): number | null {
  return v === null ? null : 100 * normalized(c.scale, v);
}
