import { List, Space, Tag, Typography } from 'antd';
import { useQuery } from '../../client/use-query';
import { useCenterToday } from '../../client/use-policy';
import { useI18n, useT } from '../../i18n/i18n-store';
import { formatDateTime } from '../calls/history-range';

/** The work orders opened from one call, in its detail: what became of the call. */
export function CallWorkOrders({ callId }: { callId: string }) {
  const t = useT();
  const locale = useI18n((s) => s.locale);
  const { zone } = useCenterToday();
  const list = useQuery('workorders.list', { view: 'all', callId }, { tables: ['work_orders'] });
  if (!list.data?.length) return null;
  return (
    <List
      size="small"
      header={<Typography.Text strong>{t('wo.title')}</Typography.Text>}
      dataSource={list.data}
      data-testid="call-work-orders"
      renderItem={(o) => (
        <List.Item>
          <Space wrap>
            <Tag color={o.type === 'complaint' ? 'red' : 'blue'}>{t(`wo.type.${o.type}`)}</Tag>
            <Typography.Text>{o.title}</Typography.Text>
            <Tag color={o.status === 'done' ? 'green' : o.risk === 'overdue' ? 'red' : o.risk === 'warn' ? 'orange' : 'default'}>{t(`wo.status.${o.status}`)}</Tag>
            <Typography.Text type="secondary">
              {o.ownerName} · {t('wo.due')} {formatDateTime(o.dueAt, locale, zone)}
            </Typography.Text>
          </Space>
        </List.Item>
      )}
    />
  );
}
