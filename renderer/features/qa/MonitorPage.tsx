import { Alert, Button, Card, Empty, Progress, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { MethodOutput } from '../../../shared/api/table';
import { LoadError } from '../../client/LoadError';
import { useNames } from '../../client/names';
import { useCenterToday } from '../../client/use-policy';
import { useQuery } from '../../client/use-query';
import { useI18n, useT } from '../../i18n/i18n-store';
import { formatDateTime } from '../calls/history-range';
import { RuleCitation } from '../rules/RuleCitation';
import { EvaluationForm } from './EvaluationForm';

type Sampled = MethodOutput<'qa.sample'>[number];

/** This month's quota per agent and per inspector (qa.quota), the calls sampled to monitor next, and the form for the one opened. */
export function MonitorPage() {
  const t = useT();
  const locale = useI18n((s) => s.locale);
  const names = useNames();
  const { today, zone } = useCenterToday();
  const month = today.slice(0, 7);
  const [batch, setBatch] = useState(0);
  const [open, setOpen] = useState<Sampled | null>(null);
  const progress = useQuery('qa.progress', { month }, { tables: ['qa_evaluations', 'calls'] });
  const sample = useQuery('qa.sample', { month, seed: batch === 0 ? '' : `${month}:${batch}`, limit: 12 }, { tables: ['qa_evaluations', 'calls'] });
  const p = progress.data;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={16} data-testid="qa-monitor">
      <LoadError error={progress.error ?? sample.error} onRetry={() => (progress.reload(), sample.reload())} />
      {open ? (
        <EvaluationForm key={open.callId} call={open} onCancel={() => setOpen(null)} onDone={() => (setOpen(null), progress.reload(), sample.reload())} />
      ) : (
        <Card
          size="small"
          title={
            <Space>
              {t('qa.sample.title')}
              <RuleCitation ruleId="qa.quota" />
            </Space>
          }
          extra={
            <Button size="small" onClick={() => setBatch(batch + 1)} data-testid="qa-sample-again">
              {t('qa.sample.again')}
            </Button>
          }
        >
          <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
            {t('qa.sample.hint')}
          </Typography.Paragraph>
          <Table
            size="small"
            rowKey="callId"
            pagination={false}
            data-testid="qa-sample"
            dataSource={sample.data ?? []}
            locale={{ emptyText: <Empty description={t('qa.sample.none')} /> }}
            columns={[
              { title: t('qa.progress.agent'), dataIndex: 'agentName', width: 110 },
              { title: t('qa.list.callAt'), key: 'at', width: 150, render: (_, c) => formatDateTime(c.startedAt, locale, zone) },
              { title: t('qa.sample.shift'), key: 'shift', width: 80, render: (_, c) => (c.shift ? names.shift(c.shift) : t('qa.sample.noShift')) },
              { title: t('calls.log.category'), key: 'cat', width: 90, render: (_, c) => <Tag>{t(`category.${c.category}`)}</Tag> },
              { title: t('calls.log.summary'), dataIndex: 'summary', ellipsis: true },
              {
                key: 'go',
                width: 90,
                render: (_, c) => (
                  <Button size="small" type="primary" onClick={() => setOpen(c)} data-testid="qa-sample-evaluate">
                    {t('qa.sample.evaluate')}
                  </Button>
                ),
              },
            ]}
          />
        </Card>
      )}
      {p && <ProgressCard p={p} />}
    </Space>
  );
}

/** qa.quota: evaluated against due, per agent; then per inspector. */
export function ProgressCard({ p }: { p: MethodOutput<'qa.progress'> }) {
  const t = useT();
  const names = useNames();
  return (
    <Card
      size="small"
      data-testid="qa-progress"
      title={
        <Space>
          {t('qa.progress.title')}
          <RuleCitation ruleId="qa.quota" />
        </Space>
      }
    >
      <Alert type={p.left > 0 ? 'info' : 'success'} showIcon style={{ marginBottom: 12 }} message={t('qa.progress.left', { count: p.left })} data-testid="qa-left" />
      <Table
        size="small"
        rowKey="agentId"
        pagination={false}
        dataSource={p.agents}
        columns={[
          { title: t('qa.progress.agent'), dataIndex: 'agentName', width: 120 },
          { title: t('calls.history.team'), key: 'team', width: 90, render: (_, a) => names.team(a.teamId) },
          { title: t('qa.progress.calls'), dataIndex: 'calls', width: 70 },
          {
            title: t('qa.progress.done'),
            key: 'done',
            render: (_, a) => (
              <Space data-testid="qa-progress-agent" data-agent={a.agentName} data-evaluated={a.evaluated}>
                <Progress percent={Math.min(100, Math.round((a.evaluated / p.quota) * 100))} size="small" style={{ width: 120, margin: 0 }} showInfo={false} />
                <span>
                  {a.evaluated} / {p.quota}
                </span>
              </Space>
            ),
          },
        ]}
      />
      <Typography.Paragraph style={{ marginTop: 12, marginBottom: 0 }}>
        {t('qa.progress.inspectors')}: {p.inspectors.map((i) => t('qa.progress.byInspector', { name: i.inspectorName, count: i.evaluated })).join(' · ')}
      </Typography.Paragraph>
    </Card>
  );
}
