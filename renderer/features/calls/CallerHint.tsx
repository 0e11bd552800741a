import { Alert, Space, Tag, Typography } from 'antd';
import { MIN_LOOKUP_DIGITS, phoneKey } from '../../../shared/calls/phone';
import { useCenterToday } from '../../client/use-policy';
import { useQuery } from '../../client/use-query';
import { useI18n, useT } from '../../i18n/i18n-store';
import { ValueTagBadge } from '../customers/ValueTagBadge';
import { CATEGORY_COLORS } from './category-colors';
import { formatDateTime } from './history-range';

/** Debounce of the look-up while the phone is typed: one query per pause, not one per digit. */
const TYPING_PAUSE_MS = 300;

/** "This caller called before": the earlier calls of the number being typed, as far as this desk may see. */
export function CallerHint({ phone, draftId }: { phone: string; draftId: string }) {
  const t = useT();
  const locale = useI18n((s) => s.locale);
  const { zone } = useCenterToday();
  const ready = phoneKey(phone).length >= MIN_LOOKUP_DIGITS;
  const found = useQuery('calls.caller', ready ? { phone, excludeId: draftId, limit: 3 } : null, { debounceMs: TYPING_PAUSE_MS, tables: ['calls'] });
  const r = ready ? found.data : undefined;
  if (!r || (r.count === 0 && !r.valueTag)) return null;
  return (
    <Alert
      type="info"
      showIcon
      data-testid="called-before"
      message={
        <Space>
          {t('calls.caller.before', { count: r.count })}
          <ValueTagBadge tag={r.valueTag} />
        </Space>
      }
      description={
        <Space direction="vertical" size={2}>
          {r.recent.map((c) => (
            <Typography.Text key={c.id} type="secondary">
              {formatDateTime(c.startedAt, locale, zone)} · <Tag color={CATEGORY_COLORS[c.category]}>{t(`category.${c.category}`)}</Tag>
              {c.customerName && `${c.customerName} · `}
              {c.summary} → {c.outcome}
            </Typography.Text>
          ))}
        </Space>
      }
    />
  );
}
