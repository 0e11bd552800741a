import { Card, Empty, Input, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { InputRef } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { CallRecord } from '../../../shared/calls/schemas';
import { CALL_CATEGORIES } from '../../../shared/calls/schemas';
import { useI18n, useT } from '../../i18n/i18n-store';
import { useClient, useSession } from '../../stores/session-store';
import { CATEGORY_COLORS } from './category-colors';
import { formatClock, formatDuration, todayRange } from './format';

export const SEARCH_KEY = 'F3';

export function CallList() {
  const t = useT();
  const locale = useI18n((s) => s.locale);
  const client = useClient();
  const actor = useSession((s) => s.actor)!;
  const [q, setQ] = useState('');
  const [calls, setCalls] = useState<CallRecord[] | null>(null);
  const searchRef = useRef<InputRef>(null);

  useEffect(() => {
    let alive = true;
    const load = () =>
      void client.call('calls.list', { ...todayRange(), q }).then(
        (rows) => alive && setCalls(rows),
        () => undefined,
      );
    const timer = window.setTimeout(load, q ? 200 : 0);
    const off = client.onEvent((e) => e.type === 'changed' && e.tables.includes('calls') && load());
    return () => {
      alive = false;
      window.clearTimeout(timer);
      off();
    };
  }, [client, q]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== SEARCH_KEY) return;
      e.preventDefault();
      searchRef.current?.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const perCategory = useMemo(
    () => CALL_CATEGORIES.map((c) => ({ c, n: (calls ?? []).filter((x) => x.category === c).length })).filter((x) => x.n > 0),
    [calls],
  );

  const columns = [
    { title: t('calls.list.time'), dataIndex: 'startedAt', width: 80, render: (v: string) => formatClock(v, locale) },
    { title: t('calls.list.duration'), dataIndex: 'durationSec', width: 80, render: (v: number) => formatDuration(v) },
    ...(actor.role === 'agent' ? [] : [{ title: t('calls.list.agent'), dataIndex: 'agentName', width: 90 }]),
    {
      title: t('calls.log.phone'),
      dataIndex: 'customerPhone',
      width: 170,
      render: (phone: string, c: CallRecord) => (
        <Space size={4}>
          {phone}
          {!c.synced && (
            <Tooltip title={t('calls.list.unsynced')}>
              <Tag color="gold" data-testid="unsynced">
                {t('calls.list.unsyncedShort')}
              </Tag>
            </Tooltip>
          )}
        </Space>
      ),
    },
    { title: t('calls.log.name'), dataIndex: 'customerName', width: 100 },
    {
      title: t('calls.log.category'),
      dataIndex: 'category',
      width: 110,
      render: (c: CallRecord['category']) => <Tag color={CATEGORY_COLORS[c]}>{t(`category.${c}`)}</Tag>,
    },
    { title: t('calls.log.summary'), dataIndex: 'summary', ellipsis: true },
    { title: t('calls.log.outcome'), dataIndex: 'outcome', ellipsis: true },
    {
      title: t('calls.list.followUp'),
      dataIndex: 'followUp',
      width: 90,
      render: (f: boolean) => (f ? <Tag color="orange">{t('calls.list.followUpYes')}</Tag> : null),
    },
  ];

  return (
    <Card
      size="small"
      title={
        <Space>
          {t('calls.list.title')}
          <Typography.Text type="secondary" data-testid="calls-count">
            {t('calls.list.count', { count: calls?.length ?? 0 })}
          </Typography.Text>
          {perCategory.map(({ c, n }) => (
            <Tag key={c} color={CATEGORY_COLORS[c]}>
              {t(`category.${c}`)} {n}
            </Tag>
          ))}
        </Space>
      }
      extra={
        <Input.Search
          ref={searchRef}
          allowClear
          placeholder={t('calls.list.search')}
          value={q}
          onChange={(e) => setQ(e.target.value)}
          style={{ width: 320 }}
          data-testid="calls-search"
        />
      }
    >
      <Table<CallRecord>
        rowKey="id"
        size="small"
        loading={calls === null}
        dataSource={calls ?? []}
        columns={columns}
        pagination={false}
        scroll={{ y: 420 }}
        data-testid="calls-table"
        locale={{ emptyText: <Empty description={q ? t('calls.list.noMatch', { q }) : t('calls.list.empty')} /> }}
      />
    </Card>
  );
}
