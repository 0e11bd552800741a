import { Tag, Timeline, Typography } from 'antd';
import { changedKeys } from '../../../shared/policy/params';
import type { PolicyVersion } from '../../../shared/policy/schema';
import { useI18n, useT } from '../../i18n/i18n-store';
import { dateFormat } from '../../i18n/date-format';
import { useCenterToday } from '../../client/use-policy';

/** Every saved version, newest first, with what it changed against the one before. */
export function PolicyAudit({ versions }: { versions: PolicyVersion[] }) {
  const t = useT();
  const locale = useI18n((s) => s.locale);
  // Saved when, on the center's clock (not the browser's zone).
  const { zone } = useCenterToday();
  const when = (iso: string) => dateFormat(locale, { dateStyle: 'short', timeStyle: 'short', timeZone: zone }).format(new Date(iso));
  return (
    <Timeline
      data-testid="policy-audit"
      items={versions.map((v, i) => {
        const before = versions[i + 1] ?? null;
        const keys = before ? changedKeys(before.values, v.values) : [];
        return {
          key: v.id,
          children: (
            <div>
              <Typography.Text strong>
                {v.createdBy === 'system' ? t('policy.builtInEntry') : t('policy.auditEntry', { who: v.createdByName, when: when(v.createdAt), from: v.effectiveFrom })}
              </Typography.Text>
              {v.note && <div>{v.note}</div>}
              <div>
                {!before ? (
                  <Typography.Text type="secondary">{t('policy.initial')}</Typography.Text>
                ) : keys.length === 0 ? (
                  <Typography.Text type="secondary">{t('policy.unchanged')}</Typography.Text>
                ) : (
                  keys.map((k) => (
                    <Tag key={k} color="blue">
                      {t('policy.change', { param: t(`policy.param.${k}`), before: String(before.values[k]), after: String(v.values[k]) })}
                    </Tag>
                  ))
                )}
              </div>
            </div>
          ),
        };
      })}
    />
  );
}
