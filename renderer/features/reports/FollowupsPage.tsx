import { Card, Col, Row, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import type { FollowupRow } from '../../../shared/reports/schemas';
import { LoadError } from '../../client/LoadError';
import { useCenterToday } from '../../client/use-policy';
import { useT } from '../../i18n/i18n-store';
import { useDayText } from '../../i18n/use-day-text';
import { useQuery } from '../../client/use-query';
import { DateField } from '../calendar/DateField';
import { BarChart } from '../dashboard/BarChart';
import { RuleCitation } from '../rules/RuleCitation';
import { ExportButtons } from './ExportButtons';
import { followupRows } from './export-report';
import { useExportWords } from './use-export-words';

const METRICS = [
  { key: 'supervised', color: '#722ed1' },
  { key: 'feedback', color: '#1677ff' },
  { key: 'callbacks', color: '#13c2c2' },
] as const;

const NOWRAP = () => ({ style: { whiteSpace: 'nowrap' as const } });

/** report.weekly-followups: the director's weekly statistics of supervised items, feedback and callbacks, per team. */
export function FollowupsPage() {
  const t = useT();
  const day = useDayText();
  const words = useExportWords();
  const { today } = useCenterToday();
  const [week, setWeek] = useState<string | null>(null);
  const q = useQuery('reports.followups', { week: week ?? today, weeks: 4 }, { tables: ['work_orders'] });
  const f = q.data;
  const perWeek = (k: (typeof METRICS)[number]['key']) => (f?.weeks ?? []).map((w) => ({ label: w.slice(5), value: f!.rows.filter((r) => r.week === w).reduce((s, r) => s + r[k], 0) }));
  return (
    <Card
      size="small"
      title={
        <Space wrap>
          {t('fu.title')}
          <RuleCitation ruleId="report.weekly-followups" />
        </Space>
      }
      extra={
        <Space wrap>
          <DateField value={week ?? today} onChange={(d) => d && setWeek(d)} data-testid="fu-week" />
          {f && <ExportButtons name={`${t('fu.title')}-${f.weeks[f.weeks.length - 1]}`} rows={() => followupRows(f.rows, words)} testId="fu-export" />}
        </Space>
      }
    >
      <LoadError error={q.error} onRetry={q.reload} />
      <Row gutter={16} data-testid="fu-charts">
        {METRICS.map((m) => (
          <Col span={8} key={m.key}>
            <Typography.Text strong>{t(`fu.${m.key}`)}</Typography.Text>
            <Typography.Text type="secondary" style={{ marginLeft: 8, fontSize: 12 }}>
              {t('fu.byWeek')}
            </Typography.Text>
            <BarChart title={t(`fu.${m.key}`)} bars={perWeek(m.key)} height={150} color={m.color} />
          </Col>
        ))}
      </Row>
      <Table<FollowupRow>
        size="small"
        rowKey={(r) => `${r.week}:${r.teamId ?? ''}`}
        pagination={false}
        // Newest week first; within a week, teams in their usual order.
        dataSource={f ? [...f.rows].sort((a, b) => b.week.localeCompare(a.week)) : []}
        loading={!f && !q.error}
        data-testid="fu-table"
        style={{ marginTop: 12 }}
        columns={[
          { title: t('fu.col.week'), dataIndex: 'week', onCell: NOWRAP, render: (w: string) => t('fu.weekOf', { date: day(w) }) },
          { title: t('rep.team'), dataIndex: 'teamId', onCell: NOWRAP, render: (id: string | null) => words.team(id) },
          { title: t('fu.supervised'), dataIndex: 'supervised', align: 'right' },
          { title: t('fu.feedback'), dataIndex: 'feedback', align: 'right' },
          { title: t('fu.callbacks'), dataIndex: 'callbacks', align: 'right' },
          { title: t('rep.fig.cb.satisfied'), key: 's', align: 'right', render: (_: unknown, r: FollowupRow) => r.callbacksByOutcome.satisfied },
          { title: t('rep.fig.cb.unsatisfied'), key: 'u', align: 'right', render: (_: unknown, r: FollowupRow) => r.callbacksByOutcome.unsatisfied },
          { title: t('rep.fig.cb.unreachable'), key: 'n', align: 'right', render: (_: unknown, r: FollowupRow) => r.callbacksByOutcome.unreachable },
        ]}
      />
    </Card>
  );
}
