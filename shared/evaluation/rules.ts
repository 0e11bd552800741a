import type { PolicyValues } from '../policy/schema';
import { fail, pass, type RuleCheck } from '../rules/check';
import { zonedToInstant } from '../roster/zoned-time';
import type { EvaluationResult, IncidentKind } from './schemas';

/** The numbers one period's indicators are computed from (counts per point: point 1 first). */
export interface EvaluationInputs {
  surveyScale: number;
  surveyCounts: readonly number[];
  complaints: number;
  complaintsResolved: number;
  suggestions: number;
  suggestionsResolved: number;
  plansRated: number;
  plansSatisfied: number;
  incidents: ReadonlyArray<{ kind: IncidentKind }>;
}

export type EvaluationPolicy = Pick<PolicyValues, 'complaintDeductionPercent' | 'weightSatisfaction' | 'weightResolution' | 'weightPlanSatisfaction'>;

/**
 * eval.satisfaction: the seed does not say which answer counts as satisfied, so the desk reads it as the
 * top two points of the scale (top-two-box): 4–5 of 5, 6–7 of 7, 9–10 of 10 (docs/DECISIONS.md).
 */
export function satisfiedFrom(scale: number): number {
  return scale - 1;
}

/** Two decimals, for what people read (the composite itself is computed from exact rates). */
const r2 = (x: number) => Math.round(x * 100) / 100;

/** eval.weights: the three weights add up to exactly 100 (the policy form refuses anything else). */
export function weightsValid(p: EvaluationPolicy): boolean {
  const w = [p.weightSatisfaction, p.weightResolution, p.weightPlanSatisfaction];
  return w.every((x) => Number.isFinite(x) && x >= 0 && x <= 100) && w.reduce((s, x) => s + x, 0) === 100;
}

/**
 * One unit's indicators and composite for one period (seeds/000 四(五)):
 * - eval.satisfaction: satisfied answers / answers, in percent (null without answers);
 * - eval.complaint-deduction: each complaint takes the policy's percentage points off, not below 0;
 * - eval.major-incident-zero: any major incident sets the satisfaction rate to 0, answers or not;
 * - eval.resolution: (complaints + suggestions resolved) / received; none received counts as 100 %
 *   (nothing was left unresolved, so a quiet month is never worse than a busy one);
 * - eval.plan-satisfaction: plans rated satisfactory / plans rated (null without any);
 * - eval.weights: the weighted mean of the indicators measured; an indicator with nothing to measure
 *   gives its weight to the others in proportion.
 */
export function evaluate(input: EvaluationInputs, p: EvaluationPolicy): EvaluationResult {
  if (!weightsValid(p)) throw new RangeError('eval.weights: the weights must add up to 100');
  const checks: RuleCheck[] = [];
  const from = satisfiedFrom(input.surveyScale);
  const surveyed = input.surveyCounts.reduce((s, c) => s + c, 0);
  const satisfied = input.surveyCounts.reduce((s, c, i) => (i + 1 >= from ? s + c : s), 0);
  const surveyRate = surveyed > 0 ? (100 * satisfied) / surveyed : null;
  checks.push(surveyRate === null ? pass('eval.satisfaction', { variant: 'none' }) : pass('eval.satisfaction', { satisfied, surveyed, from, scale: input.surveyScale, rate: r2(surveyRate) }));

  let satisfactionRate = surveyRate;
  const deduction = input.complaints * p.complaintDeductionPercent;
  if (satisfactionRate !== null && input.complaints > 0) {
    satisfactionRate = Math.max(0, satisfactionRate - deduction);
    checks.push(fail('eval.complaint-deduction', { complaints: input.complaints, points: r2(deduction), rate: r2(satisfactionRate) }));
  } else checks.push(pass('eval.complaint-deduction', { complaints: input.complaints, variant: input.complaints > 0 ? 'noSurvey' : 'none' }));

  if (input.incidents.length > 0) {
    satisfactionRate = 0;
    checks.push(fail('eval.major-incident-zero', { incidents: input.incidents.length }));
  } else checks.push(pass('eval.major-incident-zero'));

  const received = input.complaints + input.suggestions;
  const resolved = input.complaintsResolved + input.suggestionsResolved;
  const resolutionRate = received > 0 ? (100 * Math.min(resolved, received)) / received : 100;
  checks.push(pass('eval.resolution', received > 0 ? { resolved, received, rate: r2(resolutionRate) } : { variant: 'none' }));

  const planRate = input.plansRated > 0 ? (100 * Math.min(input.plansSatisfied, input.plansRated)) / input.plansRated : null;
  checks.push(pass('eval.plan-satisfaction', planRate === null ? { variant: 'none' } : { satisfied: input.plansSatisfied, rated: input.plansRated, rate: r2(planRate) }));

  const parts: Array<[number | null, number]> = [
    [satisfactionRate, p.weightSatisfaction],
    [resolutionRate, p.weightResolution],
    [planRate, p.weightPlanSatisfaction],
  ];
  const measured = parts.filter((x): x is [number, number] => x[0] !== null);
  const weight = measured.reduce((s, [, w]) => s + w, 0);
  // Nothing entered at all (no answers, plans, complaints, suggestions or incidents): no score, not 100.
  const nothing = surveyRate === null && planRate === null && received === 0 && input.incidents.length === 0;
  const composite = weight > 0 && !nothing ? Math.min(100, Math.max(0, measured.reduce((s, [rate, w]) => s + rate * w, 0) / weight)) : null;
  checks.push(
    pass('eval.weights', {
      satisfaction: p.weightSatisfaction,
      resolution: p.weightResolution,
      plan: p.weightPlanSatisfaction,
      composite: composite === null ? '—' : r2(composite),
      ...(measured.length < parts.length ? { variant: 'rescaled' } : {}),
    }),
  );
  return { surveyed, satisfied, satisfiedFrom: from, surveyRate, deduction, satisfactionRate, resolutionRate, planRate, composite, checks };
}

/** The month's first instant and the next month's, in the center's zone: the work-order count's window. */
export function monthBounds(month: string, timeZone: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  return { from: new Date(zonedToInstant(`${month}-01`, '00:00', timeZone)).toISOString(), to: new Date(zonedToInstant(`${next}-01`, '00:00', timeZone)).toISOString() };
}

/** The last calendar day of a month (the policy in force then governs the period). */
export function lastDayOf(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/** A unit's record per month is one row, whichever desk entered it: its key is the team and the month. */
export const evaluationId = (teamId: string, month: string) => `eval:${teamId}:${month}`;
