import { Space, Tag, Typography } from 'antd';
import type { RuleCheck } from '../../../shared/rules/check';
import { describeRule } from '../../../shared/rules/describe';
import { useT } from '../../i18n/i18n-store';
import { usePolicy } from '../../client/use-policy';
import { ruleReader } from '../../client/rule-line';
import { useNames } from '../../client/names';
import { RuleCitation } from './RuleCitation';

const COLOR = { pass: 'success', fail: 'error', warn: 'warning', unknown: 'default' } as const;

/**
 * Which rules pass and which fail: each rule as this case's sentence first ("after the swap team 1's day shift on Dec 5 has 1 person,
 * minimum 2"), its source and ID small beside it, the rule's own words below when they add something.
 * Unknown: judged by the server at sync (an offline desk cannot see the other team).
 */
export function RuleChecklist({ checks, compact }: { checks: readonly RuleCheck[]; compact?: boolean }) {
  const t = useT();
  const policy = usePolicy().values;
  useNames();
  const reader = ruleReader(t, policy);
  return (
    <div data-testid="rule-checklist">
      {checks.map((c) => {
        if (compact && c.status === 'pass') return null;
        const line = describeRule(reader, c);
        return (
          <div key={c.ruleId} data-rule={c.ruleId} data-status={c.status} style={{ marginBottom: 6 }}>
            <Space size={6} align="start">
              <Tag color={COLOR[c.status]} style={{ minWidth: 54, textAlign: 'center' }}>
                {t(`check.status.${c.status}`)}
              </Tag>
              <div>
                <Typography.Text strong={c.status !== 'pass'}>{line.text}</Typography.Text> <RuleCitation ruleId={c.ruleId} />
                {!compact && line.statement !== line.text && <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.55)' }}>{line.statement}</div>}
              </div>
            </Space>
          </div>
        );
      })}
    </div>
  );
}
