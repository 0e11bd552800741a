import { Card, Empty, Space, Table, Tag } from 'antd';
import { mayCall } from '../../../shared/api/method';
import { api } from '../../../shared/api/table';
import { LoadError } from '../../client/LoadError';
import { useNames } from '../../client/names';
import { useCenterToday } from '../../client/use-policy';
import { useQuery } from '../../client/use-query';
import { useI18n, useT } from '../../i18n/i18n-store';
import { useSession } from '../../stores/session-store';
import { BarChart } from '../dashboard/BarChart';
import { RuleCitation } from '../rules/RuleCitation';
import { ProgressCard } from './MonitorPage';
import { nameIn, scoreText } from './qa-text';

/**
 * qa.form (the monthly summary handed in for assessment): per agent this month — average score, evaluations against the quota, critical
 * fails, weakest criteria — and a six-month trend drawn with the dashboard's SVG bars. Overseers also see the
 * quota progress.
 */
export function SummaryPage() {
  const t = useT();
  const locale = useI18n((s) => s.locale);
  const names = useNames();
  const actor = useSession((s) => s.actor)!;
  const { today } = useCenterToday();
  const month = today.slice(0, 7);
  const summary = useQuery('qa.summary', { month }, { tables: ['qa_evaluations'] });
  const progress = useQuery('qa.progress', mayCall(api['qa.progress'].access, actor) ? { month } : null, { tables: ['qa_evaluations', 'calls'] });
  const monthLabel = (m: string) => String(Number(m.slice(5)));
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={16}>
      <Card
        title={
          <Space>
            {t('qa.summary.title')} · {month}
            <RuleCitation ruleId="qa.form" />
          </Space>
        }
        data-testid="qa-summary"
      >
        <LoadError error={summary.error} onRetry={summary.reload} />
        <Table
          size="small"
          rowKey="agentId"
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          dataSource={summary.data ?? []}
          locale={{ emptyText: <Empty /> }}
          columns={[
            { title: t('qa.list.agent'), dataIndex: 'agentName', width: 100 },
            { title: t('calls.history.team'), key: 'team', width: 80, render: (_, r) => names.team(r.teamId) },
            { title: t('qa.summary.average'), key: 'avg', width: 80, render: (_, r) => <span data-testid="qa-summary-average" data-agent={r.agentName}>{r.average === null ? t('qa.summary.none') : scoreText(r.average)}</span> },
            { title: t('qa.summary.count'), key: 'count', width: 110, render: (_, r) => <span data-testid="qa-summary-count" data-agent={r.agentName}>{`${r.count} / ${r.quota}`}</span> },
            { title: t('qa.summary.flagged'), key: 'flagged', width: 100, render: (_, r) => (r.flagged > 0 ? <Tag color="red">{r.flagged}</Tag> : 0) },
            {
              title: t('qa.summary.weakest'),
              key: 'weak',
              render: (_, r) =>
                r.weakest.map((w) => (
                  <Tag key={w.criterionId}>
                    {nameIn(w.names, locale)} {scoreText(w.average)}
                  </Tag>
                )),
            },
            {
              title: t('qa.summary.trend'),
              key: 'trend',
              width: 300,
              // No evaluation in six months: a dash, not an empty axis.
              render: (_, r) =>
                r.trend.every((m) => m.average === null) ? (
                  t('qa.summary.none')
                ) : (
                  <div style={{ width: 280 }} data-testid="qa-summary-trend">
                    <BarChart height={90} title={t('qa.summary.trendOf', { name: r.agentName })} bars={r.trend.map((m) => ({ label: monthLabel(m.month), value: m.average ?? 0, note: m.average === null ? '' : String(Math.round(m.average)) }))} />
                  </div>
                ),
            },
          ]}
        />
      </Card>
      {progress.data && <ProgressCard p={progress.data} />}
    </Space>
  );
}
