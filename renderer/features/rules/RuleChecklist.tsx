import { Space, Tag, Typography } from 'antd';
import type { RuleCheck } from '../../../shared/rules/check';
import { ruleCitation, ruleStatement } from '../../../shared/policy/rule-texts';
import { isMessageKey } from '../../i18n/catalogues';
import { useI18n, useT, type T } from '../../i18n/i18n-store';
import { usePolicy } from '../../client/use-policy';

const COLOR = { pass: 'success', fail: 'error', warn: 'warning', unknown: 'default' } as const;

/** This case's numbers: `rule.<id>[.<problem>]` for a failure (the same line an error shows), `check.<id>.pass|unknown` otherwise. */
export function checkDetail(t: T, c: Pick<RuleCheck, 'ruleId' | 'status' | 'params'>): string | null {
  // Codes in the numbers read as words: job types and approval levels.
  const word = (k: string, v: string | number) => {
    const key = k.endsWith('Job') ? `jobType.${v}` : k === 'approver' || k === 'next' ? `leave.level.${v}` : '';
    return isMessageKey(key) ? t(key) : v;
  };
  const params = Object.fromEntries(Object.entries(c.params).map(([k, v]) => [k, word(k, v)]));
  const keys = c.status === 'fail' || c.status === 'warn' ? [`rule.${c.ruleId}.${String(c.params.problem ?? '')}`, `rule.${c.ruleId}`] : [`check.${c.ruleId}.${c.status}.${String(c.params.variant ?? '')}`, `check.${c.ruleId}.${c.status}`];
  const key = keys.find(isMessageKey);
  return key ? t(key, params) : null;
}

/**
 * Which rules pass and which fail, each with its citation, the rule in the user's language and the
 * numbers of this case ("2 of 2 swaps used in 2026-12"). Unknown: judged by the server at sync.
 */
export function RuleChecklist({ checks, compact }: { checks: readonly RuleCheck[]; compact?: boolean }) {
  const t = useT();
  const locale = useI18n((s) => s.locale);
  const policy = usePolicy().values;
  return (
    <div data-testid="rule-checklist">
      {checks.map((c) => {
        const detail = checkDetail(t, c);
        if (compact && c.status === 'pass') return null;
        return (
          <div key={c.ruleId} data-rule={c.ruleId} data-status={c.status} style={{ marginBottom: 6 }}>
            <Space size={6} align="start">
              <Tag color={COLOR[c.status]} style={{ minWidth: 54, textAlign: 'center' }}>
                {t(`check.status.${c.status}`)}
              </Tag>
              <div>
                <Typography.Text strong>{ruleCitation(locale, c.ruleId)}</Typography.Text>
                {!compact && <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.55)' }}>{ruleStatement(locale, c.ruleId, policy)}</div>}
                {detail && <div style={{ fontSize: 12 }}>{detail}</div>}
              </div>
            </Space>
          </div>
        );
      })}
    </div>
  );
}
