import { Card, Col, Empty, List, Row, Space, Table, Tag, Typography } from 'antd';
import type { WeeklyReport } from '../../../shared/reports/schemas';
import { LoadError } from '../../client/LoadError';
import { useQuery } from '../../client/use-query';
import { useT } from '../../i18n/i18n-store';
import { BarChart } from '../dashboard/BarChart';
import { RuleCitation } from '../rules/RuleCitation';
import { ExportButtons } from './ExportButtons';
import { weeklyRows } from './export-report';
import { figureValue, WEEKLY_LINES } from './figure-lines';
import { useExportWords } from './use-export-words';

type Day = WeeklyReport['days'][number];

/** report.daily (the weekly report): the week's submitted dailies summed, a trend of the workload day by day, and their texts. */
export function WeeklyView({ week, teamId }: { week: string; teamId: string | undefined }) {
  const t = useT();
  const words = useExportWords();
  const q = useQuery('reports.weekly', { week, ...(teamId ? { teamId } : {}) }, { tables: ['reports'] });
  const w = q.data;
  if (!w) return <LoadError error={q.error} onRetry={q.reload} />;
  const weekday = (d: string) => t(`rep.weekday.${new Date(`${d}T00:00:00Z`).getUTCDay()}` as 'rep.weekday.0');
  const label = (d: string) => `${d.slice(5)} ${weekday(d)}`;
  // The charts name the day by weekday only: seven dates do not fit under seven narrow bars.
  const bars = (k: 'consultations' | 'queries' | 'proactive') => w.days.map((d) => ({ label: weekday(d.date), value: d.figures?.[k] ?? 0 }));
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={12}>
      <Card
        size="small"
        title={
          <Space wrap>
            {t('rep.weekOf', { from: w.from, to: w.to })}
            <RuleCitation ruleId="report.daily" />
          </Space>
        }
        extra={<ExportButtons name={`${t('rep.kind.weekly')}-${words.team(w.teamId)}-${w.from}`} rows={() => weeklyRows(w, words)} testId="week-export" />}
      >
        <Row gutter={16}>
          {(['consultations', 'queries', 'proactive'] as const).map((k, i) => (
            <Col span={8} key={k}>
              <Typography.Text strong>{t(`rep.fig.${k}`)}</Typography.Text>
              <BarChart title={t(`rep.fig.${k}`)} bars={bars(k)} height={150} color={['#1677ff', '#13c2c2', '#722ed1'][i]} />
            </Col>
          ))}
        </Row>
      </Card>
      <Table<Day>
        size="small"
        rowKey="date"
        pagination={false}
        dataSource={w.days}
        data-testid="week-table"
        scroll={{ x: true }}
        columns={[
          { title: t('rep.col.date'), dataIndex: 'date', render: (d: string) => label(d) },
          ...WEEKLY_LINES.map((l) => ({ title: t(`rep.fig.${l}`), key: l, align: 'right' as const, render: (_: unknown, d: Day) => (d.figures ? figureValue(d.figures, l) : '') })),
          { title: t('rep.status'), dataIndex: 'status', render: (s: Day['status']) => <Tag color={s === 'submitted' ? 'green' : s ? 'gold' : 'default'}>{t(s ? `rep.status.${s}` : 'rep.status.missing')}</Tag> },
        ]}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0}>
              <Typography.Text strong>{t('rep.total')}</Typography.Text>
            </Table.Summary.Cell>
            {WEEKLY_LINES.map((l, i) => (
              <Table.Summary.Cell index={i + 1} key={l} align="right">
                <Typography.Text strong>{figureValue(w.totals, l)}</Typography.Text>
              </Table.Summary.Cell>
            ))}
            <Table.Summary.Cell index={WEEKLY_LINES.length + 1} />
          </Table.Summary.Row>
        )}
      />
      <Card size="small" title={t('rep.weekTexts')}>
        {w.texts.length === 0 ? (
          <Empty description={t('rep.weekNoTexts')} />
        ) : (
          <List
            size="small"
            dataSource={w.texts}
            renderItem={(x) => (
              <List.Item>
                <Space align="start">
                  <Tag>{label(x.date)}</Tag>
                  <Typography.Text type="secondary">{t(`rep.section.${x.key}`)}</Typography.Text>
                  <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{x.text}</Typography.Text>
                </Space>
              </List.Item>
            )}
          />
        )}
      </Card>
    </Space>
  );
}
