import { Card, Empty, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { WORK_ORDER_VIEWS, type WorkOrder } from '../../../shared/workorders/schemas';
import { LoadError } from '../../client/LoadError';
import { useCenterToday } from '../../client/use-policy';
import { useQuery } from '../../client/use-query';
import { useI18n, useT } from '../../i18n/i18n-store';
import { useSession } from '../../stores/session-store';
import { formatDateTime } from '../calls/history-range';
import { RuleCitation } from '../rules/RuleCitation';
import { ComplaintSteps } from './ComplaintSteps';
import { dueText } from './due-text';
import { WorkOrderActions } from './WorkOrderActions';

const RISK_COLOR = { ok: 'default', warn: 'orange', overdue: 'red' } as const;

/** Work orders: an agent's own, a lead's team backlog (work left open), due soon and overdue (workorder.pre-breach). */
export function WorkOrdersPage() {
  const t = useT();
  const locale = useI18n((s) => s.locale);
  const actor = useSession((s) => s.actor)!;
  const { zone } = useCenterToday();
  const [view, setView] = useState<(typeof WORK_ORDER_VIEWS)[number]>(actor.role === 'agent' ? 'mine' : 'open');
  const list = useQuery('workorders.list', { view }, { tables: ['work_orders'] });
  const people = useQuery('org.directory', {}, { tables: ['users'] }).data ?? [];
  const person = (id: string) => people.find((p) => p.userId === id)?.displayName ?? id;
  const now = Date.now();
  const columns = [
    { title: t('wo.type'), dataIndex: 'type', render: (v: WorkOrder['type']) => <Tag color={v === 'complaint' ? 'red' : 'blue'}>{t(`wo.type.${v}`)}</Tag> },
    { title: t('wo.subject'), dataIndex: 'title', onCell: () => ({ className: 'zb-clamp' }) },
    { title: t('wo.owner'), dataIndex: 'ownerName' },
    {
      title: t('wo.due'),
      dataIndex: 'dueAt',
      render: (v: string, o: WorkOrder) => (
        <Space direction="vertical" size={0}>
          <span>{formatDateTime(v, locale, zone)}</span>
          {o.status !== 'done' && (
            <Tag color={RISK_COLOR[o.risk]} data-testid={`risk-${o.risk}`}>
              {dueText(t, v, now)}
            </Tag>
          )}
        </Space>
      ),
    },
    {
      title: t('wo.status'),
      dataIndex: 'status',
      render: (v: WorkOrder['status'], o: WorkOrder) => (
        <Space size={4} wrap>
          <Tag color={v === 'done' ? 'green' : v === 'in_progress' ? 'processing' : 'default'}>{t(`wo.status.${v}`)}</Tag>
          {o.supervisedAt && <Tag color="purple">{t('wo.supervised')}</Tag>}
          {o.callbackOutcome && <Tag>{t(`wo.callback.${o.callbackOutcome}`)}</Tag>}
        </Space>
      ),
    },
    { title: '', key: 'actions', render: (_: unknown, o: WorkOrder) => <WorkOrderActions order={o} actor={actor} /> },
  ];
  return (
    <Card
      size="small"
      title={
        <Space wrap>
          {t('wo.title')}
          <Typography.Text type="secondary" data-testid="wo-count">
            {t('wo.count', { count: list.data?.length ?? 0 })}
          </Typography.Text>
          <RuleCitation ruleId="workorder.pre-breach" />
        </Space>
      }
      extra={<Segmented value={view} onChange={(v) => setView(v as typeof view)} options={WORK_ORDER_VIEWS.map((v) => ({ value: v, label: t(`wo.view.${v}`) }))} data-testid="wo-view" />}
    >
      <LoadError error={list.error} onRetry={list.reload} />
      <Table<WorkOrder>
        rowKey="id"
        size="small"
        loading={list.data === undefined && list.error === null}
        dataSource={list.data ?? []}
        columns={columns}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        expandable={{
          rowExpandable: (o) => o.type === 'complaint' || o.handoffs.length > 0 || Boolean(o.superviseNote || o.callbackNote || o.closeNote),
          expandedRowRender: (o) => (
            <Space direction="vertical" style={{ width: '100%' }}>
              {o.type === 'complaint' && <ComplaintSteps order={o} canAct={o.status !== 'done'} />}
              {o.superviseNote && <Typography.Text>{`${t('wo.supervised')}：${o.superviseNote}`}</Typography.Text>}
              {o.callbackNote && <Typography.Text>{`${t(`wo.callback.${o.callbackOutcome ?? 'satisfied'}`)}：${o.callbackNote}`}</Typography.Text>}
              {o.handoffs.map((h) => (
                <Typography.Text key={h.at} data-testid="wo-handoff">
                  {`${formatDateTime(h.at, locale, zone)} ${t('wo.handedOver', { from: person(h.fromId), to: person(h.toId), reason: h.reason })}`}
                </Typography.Text>
              ))}
              {o.closeNote && <Typography.Text>{`${t('wo.status.done')}：${o.closeNote}`}</Typography.Text>}
            </Space>
          ),
        }}
        locale={{ emptyText: <Empty description={t('wo.empty')} /> }}
        data-testid="wo-table"
      />
    </Card>
  );
}
