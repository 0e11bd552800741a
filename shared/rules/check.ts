import { z } from 'zod';
import { DeskError } from '../api/errors';
import type { RuleId } from './registry';

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

// Typed with RuleId: a rule without its words and citation in shared/rules/registry.ts cannot be judged.
export const pass = (ruleId: RuleId, params: RuleCheck['params'] = {}): RuleCheck => ({ ruleId, status: 'pass', params });
export const fail = (ruleId: RuleId, params: RuleCheck['params'] = {}): RuleCheck => ({ ruleId, status: 'fail', params });
export const warn = (ruleId: RuleId, params: RuleCheck['params'] = {}): RuleCheck => ({ ruleId, status: 'warn', params });
export const unknown = (ruleId: RuleId, params: RuleCheck['params'] = {}): RuleCheck => ({ ruleId, status: 'unknown', params });

/** A refusal naming rules (a handler's own check, not a RuleCheck list): typed like the checks. */
export function ruleError(o: { code: 'rule_violation' | 'forbidden' | 'conflict' | 'invalid_input' | 'not_found'; message: string; ruleIds: RuleId[]; params?: RuleCheck['params']; fields?: { path: string; code: string; message: string }[] }): DeskError {
  return new DeskError({ ...o, ...(o.params ? { checks: o.ruleIds.map((ruleId) => ({ ruleId, params: o.params! })) } : {}) });
}

/** Refuses with every failed rule (IDs and the first failure's numbers); writes nothing. */
export function throwIfFailed(checks: readonly RuleCheck[], what: string): void {
  const failed = checks.filter((c) => c.status === 'fail');
  if (failed.length === 0) return;
  throw new DeskError({
    code: 'rule_violation',
    message: `${what} breaks ${failed.map((c) => c.ruleId).join(', ')}`,
    ruleIds: failed.map((c) => c.ruleId),
    params: failed[0]!.params,
    checks: failed.map((c) => ({ ruleId: c.ruleId, params: c.params })),
  });
}
