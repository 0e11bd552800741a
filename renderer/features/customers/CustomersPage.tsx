import { Alert, Card, Empty, Input, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import type { Customer } from '../../../shared/customers/schemas';
import { masksCustomers } from '../../../shared/customers/mask';
import { LoadError } from '../../client/LoadError';
import { useCenterToday } from '../../client/use-policy';
import { useQuery } from '../../client/use-query';
import { useI18n, useT } from '../../i18n/i18n-store';
import { useSession } from '../../stores/session-store';
import { formatDateTime } from '../calls/history-range';
import { RuleCitation } from '../rules/RuleCitation';
import { RevealButton } from './RevealButton';
import { TagPicker } from './TagPicker';
import { ValueTagBadge } from './ValueTagBadge';

/** The customers of the calls this person may see: masked for QA and directors, taggable by leads. */
export function CustomersPage() {
  const t = useT();
  const locale = useI18n((s) => s.locale);
  const actor = useSession((s) => s.actor)!;
  const { zone } = useCenterToday();
  const masked = masksCustomers(actor.role);
  const [q, setQ] = useState('');
  const [paging, setPaging] = useState({ page: 1, size: 20 });
  const list = useQuery('customers.directory', { q, offset: (paging.page - 1) * paging.size, limit: paging.size }, { tables: ['calls', 'customers'], debounceMs: q ? 250 : 0 });
  const columns = [
    { title: t('customers.phone'), dataIndex: 'phone', render: (v: string, c: Customer) => (c.masked ? <Space>{v}<RevealButton callId={c.ref} /></Space> : v) },
    { title: t('customers.name'), dataIndex: 'name' },
    { title: t('customers.calls'), dataIndex: 'calls', align: 'right' as const },
    { title: t('customers.lastCall'), dataIndex: 'lastCallAt', render: (v: string) => formatDateTime(v, locale, zone) },
    {
      title: (
        <Space size={4}>
          {t('customers.tag')}
          <RuleCitation ruleId="customer.value-tiers" />
        </Space>
      ),
      dataIndex: 'valueTag',
      render: (v: Customer['valueTag'], c: Customer) => (actor.role === 'team_lead' ? <TagPicker phone={c.phone} value={v} /> : <ValueTagBadge tag={v} />),
    },
  ];
  return (
    <Card
      size="small"
      title={
        <Space>
          {t('customers.title')}
          <Typography.Text type="secondary">{t('customers.count', { count: list.data?.total ?? 0 })}</Typography.Text>
        </Space>
      }
      extra={!masked && <Input.Search allowClear placeholder={t('customers.search')} value={q} onChange={(e) => (setQ(e.target.value), setPaging((p) => ({ ...p, page: 1 })))} style={{ width: 260 }} maxLength={32} />}
    >
      {masked && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          message={
            <Space wrap>
              {t('customers.maskedNote')}
              <RuleCitation ruleId="customer.confidential" />
            </Space>
          }
        />
      )}
      <LoadError error={list.error} onRetry={list.reload} />
      <Table<Customer>
        rowKey="ref"
        size="small"
        loading={list.data === undefined && list.error === null}
        dataSource={list.data?.items ?? []}
        columns={columns}
        pagination={{ current: paging.page, pageSize: paging.size, total: list.data?.total ?? 0, onChange: (page, size) => setPaging({ page, size }) }}
        locale={{ emptyText: <Empty description={t('customers.empty')} /> }}
        data-testid="customers-table"
      />
    </Card>
  );
}
