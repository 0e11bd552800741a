import { CALL_WINDOW_DAYS } from '../../../shared/sync/windows';
import { Alert, App, Button, Card, Dropdown, Empty, Modal, Progress, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useMemo, useRef, useState } from 'react';
import { addDays } from '../../../shared/calendar/day-kind';
import { SHORT_QUERY_DAYS, type CallCursor, type CallHistoryInput } from '../../../shared/calls/history-schemas';
import { mayCall } from '../../../shared/api/method';
import { api } from '../../../shared/api/table';
import type { CallRecord } from '../../../shared/calls/schemas';
import { LoadError } from '../../client/LoadError';
import { errorText } from '../../client/error-text';
import { useNames } from '../../client/names';
import { useCenterToday } from '../../client/use-policy';
import { useQuery } from '../../client/use-query';
import { useI18n, useT } from '../../i18n/i18n-store';
import { useClient, useSession } from '../../stores/session-store';
import { saveTable } from '../spreadsheet/save-file';
import { CallDetail } from './CallDetail';
import { CallHistoryFilters, type HistoryFilter } from './CallHistoryFilters';
import { CATEGORY_COLORS } from './category-colors';
import { callRows, fetchAllCalls } from './export-calls';
import { formatDuration } from './format';
import { daysRange, formatDateTime } from './history-range';
import './calls.css';

const PAGE_SIZES = [20, 50, 100];

/**
 * The call history: any days, filtered, a page at a time; a row opens its detail. Leads, QA and directors search
 * with calls.search (the central server while it is reachable, this desk's replica otherwise; the page says
 * which), paged by cursor; agents page their own calls from the replica.
 */
export function CallHistoryPage() {
  const t = useT();
  const locale = useI18n((s) => s.locale);
  const actor = useSession((s) => s.actor)!;
  const client = useClient();
  const names = useNames();
  const { message } = App.useApp();
  const { today, zone } = useCenterToday();
  const [filter, setFilter] = useState<HistoryFilter>({ fromDay: addDays(today, -6), toDay: today, outcome: '', followUp: 'any', q: '' });
  const [paging, setPaging] = useState({ page: 1, size: 20 });
  const [detail, setDetail] = useState<string | null>(null);
  const [exporting, setExporting] = useState<{ done: number; total: number } | null>(null);
  const cancelled = useRef(false);

  const query: CallHistoryInput = useMemo(() => {
    const { fromDay, toDay, ...rest } = filter;
    return { ...daysRange(fromDay, toDay < fromDay ? fromDay : toDay, zone), ...rest };
  }, [filter, zone]);
  const typed = filter.q || filter.outcome;
  const searches = mayCall(api['calls.search'].access, actor);
  // The cursor each page starts after (the first: none); the last one is the page shown.
  const [cursors, setCursors] = useState<(CallCursor | undefined)[]>([undefined]);
  const opts = { tables: ['calls'] as const, debounceMs: typed ? 250 : 0 };
  const calls = useQuery('calls.history', searches ? null : { ...query, offset: (paging.page - 1) * paging.size, limit: paging.size }, opts);
  const found = useQuery('calls.search', searches ? { ...query, after: cursors[cursors.length - 1], limit: paging.size } : null, opts);
  const shown = searches ? found : calls;

  const change = (patch: Partial<HistoryFilter>) => {
    setFilter((f) => ({ ...f, ...patch }));
    setPaging((p) => ({ ...p, page: 1 }));
    setCursors([undefined]);
  };

  const header = [t('calls.detail.started'), t('calls.list.duration'), t('calls.list.agent'), t('calls.history.team'), t('calls.log.phone'), t('calls.log.name'), t('calls.log.category'), t('calls.log.summary'), t('calls.log.outcome'), t('calls.list.followUp')];
  const cells = (c: CallRecord) => [formatDateTime(c.startedAt, locale, zone), formatDuration(c.durationSec), c.agentName, names.team(c.teamId), c.customerPhone, c.customerName, t(`category.${c.category}`), c.summary, c.outcome, c.followUp ? t('calls.list.followUpYes') : ''];

  const exportAs = async (format: 'csv' | 'xlsx') => {
    cancelled.current = false;
    setExporting({ done: 0, total: shown.data?.total ?? 0 });
    try {
      const all = await fetchAllCalls(client, query, (done, total) => setExporting({ done, total }), () => cancelled.current);
      if (all) {
        saveTable(`${t('calls.history.fileName')}-${filter.fromDay}-${filter.toDay}`, callRows(all, header, cells), format);
        void message.success(t('calls.history.exported', { count: all.length }));
      }
    } catch (err) {
      void message.error(errorText(t, err));
    } finally {
      setExporting(null);
    }
  };

  const nowrap = { onCell: () => ({ className: 'zb-nowrap' }), onHeaderCell: () => ({ className: 'zb-nowrap' }) };
  const columns = [
    { title: t('calls.detail.started'), dataIndex: 'startedAt', ...nowrap, render: (v: string) => formatDateTime(v, locale, zone) },
    { title: t('calls.list.duration'), dataIndex: 'durationSec', ...nowrap, render: (v: number) => formatDuration(v) },
    ...(actor.role === 'agent' ? [] : [{ title: t('calls.list.agent'), dataIndex: 'agentName', ...nowrap }]),
    { title: t('calls.log.phone'), dataIndex: 'customerPhone', ...nowrap },
    { title: t('calls.log.name'), dataIndex: 'customerName', ...nowrap },
    { title: t('calls.log.category'), dataIndex: 'category', ...nowrap, render: (c: CallRecord['category']) => <Tag color={CATEGORY_COLORS[c]}>{t(`category.${c}`)}</Tag> },
    { title: t('calls.log.summary'), dataIndex: 'summary', onCell: () => ({ className: 'zb-clamp' }) },
    { title: t('calls.log.outcome'), dataIndex: 'outcome', onCell: () => ({ className: 'zb-clamp' }) },
    { title: t('calls.list.followUp'), dataIndex: 'followUp', ...nowrap, render: (f: boolean) => (f ? <Tag color="orange">{t('calls.list.followUpYes')}</Tag> : null) },
  ];
  const total = shown.data?.total ?? 0;
  const source = shown.data?.source;
  const pager = searches && (
    <Space style={{ justifyContent: 'flex-end', width: '100%' }} data-testid="search-pager">
      <Button size="small" disabled={cursors.length === 1} onClick={() => setCursors((c) => c.slice(0, -1))} data-testid="search-prev">
        {t('calls.search.prev')}
      </Button>
      <Typography.Text data-testid="search-page">{t('calls.search.page', { page: cursors.length })}</Typography.Text>
      <Button size="small" disabled={!found.data?.next} onClick={() => found.data?.next && setCursors((c) => [...c, found.data!.next!])} data-testid="search-next">
        {t('calls.search.next')}
      </Button>
      <Select
        size="small"
        value={paging.size}
        options={PAGE_SIZES.map((n) => ({ value: n, label: `${n}` }))}
        onChange={(size) => {
          setPaging({ page: 1, size });
          setCursors([undefined]);
        }}
        style={{ width: 72 }}
      />
    </Space>
  );

  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 16, minWidth: 0 }}>
      <Card
        size="small"
        title={
          <Space>
            {t('calls.history.title')}
            <Typography.Text type="secondary" data-testid="history-count">
              {found.data?.capped ? t('calls.search.countOver', { count: total }) : t('calls.list.count', { count: total })}
            </Typography.Text>
            {source && (
              <Tooltip title={source === 'center' ? t('calls.search.source.centerHint') : t('calls.search.source.replicaHint', { days: CALL_WINDOW_DAYS })}>
                <Tag color={source === 'center' ? 'blue' : 'default'} data-testid="history-source" data-source={source}>
                  {t(source === 'center' ? 'calls.search.source.center' : 'calls.search.source.replica')}
                </Tag>
              </Tooltip>
            )}
          </Space>
        }
        extra={
          <Dropdown
            disabled={total === 0 || exporting !== null}
            menu={{ items: [{ key: 'xlsx', label: 'Excel (.xlsx)' }, { key: 'csv', label: 'CSV (.csv)' }], onClick: ({ key }) => void exportAs(key as 'csv' | 'xlsx') }}
          >
            <Button data-testid="history-export">{t('calls.history.export')}</Button>
          </Dropdown>
        }
      >
        <Space direction="vertical" style={{ width: '100%' }}>
          <CallHistoryFilters actor={actor} value={filter} onChange={change} />
          <LoadError error={shown.error} onRetry={shown.reload} />
          {found.data && Date.parse(found.data.searchedFrom) > Date.parse(query.from) && (
            <Alert type="info" showIcon message={t('calls.search.shortQuery', { days: SHORT_QUERY_DAYS, from: formatDateTime(found.data.searchedFrom, locale, zone) })} data-testid="search-short" />
          )}
          <Table<CallRecord>
            rowKey="id"
            size="small"
            tableLayout="auto"
            loading={shown.data === undefined && shown.error === null}
            dataSource={shown.data?.items ?? []}
            columns={columns}
            onRow={(c) => ({ onClick: () => setDetail(c.id), style: { cursor: 'pointer' } })}
            pagination={
              searches
                ? false
                : {
              current: paging.page,
              pageSize: paging.size,
              total,
              pageSizeOptions: PAGE_SIZES,
              showSizeChanger: true,
              onChange: (page, size) => setPaging({ page: size === paging.size ? page : 1, size }),
                  }
            }
            data-testid="history-table"
            locale={{ emptyText: <Empty description={t('calls.history.empty')} /> }}
          />
          {pager}
        </Space>
      </Card>
      <CallDetail id={detail} zone={zone} onClose={() => setDetail(null)} />
      <Modal
        open={exporting !== null}
        title={t('calls.history.exporting')}
        closable={false}
        maskClosable={false}
        okButtonProps={{ style: { display: 'none' } }}
        cancelText={t('calls.history.cancelExport')}
        onCancel={() => (cancelled.current = true)}
      >
        <Progress percent={exporting && exporting.total > 0 ? Math.floor((exporting.done / exporting.total) * 100) : 0} data-testid="export-progress" />
        <Typography.Text type="secondary">{exporting && t('calls.history.exportedSoFar', { done: exporting.done, total: exporting.total })}</Typography.Text>
      </Modal>
    </div>
  );
}
