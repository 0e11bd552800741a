import { Typography } from 'antd';
import { basisOf, citationOf } from '../../../shared/rules/describe';
import { useI18n, useT } from '../../i18n/i18n-store';

/** Where a rule comes from, small beside its words: the document and section, then the rule ID. */
export function RuleCitation({ ruleId }: { ruleId: string }) {
  const locale = useI18n((s) => s.locale);
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12 }} data-citation={ruleId}>
      {citationOf(locale, ruleId)} · {ruleId}
    </Typography.Text>
  );
}

/** What a decision applied, by document and sections (not a list of IDs). */
export function RuleBasis({ ruleIds }: { ruleIds: readonly string[] }) {
  const t = useT();
  const locale = useI18n((s) => s.locale);
  const basis = basisOf(locale, ruleIds);
  if (!basis) return null;
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12 }} data-citation={ruleIds.join(' ')} title={ruleIds.join(', ')}>
      {t('rule.basis', { basis })}
    </Typography.Text>
  );
}
