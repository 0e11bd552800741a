import { Button, Card, Col, Empty, Form, Input, Modal, Row, Segmented, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { mayCall } from '../../../shared/api/method';
import { api } from '../../../shared/api/table';
import { CRITERIA, type Criterion as IssueCriterion } from '../../../shared/briefing/schemas';
import type { Analysis, PlanItemView, WeeklySummary } from '../../../shared/qa/report-schemas';
import { TEAM_MIN_AGENTS, TEAM_SHARE, WEAK_BELOW } from '../../../shared/qa/weekly';
import { LoadError } from '../../client/LoadError';
import { useNames, useNamesStore } from '../../client/names';
import { useCenterToday } from '../../client/use-policy';
import { useQuery } from '../../client/use-query';
import { useSubmit } from '../../client/use-submit';
import { useI18n, useT } from '../../i18n/i18n-store';
import { useClient, useSession } from '../../stores/session-store';
import { DateField } from '../calendar/DateField';
import { BarChart } from '../dashboard/BarChart';
import { formatDateTime } from '../calls/history-range';
import { ExportButtons } from '../reports/ExportButtons';
import { RuleCitation } from '../rules/RuleCitation';
import { nameIn, scoreText } from './qa-text';
import { analysisRows, weeklyRows } from './report-export';

const shareText = (s: number) => (Math.abs(s - 1 / 3) < 1e-9 ? '1/3' : `${Math.round(s * 100)}%`);
const dayLabel = (d: string) => `${Number(d.slice(5, 7))}/${Number(d.slice(8))}`;
const monthLabel = (m: string) => String(Number(m.slice(5)));
/** A criterion under its bar: a bar's slot holds about four Chinese characters or eight Latin letters. */
const barLabel = (name: string) => (/[\u3400-\u9fff]/.test(name) ? name.slice(0, 4) : name.split(' ')[0]!.slice(0, 8));

/**
 * qa.weekly, qa.rollcall: the team's weekly QA summary with its training plan (a lead: own team), and for QA
 * and the directors the monthly QA analysis report. A team-wide weakness goes to roll call in one step.
 */
export function QaReportsPage() {
  const t = useT();
  const actor = useSession((s) => s.actor)!;
  const { today } = useCenterToday();
  const names = useNames();
  const teams = useNamesStore((s) => s.teams);
  const lead = actor.role === 'team_lead';
  const canAnalyse = mayCall(api['qa.analysis'].access, actor);
  // The analysis report is addressed to the directors: it is what they open first.
  const [view, setView] = useState<'weekly' | 'analysis'>(actor.role === 'department_director' || actor.role === 'center_director' ? 'analysis' : 'weekly');
  const [team, setTeam] = useState<string | null>(null);
  const [day, setDay] = useState<string | null>(null);
  const [month, setMonth] = useState<string | null>(null);
  const teamId = lead ? actor.teamId : (team ?? teams[0]?.id ?? null);
  const theMonth = month ?? today.slice(0, 7);
  return (
    <Card
      size="small"
      data-testid="qa-reports"
      title={
        <Space>
          {t('nav.qaReports')}
          <RuleCitation ruleId="qa.weekly" />
        </Space>
      }
      extra={
        <Space wrap>
          {view === 'weekly' && !lead && <Select value={teamId ?? undefined} onChange={setTeam} options={teams.map((x) => ({ value: x.id, label: names.team(x.id) }))} style={{ minWidth: 120 }} data-testid="qa-rep-team" />}
          {view === 'weekly' ? (
            <DateField value={day ?? today} onChange={(d) => d && setDay(d)} data-testid="qa-rep-day" />
          ) : (
            <Input type="month" value={theMonth} max={today.slice(0, 7)} onChange={(e) => e.target.value && setMonth(e.target.value)} style={{ width: 150 }} data-testid="qa-rep-month" />
          )}
          {canAnalyse && <Segmented value={view} onChange={(v) => setView(v as 'weekly' | 'analysis')} options={[{ value: 'weekly', label: t('qa.rep.weekly') }, { value: 'analysis', label: t('qa.rep.analysis') }]} data-testid="qa-rep-view" />}
        </Space>
      }
    >
      {view === 'analysis' ? <AnalysisView month={theMonth} /> : teamId ? <WeeklyView teamId={teamId} day={day ?? today} /> : <Empty description={t('qa.rep.noTeam')} />}
    </Card>
  );
}

function WeeklyView({ teamId, day }: { teamId: string; day: string }) {
  const t = useT();
  const locale = useI18n((s) => s.locale);
  const names = useNames();
  const q = useQuery('qa.weekly', { teamId, week: day }, { tables: ['qa_evaluations', 'users', 'qa_weekly_reports'] });
  if (!q.data) return <LoadError error={q.error} onRetry={q.reload} />;
  // Once published, the summary reads as published (later evaluations do not rewrite it).
  const s: WeeklySummary = q.data.published ? { ...q.data.published.figures, published: q.data.published } : q.data;
  const delta = s.average !== null && s.previousAverage !== null ? Math.round((s.average - s.previousAverage) * 100) / 100 : null;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={12} data-testid="qa-weekly">
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Text strong>{t('qa.rep.weeklyTitle', { team: names.team(s.teamId), week: s.week, weekEnd: s.weekEnd })}</Typography.Text>
        <ExportButtons name={`qa-weekly-${s.teamId}-${s.week}`} rows={() => weeklyRows(s, { t, locale, team: names.team })} testId="qa-weekly-export" />
      </Space>
      <Row gutter={[16, 8]}>
        <Col>
          <Statistic title={t('qa.rep.done')} value={s.done} data-testid="qa-weekly-done" />
        </Col>
        <Col>
          <Statistic title={t('qa.rep.monthDone', { month: s.month })} value={t('qa.rep.quota', { done: s.monthDone, quota: s.monthQuota })} data-testid="qa-weekly-month" />
        </Col>
        <Col>
          <Statistic title={t('qa.summary.average')} value={s.average === null ? '—' : scoreText(s.average)} data-testid="qa-weekly-average" />
          {delta !== null && (
            <Typography.Text type={delta < 0 ? 'danger' : 'secondary'} style={{ fontSize: 12 }} data-testid="qa-weekly-delta">
              {delta > 0 ? t('qa.rep.trendUp', { delta: scoreText(delta) }) : delta < 0 ? t('qa.rep.trendDown', { delta: scoreText(-delta) }) : t('qa.rep.trendSame')}
            </Typography.Text>
          )}
        </Col>
        <Col>
          <Statistic title={t('qa.rep.critical')} value={s.criticalFails} valueStyle={s.criticalFails > 0 ? { color: '#cf1322' } : undefined} data-testid="qa-weekly-critical" />
        </Col>
        <Col>
          <Statistic title={t('qa.rep.evaluatedAgents')} value={`${s.evaluatedAgents} / ${s.agents}`} />
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Typography.Text type="secondary">{t('qa.rep.trend6w')}</Typography.Text>
          <BarChart height={140} title={t('qa.rep.trend6w')} bars={s.trend.map((w) => ({ label: dayLabel(w.week), value: w.average ?? 0, note: w.average === null ? '' : String(Math.round(w.average)) }))} />
        </Col>
        <Col xs={24} md={12}>
          <Typography.Text type="secondary">{t('qa.rep.criteria')}</Typography.Text>
          {s.criteria.length === 0 ? <Empty description={t('qa.rep.noData')} /> : <BarChart height={140} color="#fa8c16" title={t('qa.rep.criteria')} bars={s.criteria.map((c) => ({ label: barLabel(nameIn(c.names, locale)), value: c.average, note: String(Math.round(c.average)) }))} />}
        </Col>
      </Row>
      <Table
        size="small"
        rowKey="criterionId"
        pagination={false}
        dataSource={s.criteria}
        data-testid="qa-weekly-criteria"
        columns={[
          { title: t('qa.detail.criterion'), key: 'c', render: (_, c) => nameIn(c.names, locale) },
          { title: t('qa.summary.average'), key: 'a', width: 90, render: (_, c) => <span data-criterion={c.criterionId}>{scoreText(c.average)}</span> },
          { title: t('qa.rep.weakAgents', { below: s.weakBelow }), key: 'w', render: (_, c) => c.weak.map((w) => <Tag key={w.agentId} color="orange">{`${w.agentName} ${scoreText(w.average)}`}</Tag>) },
        ]}
      />
      <Table
        size="small"
        rowKey="agentId"
        pagination={false}
        dataSource={s.perAgent}
        title={() => t('qa.rep.perAgent')}
        columns={[
          { title: t('qa.list.agent'), dataIndex: 'agentName' },
          { title: t('qa.rep.count'), dataIndex: 'count', width: 90 },
          { title: t('qa.summary.average'), key: 'a', width: 90, render: (_, a) => (a.average === null ? '—' : scoreText(a.average)) },
          { title: t('qa.rep.critical'), key: 'c', width: 110, render: (_, a) => (a.criticalFails > 0 ? <Tag color="red">{a.criticalFails}</Tag> : 0) },
        ]}
      />
      <Plan items={s.plan} summary={s} period={`${s.week} – ${s.weekEnd}`} />
      <PublishWeekly s={s} onDone={q.reload} />
    </Space>
  );
}

function Plan({ items, summary, period }: { items: readonly PlanItemView[]; summary: WeeklySummary | null; period: string }) {
  const t = useT();
  const locale = useI18n((s) => s.locale);
  const actor = useSession((s) => s.actor)!;
  const canPublish = mayCall(api['briefing.publishIssue'].access, actor);
  const issues = useQuery('briefing.issues', canPublish ? {} : null, { tables: ['qa_issues'] });
  const [offer, setOffer] = useState<PlanItemView | null>(null);
  const offered = (c: string) => (issues.data ?? []).some((i) => i.criterion === c && !i.withdrawnAt);
  return (
    <div data-testid="qa-plan">
      <Typography.Title level={5}>
        {summary ? t('qa.rep.plan') : t('qa.rep.common')} <RuleCitation ruleId={summary ? 'qa.weekly' : 'qa.rollcall'} />
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('qa.rep.planRule', { below: summary?.weakBelow ?? WEAK_BELOW, share: shareText(summary?.teamShare ?? TEAM_SHARE), min: TEAM_MIN_AGENTS })}
      </Typography.Paragraph>
      {items.length === 0 ? (
        <Typography.Text type="secondary">{summary ? t('qa.rep.plan.none') : t('qa.rep.commonNone')}</Typography.Text>
      ) : (
        <Table
          size="small"
          rowKey={(p) => `${p.scope}:${p.criterionId}:${p.agentIds.join(',')}`}
          pagination={false}
          dataSource={[...items]}
          columns={[
            { title: t('qa.rep.plan.scope'), key: 's', width: 90, render: (_, p) => <Tag color={p.scope === 'team' ? 'volcano' : 'blue'} data-testid={`qa-plan-${p.scope}`} data-criterion={p.criterionId}>{t(`qa.rep.plan.${p.scope}`)}</Tag> },
            { title: t('qa.detail.criterion'), key: 'c', render: (_, p) => nameIn(p.names, locale) },
            { title: t('qa.rep.plan.who'), key: 'w', render: (_, p) => p.agentNames.join(', ') },
            { title: t('qa.summary.average'), key: 'a', width: 90, render: (_, p) => scoreText(p.average) },
            {
              title: '',
              key: 'r',
              width: 150,
              render: (_, p) =>
                p.scope === 'team' &&
                canPublish &&
                ((CRITERIA as readonly string[]).includes(p.criterionId) && offered(p.criterionId) ? (
                  <Tag color="green" data-testid="qa-plan-offered">{t('qa.rep.offered')}</Tag>
                ) : (
                  <Button size="small" onClick={() => setOffer(p)} data-testid="qa-plan-rollcall">
                    {t('qa.rep.toRollCall')}
                  </Button>
                )),
            },
          ]}
        />
      )}
      {offer && <OfferToRollCall item={offer} period={period} onClose={() => setOffer(null)} onDone={() => (setOffer(null), issues.reload())} />}
    </div>
  );
}

type Draft = { key: string; scope: 'team' | 'agent'; criterionId: string; label: string; agentIds: string[]; agentNames: string[]; action: string };

/**
 * qa.weekly: the QA inspector edits the derived plan (what training, drop an item) and publishes it with notes;
 * the published summary is then shown as published, and corrections are appended below it.
 */
function PublishWeekly({ s, onDone }: { s: WeeklySummary; onDone(): void }) {
  const t = useT();
  const locale = useI18n((x) => x.locale);
  const { zone } = useCenterToday();
  const actor = useSession((x) => x.actor)!;
  const client = useClient();
  const { busy, submit } = useSubmit();
  const [notes, setNotes] = useState('');
  const [correction, setCorrection] = useState('');
  const [drafts, setDrafts] = useState<Draft[] | null>(null);
  const plan: Draft[] = drafts ?? s.plan.map((p) => ({ key: `${p.scope}:${p.criterionId}:${p.agentIds.join(',')}`, scope: p.scope, criterionId: p.criterionId, label: nameIn(p.names, locale), agentIds: p.agentIds, agentNames: p.agentNames, action: '' }));
  const r = s.published;
  if (r)
    return (
      <Card size="small" title={t('qa.rep.publishedWeekly')} data-testid="qa-weekly-published">
        <Typography.Paragraph type="secondary">{t('qa.rep.publishedBy', { name: r.publishedByName, when: formatDateTime(r.publishedAt, locale, zone) })}</Typography.Paragraph>
        {r.notes && <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{r.notes}</Typography.Paragraph>}
        {r.plan.map((p, i) => (
          <div key={i} data-testid="qa-weekly-published-item">
            <Tag color={p.scope === 'team' ? 'volcano' : 'blue'}>{t(`qa.rep.plan.${p.scope}`)}</Tag>
            {nameIn(p.names, locale)} · {p.agentNames.join(', ')}
            {p.action && ` · ${p.action}`}
          </div>
        ))}
        {r.corrections.map((c, i) => (
          <Typography.Paragraph key={i} style={{ marginTop: 8, whiteSpace: 'pre-wrap' }} data-testid="qa-weekly-correction">
            <Tag>{t('qa.rep.correction')}</Tag>
            {`${formatDateTime(c.at, locale, zone)} ${c.byName}: ${c.text}`}
          </Typography.Paragraph>
        ))}
        {mayCall(api['qa.correctWeekly'].access, actor) && (
          <Space.Compact style={{ width: '100%', marginTop: 8 }}>
            <Input value={correction} maxLength={1000} onChange={(e) => setCorrection(e.target.value)} placeholder={t('qa.rep.correction')} data-testid="qa-weekly-correction-text" />
            <Button loading={busy} disabled={!correction.trim()} onClick={() => void submit(async () => (await client.call('qa.correctWeekly', { id: r.id, text: correction }), setCorrection(''), onDone(), t('qa.rep.addCorrection')))} data-testid="qa-weekly-correct">
              {t('qa.rep.addCorrection')}
            </Button>
          </Space.Compact>
        )}
      </Card>
    );
  if (!mayCall(api['qa.publishWeekly'].access, actor)) return null;
  return (
    <Card size="small" title={t('qa.rep.publishWeekly')} data-testid="qa-weekly-publish">
      {plan.map((p) => (
        <Space key={p.key} wrap style={{ marginBottom: 6 }} data-testid="qa-weekly-draft-item">
          <Tag color={p.scope === 'team' ? 'volcano' : 'blue'}>{t(`qa.rep.plan.${p.scope}`)}</Tag>
          <span>
            {p.label} · {p.agentNames.join(', ')}
          </span>
          <Input size="small" style={{ width: 260 }} maxLength={500} placeholder={t('qa.rep.action')} value={p.action} onChange={(e) => setDrafts(plan.map((x) => (x.key === p.key ? { ...x, action: e.target.value } : x)))} />
          <Button size="small" type="link" onClick={() => setDrafts(plan.filter((x) => x.key !== p.key))}>
            {t('qa.rep.removeItem')}
          </Button>
        </Space>
      ))}
      <Input.TextArea rows={3} maxLength={4000} placeholder={t('qa.rep.notes')} value={notes} onChange={(e) => setNotes(e.target.value)} data-testid="qa-weekly-notes" />
      <Button
        type="primary"
        style={{ marginTop: 8 }}
        loading={busy}
        data-testid="qa-weekly-publish-send"
        onClick={() =>
          void submit(async () => {
            await client.call('qa.publishWeekly', { teamId: s.teamId, week: s.week, notes, plan: plan.map((p) => ({ scope: p.scope, criterionId: p.criterionId, agentIds: p.agentIds, action: p.action })) });
            onDone();
            return t('qa.rep.publishedWeekly');
          })
        }
      >
        {t('qa.rep.publishWeekly')}
      </Button>
    </Card>
  );
}

/** qa.rollcall: a common issue prefilled from the plan item, published through the briefing domain. */
function OfferToRollCall({ item, period, onClose, onDone }: { item: PlanItemView; period: string; onClose(): void; onDone(): void }) {
  const t = useT();
  const locale = useI18n((s) => s.locale);
  const client = useClient();
  const { busy, submit } = useSubmit();
  const criterion = nameIn(item.names, locale);
  const [title, setTitle] = useState(t('qa.rep.issueTitle', { criterion }).slice(0, 80));
  const [seen, setSeen] = useState(t('qa.rep.issueSeen', { period, count: item.agentIds.length, criterion, below: WEAK_BELOW, names: item.agentNames.join(', ') }).slice(0, 1000));
  const [sayInstead, setSayInstead] = useState(t('qa.rep.issueSay'));
  const issueCriterion = (CRITERIA as readonly string[]).includes(item.criterionId) ? (item.criterionId as IssueCriterion) : null;
  const send = () =>
    submit(async () => {
      await client.call('briefing.publishIssue', { id: crypto.randomUUID(), title, seen, sayInstead, criterion: issueCriterion });
      onDone();
      return t('qa.rep.published');
    });
  return (
    <Modal open title={t('qa.rep.toRollCall')} onCancel={onClose} onOk={() => void send()} okText={t('qa.rep.publish')} confirmLoading={busy} okButtonProps={{ disabled: !title.trim() || !seen.trim() || !sayInstead.trim(), 'data-testid': 'qa-issue-publish' } as never} data-testid="qa-issue-modal">
      <Form layout="vertical">
        <Form.Item label={t('qa.rep.issueTitleLabel')}>
          <Input value={title} maxLength={80} onChange={(e) => setTitle(e.target.value)} data-testid="qa-issue-title" />
        </Form.Item>
        <Form.Item label={t('qa.rep.issueSeenLabel')}>
          <Input.TextArea rows={3} value={seen} maxLength={1000} onChange={(e) => setSeen(e.target.value)} data-testid="qa-issue-seen" />
        </Form.Item>
        <Form.Item label={t('qa.rep.issueSayLabel')}>
          <Input.TextArea rows={2} value={sayInstead} maxLength={1000} onChange={(e) => setSayInstead(e.target.value)} data-testid="qa-issue-say" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function AnalysisView({ month }: { month: string }) {
  const t = useT();
  const locale = useI18n((s) => s.locale);
  const names = useNames();
  const q = useQuery('qa.analysis', { month }, { tables: ['qa_evaluations'] });
  const a: Analysis | undefined = q.data;
  if (!a) return <LoadError error={q.error} onRetry={q.reload} />;
  const criteria = a.criteria;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={12} data-testid="qa-analysis">
      <Space style={{ justifyContent: 'flex-end', width: '100%' }}>
        <ExportButtons name={`qa-analysis-${a.month}`} rows={() => analysisRows(a, { t, locale, team: names.team })} testId="qa-analysis-export" />
      </Space>
      <Typography.Title level={5}>{t('qa.rep.teamsTitle')}</Typography.Title>
      <Table
        size="small"
        rowKey={(x) => x.teamId ?? ''}
        pagination={false}
        dataSource={a.teams}
        data-testid="qa-analysis-teams"
        columns={[
          { title: t('rep.team'), key: 't', width: 100, render: (_, x) => names.team(x.teamId) },
          { title: t('qa.rep.count'), dataIndex: 'count', width: 90 },
          { title: t('qa.summary.average'), key: 'a', width: 90, render: (_, x) => (x.average === null ? '—' : scoreText(x.average)) },
          { title: t('qa.rep.critical'), key: 'c', width: 110, render: (_, x) => x.criticalFails },
          ...criteria.map((c) => ({ title: nameIn(c.names, locale), key: c.criterionId, width: 90, render: (_: unknown, x: Analysis['teams'][number]) => { const v = x.criteria.find((y) => y.criterionId === c.criterionId)?.average; return v === undefined ? '—' : scoreText(v); } })),
          {
            title: t('qa.summary.trend'),
            key: 'trend',
            width: 240,
            render: (_, x) => (
              <div style={{ width: 220 }}>
                <BarChart height={80} title={t('qa.rep.trendOf', { name: names.team(x.teamId) })} bars={x.trend.map((m) => ({ label: monthLabel(m.month), value: m.average ?? 0, note: m.average === null ? '' : String(Math.round(m.average)) }))} />
              </div>
            ),
          },
        ]}
      />
      <Typography.Title level={5}>{t('qa.rep.criteriaTrend')}</Typography.Title>
      <Row gutter={[16, 8]}>
        {criteria.map((c) => (
          <Col key={c.criterionId} xs={24} md={12} lg={8} data-testid="qa-analysis-criterion" data-criterion={c.criterionId}>
            <Typography.Text>
              {nameIn(c.names, locale)} · {c.average === null ? '—' : scoreText(c.average)}
            </Typography.Text>
            <BarChart height={90} color="#13c2c2" title={t('qa.rep.trendOf', { name: nameIn(c.names, locale) })} bars={c.trend.map((m) => ({ label: monthLabel(m.month), value: m.average ?? 0, note: m.average === null ? '' : String(Math.round(m.average)) }))} />
          </Col>
        ))}
      </Row>
      <Typography.Title level={5}>
        {t('qa.rep.disputes')} <RuleCitation ruleId="qa.dispute" />
      </Typography.Title>
      <Typography.Text data-testid="qa-analysis-disputes">{t('qa.rep.disputesLine', { total: a.disputes.total, open: a.disputes.open, upheld: a.disputes.upheld, amended: a.disputes.amended })}</Typography.Text>
      {a.disputes.byCriterion.length > 0 && (
        <Table
          size="small"
          rowKey="criterionId"
          pagination={false}
          dataSource={a.disputes.byCriterion}
          columns={[
            { title: t('qa.detail.criterion'), key: 'c', render: (_, d) => nameIn(d.names, locale) },
            { title: t('qa.dispute.open'), dataIndex: 'open', width: 90 },
            { title: t('qa.dispute.upheld'), dataIndex: 'upheld', width: 90 },
            { title: t('qa.rep.amended'), dataIndex: 'amended', width: 90 },
          ]}
        />
      )}
      <Plan items={a.common} summary={null} period={a.month} />
    </Space>
  );
}
