import type { WireError } from '../../shared/api/errors';

/** A refusal as stored beside a mutation (server log or desk inbox), back in wire form. */
export function storedError(r: { code: string | null; message: string | null; rule_ids: string | null; params: string | null }): WireError {
  return {
    code: (r.code ?? 'rule_violation') as WireError['code'],
    message: r.message ?? '',
    ruleIds: JSON.parse(r.rule_ids ?? '[]') as string[],
    params: JSON.parse(r.params ?? '{}') as Record<string, string | number>,
  };
}
