import { Button, Card, Col, Drawer, Empty, Input, Row, Select, Space, Table, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { mayCall } from '../../../shared/api/method';
import { api } from '../../../shared/api/table';
import type { Evaluation } from '../../../shared/evaluation/schemas';
import { LoadError } from '../../client/LoadError';
import { useNames, useNamesStore } from '../../client/names';
import { useCenterToday } from '../../client/use-policy';
import { useQuery } from '../../client/use-query';
import { useT } from '../../i18n/i18n-store';
import { useSession } from '../../stores/session-store';
import { BarChart } from '../dashboard/BarChart';
import { RuleChecklist } from '../rules/RuleChecklist';
import { RuleCitation } from '../rules/RuleCitation';
import { saveTable } from '../spreadsheet/save-file';
import { EntryForm } from './EntryForm';
import { evaluationRows, rateCell } from './export-rows';

/** The month `n` months before `month` (YYYY-MM). */
export function monthsBefore(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 - n, 1));
  return d.toISOString().slice(0, 7);
}
const TREND_MONTHS = 12;

/**
 * Center evaluation (seed 000, section 4.5): per unit and month the indicators and composite, a unit's trend over
 * twelve months, the units compared for one month, and the Excel export. Directors and QA see every unit and
 * enter months; a team lead sees their own team.
 */
export function EvaluationPage() {
  const t = useT();
  const names = useNames();
  const teams = useNamesStore((s) => s.teams);
  const actor = useSession((s) => s.actor);
  const { today } = useCenterToday();
  const [month, setMonth] = useState(today.slice(0, 7));
  const [trendTeam, setTrendTeam] = useState<string | null>(actor?.teamId ?? null);
  const [editing, setEditing] = useState<string | null>(null);
  const validMonth = /^\d{4}-(0[1-9]|1[0-2])$/.test(month);
  const list = useQuery('evaluation.list', validMonth ? { from: monthsBefore(month, TREND_MONTHS - 1), to: month } : null, { tables: ['center_evaluations', 'policy_versions'] });
  const rows = useMemo(() => (list.data ?? []).filter((e) => e.month === month), [list.data, month]);
  const canEnter = actor !== null && mayCall(api['evaluation.save'].access, actor);
  // Units this reader may see: every team for directors and QA, their own for a lead.
  const units = actor?.role === 'team_lead' && actor.teamId ? teams.filter((x) => x.id === actor.teamId) : teams;
  const trendId = trendTeam ?? units[0]?.id ?? null;
  const byMonth = new Map((list.data ?? []).filter((e) => e.teamId === trendId).map((e) => [e.month, e]));
  const trendMonths = Array.from({ length: TREND_MONTHS }, (_, i) => monthsBefore(month, TREND_MONTHS - 1 - i));

  const exportXlsx = () => saveTable(`${t('ev.sheet.name')}-${month}`, evaluationRows(t, list.data ?? [], (id) => names.team(id)), 'xlsx');

  return (
    <Space direction="vertical" style={{ width: '100%' }} size={16} data-testid="evaluation">
      <Card
        size="small"
        title={
          <Space>
            {t('ev.title')}
            <RuleCitation ruleId="eval.weights" />
          </Space>
        }
        extra={
          <Space>
            <Input value={month} onChange={(e) => setMonth(e.target.value)} style={{ width: 110 }} aria-label={t('ev.month')} status={validMonth ? undefined : 'error'} data-testid="ev-month" />
            <Button onClick={exportXlsx} disabled={!list.data?.length} data-testid="ev-export">
              {t('ev.export')}
            </Button>
          </Space>
        }
      >
        <LoadError error={list.error} onRetry={list.reload} />
        <Table<{ teamId: string; e: Evaluation | undefined }>
          size="small"
          rowKey="teamId"
          pagination={false}
          data-testid="ev-table"
          dataSource={units.map((u) => ({ teamId: u.id, e: rows.find((r) => r.teamId === u.id) }))}
          locale={{ emptyText: <Empty description={t('ev.empty')} /> }}
          expandable={{ rowExpandable: (r) => r.e !== undefined, expandedRowRender: (r) => (r.e ? <RuleChecklist checks={r.e.result.checks} /> : null) }}
          columns={[
            { title: t('ev.team'), key: 'team', width: 110, render: (_, r) => <span style={{ whiteSpace: 'nowrap' }}>{names.team(r.teamId)}</span> },
            { title: t('ev.surveyRate'), key: 'survey', render: (_, r) => (r.e ? t('ev.surveyCell', { rate: rateCell(r.e.result.surveyRate), satisfied: r.e.result.satisfied, surveyed: r.e.result.surveyed }) : '') },
            { title: t('ev.complaints'), key: 'complaints', render: (_, r) => r.e?.complaints ?? '' },
            {
              title: t('ev.incidents'),
              key: 'incidents',
              render: (_, r) =>
                r.e?.incidents.map((i, k) => (
                  <Tag color="red" key={k}>
                    {t(`ev.incident.${i.kind}`)}
                  </Tag>
                )),
            },
            { title: t('ev.satisfaction'), key: 'sat', render: (_, r) => (r.e ? <span data-testid={`ev-sat-${r.teamId}`}>{rateCell(r.e.result.satisfactionRate)}</span> : '') },
            { title: t('ev.resolution'), key: 'res', render: (_, r) => (r.e ? rateCell(r.e.result.resolutionRate) : '') },
            { title: t('ev.plan'), key: 'plan', render: (_, r) => (r.e ? rateCell(r.e.result.planRate) : '') },
            {
              title: t('ev.composite'),
              key: 'composite',
              render: (_, r) => (r.e ? <strong data-testid={`ev-composite-${r.teamId}`}>{rateCell(r.e.result.composite)}</strong> : <span data-testid={`ev-composite-${r.teamId}`}>{t('ev.noValue')}</span>),
            },
            ...(canEnter
              ? [
                  {
                    title: '',
                    key: 'edit',
                    render: (_: unknown, r: { teamId: string }) => (
                      <Button size="small" onClick={() => setEditing(r.teamId)} data-testid={`ev-edit-${r.teamId}`}>
                        {t('ev.enter')}
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <Row gutter={16}>
        <Col span={14}>
          <Card
            size="small"
            title={t('ev.trend', { team: names.team(trendId) })}
            extra={units.length > 1 && <Select size="small" value={trendId} onChange={setTrendTeam} style={{ width: 120 }} options={units.map((u) => ({ value: u.id, label: names.team(u.id) }))} data-testid="ev-trend-team" />}
            data-testid="ev-trend"
          >
            <BarChart
              title={t('ev.trend', { team: names.team(trendId) })}
              color="#722ed1"
              bars={trendMonths.map((m) => {
                const c = byMonth.get(m)?.result.composite ?? null;
                return { label: m.slice(5), value: c ?? 0, note: c === null ? t('ev.noValue') : c.toFixed(1) };
              })}
            />
          </Card>
        </Col>
        <Col span={10}>
          <Card size="small" title={t('ev.compare', { month })} data-testid="ev-compare">
            <BarChart title={t('ev.compare', { month })} bars={units.map((u) => {
              const c = rows.find((r) => r.teamId === u.id)?.result.composite ?? null;
              return { label: names.team(u.id), value: c ?? 0, note: c === null ? t('ev.noValue') : c.toFixed(1) };
            })} />
          </Card>
        </Col>
      </Row>
      <Drawer open={editing !== null} onClose={() => setEditing(null)} width={720} destroyOnHidden title={editing ? t('ev.form.title', { team: names.team(editing), month }) : ''}>
        {editing && <EntryForm teamId={editing} month={month} saved={rows.find((r) => r.teamId === editing)} onSaved={(e) => (setEditing(null), setTrendTeam(e.teamId))} />}
      </Drawer>
    </Space>
  );
}

