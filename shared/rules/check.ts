import { z } from 'zod';
import { DeskError } from '../api/errors';

/**
 * One rule judged for one request: pass; fail (refused); warn (stands only with a manager's explicit
 * approval, e.g. a late leave request); or unknown (this desk does not hold the data it needs, e.g.
 * another team's roster; the server judges it at sync). `params` are the numbers the explanation shows.
 */
export const RuleCheckSchema = z.object({
  ruleId: z.string(),
  status: z.enum(['pass', 'fail', 'warn', 'unknown']),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type RuleCheck = z.infer<typeof RuleCheckSchema>;

export const pass = (ruleId: string, params: RuleCheck['params'] = {}): RuleCheck => ({ ruleId, status: 'pass', params });
export const fail = (ruleId: string, params: RuleCheck['params'] = {}): RuleCheck => ({ ruleId, status: 'fail', params });
export const warn = (ruleId: string, params: RuleCheck['params'] = {}): RuleCheck => ({ ruleId, status: 'warn', params });
export const unknown = (ruleId: string, params: RuleCheck['params'] = {}): RuleCheck => ({ ruleId, status: 'unknown', params });

/** Refuses with every failed rule (IDs and the first failure's numbers); writes nothing. */
export function throwIfFailed(checks: readonly RuleCheck[], what: string): void {
  const failed = checks.filter((c) => c.status === 'fail');
  if (failed.length === 0) return;
  throw new DeskError({
    code: 'rule_violation',
    message: `${what} breaks ${failed.map((c) => c.ruleId).join(', ')}`,
    ruleIds: failed.map((c) => c.ruleId),
    params: failed[0]!.params,
  });
}
