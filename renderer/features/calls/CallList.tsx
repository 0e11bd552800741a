import { Card, Empty, Input, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { InputRef } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { CallRecord } from '../../../shared/calls/schemas';
import { CALL_CATEGORIES } from '../../../shared/calls/schemas';
import { LoadError } from '../../client/LoadError';
import { useCenterToday } from '../../client/use-policy';
import { useQuery } from '../../client/use-query';
import { useI18n, useT } from '../../i18n/i18n-store';
import { useSession } from '../../stores/session-store';
import { useIntent } from '../../app/shortcuts';
import { useSyncStatus } from '../sync/use-sync-status';
import { HEADER_H } from '../../app/layout';
import { CATEGORY_COLORS } from './category-colors';
import { dayRange, formatClock, formatDuration } from './format';
import './calls.css';

/** Today's calls on the center's clock (by scope: own, team, all), searchable; F3 (the shell) jumps to the search. */
export function CallList() {
  const t = useT();
  const locale = useI18n((s) => s.locale);
  const actor = useSession((s) => s.actor)!;
  const [q, setQ] = useState('');
  const searchRef = useRef<InputRef>(null);
  // Until the policy is read, the originals' zone; a center elsewhere reloads once it is known.
  const { today, zone } = useCenterToday();
  const calls = useQuery('calls.list', { ...dayRange(today, zone), q }, { tables: ['calls'], debounceMs: q ? 200 : 0 });
  const rows = useMemo(() => calls.data ?? [], [calls.data]);
  const intent = useIntent((s) => (s.pending === 'searchCalls' ? s.seq : 0));
  // A standalone desk is its own authority: nothing waits for a server.
  const standalone = useSyncStatus()?.state === 'standalone';

  useEffect(() => {
    if (intent && useIntent.getState().take('searchCalls')) searchRef.current?.focus();
  }, [intent]);

  const perCategory = useMemo(() => CALL_CATEGORIES.map((c) => ({ c, n: rows.filter((x) => x.category === c).length })).filter((x) => x.n > 0), [rows]);

  // The table lays itself out: short columns take what their content needs (a long category name in
  // English included), summary and outcome wrap in what is left.
  const nowrap = { onCell: () => ({ className: 'zb-nowrap' }), onHeaderCell: () => ({ className: 'zb-nowrap' }) };
  const columns = [
    { title: t('calls.list.time'), dataIndex: 'startedAt', ...nowrap, render: (v: string) => formatClock(v, locale, zone) },
    { title: t('calls.list.duration'), dataIndex: 'durationSec', ...nowrap, render: (v: number) => formatDuration(v) },
    ...(actor.role === 'agent' ? [] : [{ title: t('calls.list.agent'), dataIndex: 'agentName', ...nowrap }]),
    {
      title: t('calls.log.phone'),
      dataIndex: 'customerPhone',
      ...nowrap,
      render: (phone: string, c: CallRecord) => (
        <Space size={4}>
          {phone}
          {!c.synced && !standalone && (
            <Tooltip title={t('calls.list.unsynced')}>
              <Tag color="gold" data-testid="unsynced">
                {t('calls.list.unsyncedShort')}
              </Tag>
            </Tooltip>
          )}
        </Space>
      ),
    },
    { title: t('calls.log.name'), dataIndex: 'customerName', ...nowrap },
    {
      title: t('calls.log.category'),
      dataIndex: 'category',
      ...nowrap,
      render: (c: CallRecord['category']) => (
        <Tag color={CATEGORY_COLORS[c]} style={{ marginInlineEnd: 0 }}>
          {t(`category.${c}`)}
        </Tag>
      ),
    },
    { title: t('calls.log.summary'), dataIndex: 'summary', onCell: () => ({ className: 'zb-clamp' }) },
    { title: t('calls.log.outcome'), dataIndex: 'outcome', onCell: () => ({ className: 'zb-clamp' }) },
    {
      title: t('calls.list.followUp'),
      dataIndex: 'followUp',
      ...nowrap,
      render: (f: boolean) => (f ? <Tag color="orange">{t('calls.list.followUpYes')}</Tag> : null),
    },
  ];

  return (
    <Card
      size="small"
      title={
        <Space wrap>
          {t('calls.list.title')}
          <Typography.Text type="secondary" data-testid="calls-count">
            {t('calls.list.count', { count: rows.length })}
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
          // Wide enough for the whole hint in every language, "(F3)" included.
          style={{ width: 420, maxWidth: '40vw' }}
          data-testid="calls-search"
        />
      }
    >
      <LoadError error={calls.error} onRetry={calls.reload} />
      <Table<CallRecord>
        rowKey="id"
        size="small"
        tableLayout="auto"
        loading={calls.data === undefined && calls.error === null}
        dataSource={rows}
        columns={columns}
        pagination={false}
        sticky={{ offsetHeader: HEADER_H }}
        data-testid="calls-table"
        locale={{ emptyText: <Empty description={q ? t('calls.list.noMatch', { q }) : t('calls.list.empty')} /> }}
      />
    </Card>
  );
}
