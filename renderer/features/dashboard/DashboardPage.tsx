import { Alert, Card, Col, Empty, List, Row, Segmented, Space, Statistic, Table, Tag, Typography } from 'antd';
import type { TeamStats } from '../../../shared/workorders/schemas';
import { useMemo, useState } from 'react';
import { addDays } from '../../../shared/calendar/day-kind';
import { CALL_CATEGORIES } from '../../../shared/calls/schemas';
import { LoadError } from '../../client/LoadError';
import { useNames } from '../../client/names';
import { useCenterToday, usePolicy } from '../../client/use-policy';
import { monthlyMeetingDate, qualityReportDue, REPORT_REMINDER_DAYS } from '../../../shared/reports/deadlines';
import { useQuery } from '../../client/use-query';
import { useI18n, useT } from '../../i18n/i18n-store';
import { calendarDay } from '../../../shared/rules/units';
import { daysRange } from '../calls/history-range';
import { RuleCitation } from '../rules/RuleCitation';
import { dueText } from '../workorders/due-text';
import { BarChart } from './BarChart';

const PERIODS = { today: 0, week: 6, month: 29 } as const;
type Period = keyof typeof PERIODS;

/** "67%": a rate as people say it. */
const percent = (r: number) => `${Math.round(r * 100)}%`;

/**
 * For leads (their team) and directors (the center): calls by category and hour, complaints and their
 * resolution rate, follow-ups due and work orders at risk. Reloads whenever calls or work orders change.
 */
export function DashboardPage() {
  const t = useT();
  const names = useNames();
  const { today, zone } = useCenterToday();
  const [period, setPeriod] = useState<Period>('today');
  const range = useMemo(() => daysRange(addDays(today, -PERIODS[period]), today, zone), [today, zone, period]);
  const calls = useQuery('calls.stats', range, { tables: ['calls'] });
  const teams = useQuery('workorders.stats', range, { tables: ['work_orders'] });
  const risky = useQuery('workorders.list', { view: 'atRisk' }, { tables: ['work_orders'] });
  const open = useQuery('workorders.list', { view: 'open' }, { tables: ['work_orders'] });
  const c = calls.data;
  const withComplaints = (teams.data ?? []).filter((s) => s.complaints > 0);
  const now = Date.now();
  const { values } = usePolicy();
  const locale = useI18n((s) => s.locale);
  const report = qualityReportDue(today, values.monthlyQualityReportDueDay);
  const meeting = monthlyMeetingDate(today.slice(0, 7), values.monthlyMeetingBeforeDay);

  return (
    <Space direction="vertical" style={{ width: '100%' }} size={16} data-testid="dashboard">
      <Alert
        type={report.daysLeft >= 0 && report.daysLeft <= REPORT_REMINDER_DAYS ? 'warning' : 'info'}
        showIcon
        data-testid="dash-deadlines"
        message={
          <Space direction="vertical" size={2}>
            <Space wrap>
              {report.daysLeft >= 0 ? t('dash.qualityReport', { date: calendarDay(locale, report.due), days: report.daysLeft }) : t('dash.qualityReportPast', { date: calendarDay(locale, report.due) })}
              <RuleCitation ruleId="report.monthly-quality" />
            </Space>
            <Space wrap>
              {t('dash.monthlyMeeting', { date: calendarDay(locale, meeting) })}
              <RuleCitation ruleId="meeting.monthly" />
            </Space>
          </Space>
        }
      />
      <Card size="small" title={t('dash.title')} extra={<Segmented value={period} onChange={(v) => setPeriod(v as Period)} options={(Object.keys(PERIODS) as Period[]).map((p) => ({ value: p, label: t(`dash.period.${p}`) }))} data-testid="dash-period" />}>
        <LoadError error={calls.error ?? teams.error} onRetry={() => (calls.reload(), teams.reload())} />
        <Row gutter={16}>
          <Col span={6}>
            <Statistic title={t('dash.calls')} value={c?.total ?? 0} data-testid="dash-calls" />
          </Col>
          <Col span={6}>
            <Statistic title={t('dash.followUps')} value={c?.followUps ?? 0} />
          </Col>
          <Col span={6}>
            <Statistic title={t('dash.callbacksDue')} value={(open.data ?? []).filter((o) => o.type === 'callback').length} />
          </Col>
          <Col span={6}>
            <Statistic title={t('dash.atRisk')} value={(risky.data ?? []).length} valueStyle={{ color: (risky.data ?? []).some((o) => o.risk === 'overdue') ? '#cf1322' : undefined }} data-testid="dash-at-risk" />
          </Col>
        </Row>
      </Card>
      <Row gutter={16}>
        <Col span={10}>
          <Card size="small" title={t('dash.byCategory')}>
            <BarChart title={t('dash.byCategory')} bars={CALL_CATEGORIES.map((k) => ({ label: t(`category.${k}`), value: c?.byCategory[k] ?? 0 }))} />
          </Card>
        </Col>
        <Col span={14}>
          <Card size="small" title={t('dash.byHour')}>
            <BarChart title={t('dash.byHour')} color="#13c2c2" labelEvery={3} bars={(c?.byHour ?? Array.from({ length: 24 }, () => 0)).map((v, h) => ({ label: String(h), value: v }))} />
          </Card>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={10}>
          <Card size="small" title={<Space>{t('dash.complaints')}<RuleCitation ruleId="complaint.resolve" /></Space>} data-testid="dash-complaints">
            {withComplaints.length === 0 ? (
              <Empty description={t('dash.noComplaints')} />
            ) : (
              <BarChart
                title={t('dash.complaints')}
                color="#cf1322"
                bars={withComplaints.map((s) => ({ label: s.teamId ? names.team(s.teamId) : t('dash.noTeam'), value: s.complaints, note: `${t('dash.complaintsCount', { count: s.complaints })} · ${t('dash.rate', { rate: percent(s.resolutionRate ?? 0) })}` }))}
              />
            )}
          </Card>
        </Col>
        <Col span={14}>
          <Card size="small" title={<Space>{t('dash.riskList')}<RuleCitation ruleId="workorder.pre-breach" /></Space>}>
            <List
              size="small"
              dataSource={risky.data ?? []}
              locale={{ emptyText: <Empty description={t('wo.empty')} /> }}
              data-testid="dash-risk-list"
              renderItem={(o) => (
                <List.Item>
                  <Space wrap>
                    <Tag color={o.risk === 'overdue' ? 'red' : 'orange'}>{dueText(t, o.dueAt, now)}</Tag>
                    <Tag>{t(`wo.type.${o.type}`)}</Tag>
                    <Typography.Text>{o.title}</Typography.Text>
                    <Typography.Text type="secondary">{o.ownerName}</Typography.Text>
                  </Space>
                </List.Item>
              )}
            />
          </Card>
        </Col>
      </Row>
      <Card size="small" title={<Space>{t('dash.followupStats')}<RuleCitation ruleId="report.weekly-followups" /></Space>}>
        <Table<TeamStats>
          size="small"
          rowKey={(s) => s.teamId ?? ''}
          pagination={false}
          dataSource={teams.data ?? []}
          data-testid="dash-followups"
          columns={[
            { title: t('dash.team'), dataIndex: 'teamId', render: (v: string | null) => (v ? names.team(v) : t('dash.noTeam')) },
            { title: t('dash.workOrders'), dataIndex: 'workOrders', align: 'right' },
            { title: t('dash.supervised'), dataIndex: 'supervised', align: 'right' },
            { title: t('dash.done'), dataIndex: 'done', align: 'right' },
            { title: t('dash.cbSatisfied'), key: 'cs', align: 'right', render: (_: unknown, s: TeamStats) => s.callbacks.satisfied },
            { title: t('dash.cbUnsatisfied'), key: 'cu', align: 'right', render: (_: unknown, s: TeamStats) => s.callbacks.unsatisfied },
            { title: t('dash.cbUnreachable'), key: 'cn', align: 'right', render: (_: unknown, s: TeamStats) => s.callbacks.unreachable },
          ]}
        />
      </Card>
    </Space>
  );
}
