import { Alert, Button, Descriptions, Drawer, Input, Radio, Select, Space, Table, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import type { Criterion, EvaluationView, Template } from '../../../shared/qa/schemas';
import { SCALE_POINTS } from '../../../shared/qa/score';
import { useCenterToday } from '../../client/use-policy';
import { useQuery } from '../../client/use-query';
import { useSubmit } from '../../client/use-submit';
import { useI18n, useT } from '../../i18n/i18n-store';
import { useClient } from '../../stores/session-store';
import { formatDateTime } from '../calls/history-range';
import { RuleCitation } from '../rules/RuleCitation';
import { CommentLine, EvaluationRecording, useSeek } from './EvaluationRecording';
import { answerText, nameIn, scoreText, statusOf } from './qa-text';

interface Props {
  evaluation: EvaluationView | null;
  onClose(): void;
  onChanged(): void;
}

/**
 * One evaluation: the score and why (critical items), each criterion's answer and any dispute, comments with
 * their times in the recording, details, and the history. The agent acknowledges or disputes (qa.dispute,
 * until the deadline); a director rules on an open dispute, upholding or amending the criterion.
 */
export function EvaluationDetail({ evaluation: e, onClose, onChanged }: Props) {
  const t = useT();
  const locale = useI18n((s) => s.locale);
  const { zone } = useCenterToday();
  const templates = useQuery('qa.templates', e ? {} : null, { tables: ['qa_templates'] });
  const template = templates.data?.find((x) => x.id === e?.templateVersionId);
  const [seekTo, seek] = useSeek();
  return (
    <Drawer open={e !== null} onClose={onClose} width={640} title={t('qa.detail.title')} data-testid="qa-detail" destroyOnHidden>
      {e && template && (
        <>
          <Descriptions column={1} size="small" bordered style={{ marginBottom: 16 }}>
            <Descriptions.Item label={t('qa.list.agent')}>{e.agentName}</Descriptions.Item>
            <Descriptions.Item label={t('qa.list.callAt')}>{formatDateTime(e.callStartedAt, locale, zone)}</Descriptions.Item>
            <Descriptions.Item label={t('qa.list.inspector')}>{e.inspectorName}</Descriptions.Item>
            <Descriptions.Item label={t('qa.form.template')}>
              {nameIn(template.names, locale)} · {t('qa.form.version', { version: template.version })}
            </Descriptions.Item>
            <Descriptions.Item label={t('qa.list.score')}>
              <Typography.Text strong style={{ fontSize: 18 }} data-testid="qa-detail-score">
                {scoreText(e.score)}
              </Typography.Text>{' '}
              {e.critical !== 'none' && <Tag color="red">{t(`qa.form.criticalFailed.${e.critical}`)}</Tag>}
              <Tag>{t(`qa.status.${statusOf(e)}`)}</Tag>
            </Descriptions.Item>
          </Descriptions>
          <EvaluationRecording callId={e.callId} comments={e.comments} seekTo={seekTo} />
          <Answers e={e} template={template} />
          {e.comments.length > 0 && (
            <>
              <Typography.Title level={5}>{t('qa.form.comments')}</Typography.Title>
              {e.comments.map((c, i) => (
                <CommentLine key={i} c={c} onSeek={seek} testId="qa-detail-comment" />
              ))}
            </>
          )}
          {e.details && (
            <>
              <Typography.Title level={5}>{t('qa.form.details')}</Typography.Title>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{e.details}</Typography.Paragraph>
            </>
          )}
          {e.mine.asAgent && <AgentActions e={e} template={template} onChanged={onChanged} />}
          {e.mine.asArbitrator && e.disputes.some((d) => d.status === 'open') && <Ruling e={e} template={template} onChanged={onChanged} />}
          <Typography.Title level={5}>{t('qa.detail.log')}</Typography.Title>
          <Log e={e} template={template} />
        </>
      )}
    </Drawer>
  );
}

const criteriaOf = (t: Template) => t.sections.flatMap((s) => s.criteria);

function Answers({ e, template }: { e: EvaluationView; template: Template }) {
  const t = useT();
  const locale = useI18n((s) => s.locale);
  const rows = criteriaOf(template).map((c) => ({ c, value: e.answers.find((a) => a.criterionId === c.id)?.value ?? null, dispute: e.disputes.find((d) => d.criterionId === c.id) }));
  return (
    <Table
      size="small"
      rowKey={(r) => r.c.id}
      pagination={false}
      style={{ marginBottom: 16 }}
      dataSource={rows}
      data-testid="qa-detail-answers"
      columns={[
        { title: t('qa.detail.criterion'), key: 'c', render: (_, r) => nameIn(r.c.names, locale) },
        {
          title: t('qa.detail.answer'),
          key: 'v',
          width: 110,
          render: (_, r) => (
            <span data-answer={r.c.id}>
              {answerText(t, r.c, r.value)} {r.c.critical !== 'none' && r.value === SCALE_POINTS[r.c.scale].min && <Tag color="red">{t('qa.flagged')}</Tag>}
            </span>
          ),
        },
        {
          title: t('qa.detail.disputes'),
          key: 'd',
          width: 170,
          render: (_, r) =>
            r.dispute && (
              <Tag color={r.dispute.status === 'open' ? 'orange' : 'green'} data-dispute={r.c.id}>
                {r.dispute.status === 'amended' ? t('qa.dispute.amended', { value: answerText(t, r.c, r.dispute.ruling?.value ?? null) }) : t(`qa.dispute.${r.dispute.status}`)}
              </Tag>
            ),
        },
      ]}
    />
  );
}

function AgentActions({ e, template, onChanged }: { e: EvaluationView; template: Template; onChanged(): void }) {
  const t = useT();
  const locale = useI18n((s) => s.locale);
  const { zone } = useCenterToday();
  const client = useClient();
  const { busy, submit } = useSubmit();
  const [criterionId, setCriterionId] = useState<string>();
  const [reason, setReason] = useState('');
  const late = Date.now() > Date.parse(e.disputeBy);
  const open = criteriaOf(template).filter((c) => !e.disputes.some((d) => d.criterionId === c.id));
  return (
    <div style={{ marginBottom: 16 }} data-testid="qa-agent-actions">
      {!e.acknowledgedAt ? (
        <Button type="primary" loading={busy} onClick={() => void submit(async () => (await client.call('qa.acknowledge', { id: e.id }), onChanged(), t('qa.detail.acknowledged')))} data-testid="qa-acknowledge" style={{ marginBottom: 12 }}>
          {t('qa.detail.acknowledge')}
        </Button>
      ) : (
        <Tag style={{ marginBottom: 12 }}>{t('qa.detail.acknowledged')}</Tag>
      )}
      <Typography.Title level={5}>
        {t('qa.detail.dispute')} <RuleCitation ruleId="qa.dispute" />
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('qa.detail.disputeBy', { when: formatDateTime(e.disputeBy, locale, zone) })}</Typography.Paragraph>
      {late ? (
        <Alert type="info" showIcon message={t('qa.detail.disputeClosed')} />
      ) : (
        open.length > 0 && (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Select style={{ width: 260 }} placeholder={t('qa.detail.disputeCriterion')} value={criterionId} onChange={setCriterionId} data-testid="qa-dispute-criterion" options={open.map((c) => ({ value: c.id, label: nameIn(c.names, locale) }))} />
            <Input.TextArea rows={2} maxLength={2000} placeholder={t('qa.detail.disputeReason')} value={reason} onChange={(x) => setReason(x.target.value)} data-testid="qa-dispute-reason" />
            <Button
              loading={busy}
              disabled={!criterionId || !reason.trim()}
              data-testid="qa-dispute-send"
              onClick={() => void submit(async () => (await client.call('qa.dispute', { id: e.id, criterionId: criterionId!, reason }), setReason(''), setCriterionId(undefined), onChanged(), t('qa.detail.disputeSent')))}
            >
              {t('qa.detail.disputeSend')}
            </Button>
          </Space>
        )
      )}
    </div>
  );
}

function pointsOf(c: Criterion): (number | null)[] {
  const { min, max } = SCALE_POINTS[c.scale];
  const out: (number | null)[] = c.scale === 'yesno' ? [1, 0] : Array.from({ length: max - min + 1 }, (_, i) => min + i);
  return c.allowNa ? [...out, null] : out;
}

function Ruling({ e, template, onChanged }: { e: EvaluationView; template: Template; onChanged(): void }) {
  const t = useT();
  const locale = useI18n((s) => s.locale);
  const client = useClient();
  const { busy, submit } = useSubmit();
  const disputes = e.disputes.filter((d) => d.status === 'open');
  const [criterionId, setCriterionId] = useState(disputes[0]!.criterionId);
  const [outcome, setOutcome] = useState<'upheld' | 'amended'>('upheld');
  const [value, setValue] = useState<string>();
  const [note, setNote] = useState('');
  const d = disputes.find((x) => x.criterionId === criterionId) ?? disputes[0]!;
  const c = criteriaOf(template).find((x) => x.id === d.criterionId)!;
  return (
    <div style={{ marginBottom: 16 }} data-testid="qa-ruling">
      <Typography.Title level={5}>
        {t('qa.detail.rule')} <RuleCitation ruleId="qa.dispute" />
      </Typography.Title>
      <Space direction="vertical" style={{ width: '100%' }}>
        {disputes.length > 1 && <Select style={{ width: 260 }} value={d.criterionId} onChange={setCriterionId} options={disputes.map((x) => ({ value: x.criterionId, label: nameIn(criteriaOf(template).find((y) => y.id === x.criterionId)!.names, locale) }))} />}
        <Alert type="warning" message={`${nameIn(c.names, locale)}: ${d.reason}`} data-testid="qa-ruling-reason" />
        <Radio.Group value={outcome} onChange={(x) => setOutcome(x.target.value as 'upheld' | 'amended')} data-testid="qa-ruling-outcome">
          <Radio value="upheld">{t('qa.detail.uphold')}</Radio>
          <Radio value="amended">
            <span data-testid="qa-ruling-amend">{t('qa.detail.amend')}</span>
          </Radio>
        </Radio.Group>
        {outcome === 'amended' && (
          <Radio.Group optionType="button" size="small" value={value} onChange={(x) => setValue(x.target.value as string)}>
            {pointsOf(c).map((v) => (
              <Radio.Button key={v ?? 'na'} value={v === null ? 'na' : String(v)}>
                <span data-testid={`qa-ruling-value-${v ?? 'na'}`}>{c.scale === 'yesno' || v === null ? answerText(t, c, v) : v}</span>
              </Radio.Button>
            ))}
          </Radio.Group>
        )}
        <Input.TextArea rows={2} maxLength={2000} placeholder={t('qa.detail.note')} value={note} onChange={(x) => setNote(x.target.value)} data-testid="qa-ruling-note" />
        <Button
          type="primary"
          loading={busy}
          disabled={outcome === 'amended' && value === undefined}
          data-testid="qa-ruling-send"
          onClick={() =>
            void submit(async () => {
              await client.call('qa.rule', { id: e.id, criterionId: d.criterionId, outcome, value: outcome === 'amended' && value !== 'na' ? Number(value) : null, note });
              setNote('');
              setValue(undefined);
              onChanged();
              return t('qa.detail.ruled');
            })
          }
        >
          {t('qa.detail.rule')}
        </Button>
      </Space>
    </div>
  );
}

function Log({ e, template }: { e: EvaluationView; template: Template }) {
  const t = useT();
  const locale = useI18n((s) => s.locale);
  const { zone } = useCenterToday();
  const people = useQuery('org.directory', {}, { tables: ['users'] });
  const who = (id: string) => people.data?.find((p) => p.userId === id)?.displayName ?? id;
  const criterion = (id: string | null) => {
    const c = id ? criteriaOf(template).find((x) => x.id === id) : null;
    return c ? nameIn(c.names, locale) : '';
  };
  return (
    <Timeline
      data-testid="qa-log"
      items={e.log.map((l, i) => ({
        key: i,
        children: (
          <>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatDateTime(l.at, locale, zone)}
            </Typography.Text>
            <div>{t(`qa.log.${l.kind}`, { who: who(l.by), criterion: criterion(l.criterionId), text: l.text, from: l.from === null ? '' : scoreText(l.from), to: l.to === null ? '' : scoreText(l.to) })}</div>
            {l.kind !== 'disputed' && l.text && <div style={{ whiteSpace: 'pre-wrap' }}>{l.text}</div>}
          </>
        ),
      }))}
    />
  );
}
