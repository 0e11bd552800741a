import type { WireError } from '../../shared/api/errors';

/** A refusal as stored beside a mutation (server log or desk inbox), back in wire form. */
export function storedError(r: { code: string | null; message: string | null; rule_ids: string | null; params: string | null; checks?: string | null }): WireError {
  return {
    code: (r.code ?? 'rule_violation') as WireError['code'],
    message: r.message ?? '',
    ruleIds: JSON.parse(r.rule_ids ?? '[]') as string[],
    params: JSON.parse(r.params ?? '{}') as Record<string, string | number>,
    ...(r.checks ? { checks: JSON.parse(r.checks) as NonNullable<WireError['checks']> } : {}),
  };
}

/** The columns a refusal is stored in (server log, desk inbox). */
export function errorColumns(e: WireError | null): { code: string | null; rule_ids: string | null; params: string | null; message: string | null; checks: string | null } {
  return {
    code: e?.code ?? null,
    rule_ids: e ? JSON.stringify(e.ruleIds ?? []) : null,
    params: e ? JSON.stringify(e.params ?? {}) : null,
    message: e?.message ?? null,
    checks: e?.checks ? JSON.stringify(e.checks) : null,
  };
}
