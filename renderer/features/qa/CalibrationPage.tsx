import { Alert, Button, Card, Empty, Form, Input, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { MethodOutput } from '../../../shared/api/table';
import type { CalibrationResults, CalibrationView } from '../../../shared/qa/calibration-schemas';
import { CALIBRATORS } from '../../../shared/qa/calibration-schemas';
import type { Template } from '../../../shared/qa/schemas';
import { DEFAULT_TEMPLATE_ID, latestVersions } from '../../../shared/qa/template';
import { LoadError } from '../../client/LoadError';
import { useCenterToday } from '../../client/use-policy';
import { useQuery } from '../../client/use-query';
import { useSubmit } from '../../client/use-submit';
import { useI18n, useT, type T } from '../../i18n/i18n-store';
import { useClient } from '../../stores/session-store';
import { formatDateTime } from '../calls/history-range';
import { BarChart } from '../dashboard/BarChart';
import { RuleCitation } from '../rules/RuleCitation';
import { EvaluationForm } from './EvaluationForm';
import { answerText, nameIn, scoreText } from './qa-text';

type Sampled = MethodOutput<'qa.sample'>[number];

/** A signed number as people read a deviation: "+5", "−2.5", "0". */
export const signed = (x: number): string => (x > 0 ? `+${scoreText(x)}` : x < 0 ? `−${scoreText(-x)}` : '0');
const stat = (x: number | null) => (x === null ? '—' : x.toFixed(2));
const READING_COLOR = { good: 'green', acceptable: 'gold', poor: 'red', undefined: 'default' } as const;

/**
 * qa.calibration: open a session on one call, score it blind on the evaluation form (the same scoring code),
 * and once it closes see each inspector's deviation from the reference, Krippendorff's alpha and ICC with a
 * plain reading, a deviation chart and the alpha trend over past sessions.
 */
export function CalibrationPage() {
  const t = useT();
  const list = useQuery('qa.calibrations', {}, { tables: ['qa_calibrations', 'qa_calibration_scores'] });
  const templates = useQuery('qa.templates', {}, { tables: ['qa_templates'] });
  const sessions = list.data ?? [];
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={16} data-testid="qa-calibration">
      <Card
        size="small"
        title={
          <Space wrap>
            {t('qa.cal.title')}
            <RuleCitation ruleId="qa.calibration" />
          </Space>
        }
      >
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          {t('qa.cal.hint')}
        </Typography.Paragraph>
        <NewSession templates={templates.data ?? []} />
      </Card>
      <LoadError error={list.error} onRetry={list.reload} />
      {sessions.length === 0 && !list.loading && <Empty description={t('qa.cal.none')} />}
      {sessions.map((s) => (
        <SessionCard key={s.id} s={s} templates={templates.data ?? []} />
      ))}
      <History sessions={sessions} />
    </Space>
  );
}

function NewSession({ templates }: { templates: readonly Template[] }) {
  const t = useT();
  const locale = useI18n((s) => s.locale);
  const { today, zone } = useCenterToday();
  const client = useClient();
  const { busy, submit } = useSubmit();
  const calls = useQuery('qa.sample', { month: today.slice(0, 7), seed: 'calibration', limit: 30 }, { tables: ['calls'] });
  const people = useQuery('org.directory', {}, { tables: ['users'] });
  const calibrators = (people.data ?? []).filter((p) => p.active && (CALIBRATORS as readonly string[]).includes(p.role));
  const [callId, setCallId] = useState<string>();
  const [participants, setParticipants] = useState<string[]>([]);
  const [referenceId, setReferenceId] = useState<string>('');
  const [note, setNote] = useState('');
  // The center's scorecard in its latest version (the built-in one until a director publishes the next).
  const latest = latestVersions([...templates]);
  const template = latest.find((x) => x.templateId === DEFAULT_TEMPLATE_ID) ?? latest[0];
  const open = () =>
    submit(async () => {
      if (!callId || !template) return;
      await client.call('qa.calibrationOpen', { id: crypto.randomUUID(), callId, templateVersionId: template.id, participants, referenceId: referenceId || null, note });
      setCallId(undefined);
      setParticipants([]);
      setReferenceId('');
      setNote('');
      return t('qa.cal.opened');
    });
  return (
    <Form layout="vertical" data-testid="qa-cal-new">
      <Space wrap align="end" style={{ width: '100%' }}>
        <Form.Item label={t('qa.cal.call')} style={{ marginBottom: 0 }}>
          <Select
            style={{ width: 360 }}
            value={callId}
            onChange={setCallId}
            data-testid="qa-cal-call"
            options={(calls.data ?? []).map((c: Sampled) => ({ value: c.callId, label: `${c.agentName} · ${formatDateTime(c.startedAt, locale, zone)} · ${t(`category.${c.category}`)}` }))}
          />
        </Form.Item>
        <Form.Item label={t('qa.cal.participants')} style={{ marginBottom: 0 }}>
          <Select
            mode="multiple"
            style={{ minWidth: 260 }}
            value={participants}
            onChange={(v: string[]) => (setParticipants(v), !v.includes(referenceId) && setReferenceId(''))}
            data-testid="qa-cal-participants"
            options={calibrators.map((p) => ({ value: p.userId, label: p.displayName }))}
          />
        </Form.Item>
        <Form.Item label={t('qa.cal.reference')} style={{ marginBottom: 0 }}>
          <Select
            style={{ width: 200 }}
            value={referenceId}
            onChange={setReferenceId}
            data-testid="qa-cal-reference"
            options={[{ value: '', label: t('qa.cal.reference.mean') }, ...participants.map((id) => ({ value: id, label: calibrators.find((p) => p.userId === id)?.displayName ?? id }))]}
          />
        </Form.Item>
        <Form.Item label={t('qa.cal.note')} style={{ marginBottom: 0 }}>
          <Input style={{ width: 200 }} maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} data-testid="qa-cal-note" />
        </Form.Item>
        <Button type="primary" loading={busy} disabled={!callId || participants.length < 2 || !template} onClick={() => void open()} data-testid="qa-cal-open">
          {t('qa.cal.open')}
        </Button>
      </Space>
    </Form>
  );
}

function SessionCard({ s, templates }: { s: CalibrationView; templates: readonly Template[] }) {
  const t = useT();
  const locale = useI18n((x) => x.locale);
  const { zone } = useCenterToday();
  const client = useClient();
  const { busy, submit } = useSubmit();
  const [scoring, setScoring] = useState(false);
  const template = templates.find((x) => x.id === s.templateVersionId);
  const close = () =>
    submit(async () => {
      await client.call('qa.calibrationClose', { id: s.id });
      return t('qa.cal.closed');
    });
  const call: Sampled | null = s.call ? { callId: s.callId, agentId: '', shift: '', ...s.call } : null;
  return (
    <Card
      size="small"
      data-testid="qa-cal-session"
      data-status={s.status}
      title={
        <Space wrap>
          {s.call && (
            <>
              <span>{s.call.agentName}</span>
              <Typography.Text type="secondary">{formatDateTime(s.call.startedAt, locale, zone)}</Typography.Text>
              <Tag>{t(`category.${s.call.category}`)}</Tag>
            </>
          )}
          <Tag color={s.status === 'open' ? 'blue' : 'default'} data-testid="qa-cal-status">
            {t(`qa.cal.status.${s.status}`)}
          </Tag>
        </Space>
      }
      extra={
        <Typography.Text type="secondary" data-testid="qa-cal-scored">
          {t('qa.cal.scoredCount', { scored: s.scored.length, total: s.participants.length })}
        </Typography.Text>
      }
    >
      <Space wrap style={{ marginBottom: 8 }}>
        <Typography.Text type="secondary">{t('qa.cal.owner', { who: s.ownerName })}</Typography.Text>
        {s.participants.map((p) => (
          <Tag key={p} color={s.scored.some((x) => x.inspectorId === p) ? 'green' : undefined}>
            {s.participantNames[p]}
            {p === s.referenceId && ` · ${t('qa.cal.referenceTag')}`}
          </Tag>
        ))}
        {s.referenceId === null && <Typography.Text type="secondary">{t('qa.cal.referenceIs', { who: t('qa.cal.reference.mean') })}</Typography.Text>}
        {s.note && <Typography.Text>{s.note}</Typography.Text>}
      </Space>
      {s.status === 'open' && (
        <div>
          <Typography.Text type="secondary" data-testid="qa-cal-blind">
            {t('qa.cal.blind')}
          </Typography.Text>
        </div>
      )}
      {s.myScore && (
        <Tag color="blue" style={{ marginLeft: 8 }} data-testid="qa-cal-my-score">
          {t('qa.cal.myScore', { score: scoreText(s.myScore.score) })}
        </Tag>
      )}
      <Space style={{ marginTop: 8 }}>
        {s.mine.mayScore && !scoring && call && (
          <Button type="primary" onClick={() => setScoring(true)} data-testid="qa-cal-score-now">
            {t('qa.cal.scoreNow')}
          </Button>
        )}
        {s.mine.mayClose && (
          <Button loading={busy} onClick={() => void close()} data-testid="qa-cal-close">
            {t('qa.cal.close')}
          </Button>
        )}
      </Space>
      {scoring && call && (
        <div style={{ marginTop: 12 }}>
          <EvaluationForm
            call={call}
            templateVersionId={s.templateVersionId}
            onDone={() => setScoring(false)}
            onCancel={() => setScoring(false)}
            send={async (f) => {
              const v = await client.call('qa.calibrationScore', { id: crypto.randomUUID(), sessionId: s.id, answers: f.answers, comments: f.comments, details: f.details, expectedScore: f.expectedScore });
              return t('qa.cal.sent', { score: scoreText(v.myScore?.score ?? f.expectedScore) });
            }}
          />
        </div>
      )}
      {s.resultsElsewhere && <Alert type="info" showIcon message={t('qa.cal.resultsElsewhere')} style={{ marginTop: 8 }} />}
      {s.results && template && <Results r={s.results} template={template} />}
    </Card>
  );
}

function Reading({ t, label, value, reading, thresholds, testId }: { t: T; label: string; value: number | null; reading: CalibrationResults['alphaReading']; thresholds: string; testId: string }) {
  return (
    <div style={{ minWidth: 220 }} data-testid={testId} data-value={value ?? ''} data-reading={reading}>
      <Statistic title={label} value={stat(value)} valueStyle={{ fontSize: 22 }} />
      <Tag color={READING_COLOR[reading]}>{t(`qa.cal.reading.${reading}`)}</Tag>
      <div>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {thresholds}
        </Typography.Text>
      </div>
    </div>
  );
}

function Results({ r, template }: { r: CalibrationResults; template: Template }) {
  const t = useT();
  const locale = useI18n((x) => x.locale);
  const criteria = template.sections.flatMap((s) => s.criteria);
  const refName = r.reference.kind === 'mean' ? t('qa.cal.reference.mean') : (r.inspectors.find((i) => i.inspectorId === r.reference.inspectorId)?.inspectorName ?? '');
  const rows = [
    ...r.inspectors.map((i) => ({ key: i.inspectorId, ...i, isRef: i.inspectorId === r.reference.inspectorId })),
  ];
  return (
    <div data-testid="qa-cal-results" style={{ marginTop: 12 }}>
      <Space wrap size={32} align="start" style={{ marginBottom: 12 }}>
        <Reading t={t} label={t('qa.cal.alpha')} value={r.alpha} reading={r.alphaReading} thresholds={t('qa.cal.alphaThresholds')} testId="qa-cal-alpha" />
        <Reading t={t} label={t('qa.cal.icc')} value={r.icc} reading={r.iccReading} thresholds={t('qa.cal.iccThresholds')} testId="qa-cal-icc" />
        <div>
          {r.reference.kind === 'scorer' && <Typography.Text>{t('qa.cal.referenceIs', { who: refName })}</Typography.Text>}
          <div>
            <Typography.Text type="secondary">{t('qa.cal.mad', { value: scoreText(r.meanAbsDeviation) })}</Typography.Text>
          </div>
        </div>
      </Space>
      <Table
        size="small"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={rows}
        columns={[
          {
            title: t('qa.cal.inspector'),
            key: 'who',
            fixed: 'left',
            render: (_, i) => (
              <span data-testid="qa-cal-row" data-inspector={i.inspectorName} data-deviation={i.deviation}>
                {i.inspectorName} {i.isRef && <Tag>{t('qa.cal.referenceTag')}</Tag>}
              </span>
            ),
          },
          { title: t('qa.cal.score'), key: 'score', render: (_, i) => scoreText(i.score) },
          { title: t('qa.cal.deviation'), key: 'dev', render: (_, i) => <Typography.Text strong type={Math.abs(i.deviation) >= 10 ? 'danger' : undefined}>{signed(i.deviation)}</Typography.Text> },
          ...criteria.map((c) => ({
            title: nameIn(c.names, locale),
            key: c.id,
            render: (_: unknown, i: (typeof rows)[number]) => {
              const v = i.answers.find((a) => a.criterionId === c.id)?.value ?? null;
              const d = i.criteria[c.id] ?? null;
              return (
                <span data-criterion={c.id}>
                  {answerText(t, c, v)}
                  {d !== null && d !== 0 && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {' '}
                      ({signed(d)})
                    </Typography.Text>
                  )}
                </span>
              );
            },
          })),
        ]}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0}>{t('qa.cal.referenceRow')}</Table.Summary.Cell>
            <Table.Summary.Cell index={1}>{scoreText(r.reference.total)}</Table.Summary.Cell>
            <Table.Summary.Cell index={2}>—</Table.Summary.Cell>
            {criteria.map((c, k) => {
              const v = r.reference.criteria[c.id] ?? null;
              return (
                <Table.Summary.Cell index={3 + k} key={c.id}>
                  {v === null ? t('qa.form.na') : c.scale === 'yesno' && r.reference.kind === 'scorer' ? answerText(t, c, v) : scoreText(v)}
                </Table.Summary.Cell>
              );
            })}
          </Table.Summary.Row>
        )}
      />
      <div style={{ maxWidth: 520, marginTop: 12 }} data-testid="qa-cal-chart">
        <Typography.Text type="secondary">{t('qa.cal.chart')}</Typography.Text>
        <BarChart height={150} color="#fa8c16" title={t('qa.cal.chart')} bars={r.inspectors.map((i) => ({ label: i.inspectorName, value: Math.abs(i.deviation), note: signed(i.deviation) }))} />
      </div>
    </div>
  );
}

/** Closed sessions oldest first, with their alpha: is the team's scoring drifting apart or coming together? */
function History({ sessions }: { sessions: readonly CalibrationView[] }) {
  const t = useT();
  const locale = useI18n((x) => x.locale);
  const { zone } = useCenterToday();
  const closed = sessions.filter((s) => s.status === 'closed' && s.closedAt).sort((a, b) => (a.closedAt! < b.closedAt! ? -1 : 1));
  if (closed.length === 0) return null;
  return (
    <Card size="small" title={t('qa.cal.history')} data-testid="qa-cal-history">
      <div style={{ maxWidth: 640 }} data-testid="qa-cal-trend">
        <Typography.Text type="secondary">{t('qa.cal.trend')}</Typography.Text>
        <BarChart
          height={140}
          color="#52c41a"
          title={t('qa.cal.trend')}
          bars={closed.map((s) => ({ label: formatDateTime(s.closedAt!, locale, zone).slice(0, 10), value: Math.max(0, s.results?.alpha ?? 0), note: stat(s.results?.alpha ?? null) }))}
        />
      </div>
      <Table
        size="small"
        rowKey="id"
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        dataSource={[...closed].reverse()}
        columns={[
          { title: t('qa.cal.when'), key: 'when', render: (_, s) => formatDateTime(s.closedAt!, locale, zone) },
          { title: t('qa.cal.call'), key: 'call', render: (_, s) => s.call?.agentName ?? '—' },
          { title: t('qa.cal.scoredBy'), key: 'n', render: (_, s) => s.scored.length },
          { title: t('qa.cal.alpha'), key: 'alpha', render: (_, s) => (s.results ? <Tag color={READING_COLOR[s.results.alphaReading]}>{stat(s.results.alpha)}</Tag> : '—') },
          { title: t('qa.cal.icc'), key: 'icc', render: (_, s) => (s.results ? stat(s.results.icc) : '—') },
          { title: t('qa.cal.madShort'), key: 'mad', render: (_, s) => (s.results ? scoreText(s.results.meanAbsDeviation) : '—') },
        ]}
      />
    </Card>
  );
}
