import { Alert, Button, Card, Descriptions, Divider, Input, Radio, Space, Statistic, Tag, Typography, type InputRef } from 'antd';
import { useMemo, useRef, useState } from 'react';
import type { MethodOutput } from '../../../shared/api/table';
import type { Answer, Comment, Criterion, Template } from '../../../shared/qa/schemas';
import { answerProblems, SCALE_POINTS, scoreEvaluation } from '../../../shared/qa/score';
import { latestVersions } from '../../../shared/qa/template';
import { useCenterToday } from '../../client/use-policy';
import { useQuery } from '../../client/use-query';
import { useSubmit } from '../../client/use-submit';
import { useI18n, useT } from '../../i18n/i18n-store';
import { useClient } from '../../stores/session-store';
import { CallDetail } from '../calls/CallDetail';
import { formatDateTime } from '../calls/history-range';
import { RuleCitation } from '../rules/RuleCitation';
import { CommentLine, EvaluationRecording, useSeek } from './EvaluationRecording';
import { answerText, clockText, nameIn, parseClock, scoreText } from './qa-text';

type Sampled = MethodOutput<'qa.sample'>[number];

/** What the form produced: the answers and the score it showed (the server recomputes it). */
export interface ScoredForm {
  templateVersionId: string;
  answers: Answer[];
  comments: Comment[];
  details: string;
  expectedScore: number;
}

/** The points of a criterion's scale, lowest first, and N/A where the template allows it. */
function points(c: Criterion): (number | null)[] {
  const { min, max } = SCALE_POINTS[c.scale];
  const out: (number | null)[] = c.scale === 'yesno' ? [1, 0] : Array.from({ length: max - min + 1 }, (_, i) => min + i);
  return c.allowNa ? [...out, null] : out;
}

const key = (v: number | null) => (v === null ? 'na' : String(v));

/**
 * qa.form: the service-quality evaluation form for one call. The total is computed as the inspector scores
 * (shared/qa/score.ts, the code the server re-runs), critical items say what failing them does, comments
 * may carry a time into the recording (shown as m:ss; the player will jump to it), and details are free text.
 */
export function EvaluationForm({ call, onDone, onCancel, templateVersionId, send: sendScore }: { call: Sampled; onDone(): void; onCancel(): void; templateVersionId?: string; send?: (s: ScoredForm) => Promise<string> }) {
  const t = useT();
  const locale = useI18n((s) => s.locale);
  const { zone } = useCenterToday();
  const client = useClient();
  const { busy, submit } = useSubmit();
  const all = useQuery('qa.templates', {}, { tables: ['qa_templates'] });
  const templates = useMemo(() => latestVersions(all.data ?? []), [all.data]);
  const [templateId, setTemplateId] = useState<string>();
  // A calibration scores one fixed version (everyone the same form); an evaluation the latest of the chosen template.
  const fixed = templateVersionId ? (all.data ?? []).find((x) => x.id === templateVersionId) : undefined;
  const template: Template | undefined = templateVersionId ? fixed : (templates.find((x) => x.templateId === templateId) ?? templates.find((x) => x.builtin) ?? templates[0]);
  const [values, setValues] = useState<Record<string, number | null>>({});
  const [comments, setComments] = useState<Comment[]>([]);
  const [at, setAt] = useState('');
  const [text, setText] = useState('');
  const [details, setDetails] = useState('');
  const [showCall, setShowCall] = useState(false);
  const [seekTo, seek] = useSeek();
  const textBox = useRef<InputRef>(null);

  const criteria = template ? template.sections.flatMap((s) => s.criteria) : [];
  const answers: Answer[] = criteria.filter((c) => c.id in values).map((c) => ({ criterionId: c.id, value: values[c.id]! }));
  const problems = template ? answerProblems(template, answers) : [];
  const result = template && problems.length === 0 ? scoreEvaluation(template, answers) : null;
  const atSec = parseClock(at);

  const addComment = () => {
    if (!text.trim() || atSec === undefined) return;
    setComments([...comments, { atSec, criterionId: null, text: text.trim() }]);
    setAt('');
    setText('');
  };

  /** The player's pin: the time goes into the comment's time box and the cursor into its text. */
  const pin = (sec: number) => {
    setAt(clockText(sec));
    textBox.current?.focus();
  };

  const send = () =>
    submit(async () => {
      if (!template || !result || result.score === null) return;
      const scored: ScoredForm = { templateVersionId: template.id, answers, comments, details, expectedScore: result.score };
      if (sendScore) {
        const said = await sendScore(scored);
        onDone();
        return said;
      }
      await client.call('qa.evaluate', { id: crypto.randomUUID(), callId: call.callId, ...scored });
      onDone();
      return t('qa.form.sent', { score: scoreText(result.score) });
    });

  if (!template) return null;
  return (
    <Card
      size="small"
      data-testid="qa-form"
      title={
        <Space wrap>
          <span>{nameIn(template.names, locale)}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('qa.form.version', { version: template.version })}
          </Typography.Text>
          <RuleCitation ruleId="qa.form" />
        </Space>
      }
      extra={
        <Statistic
          title={t('qa.form.score')}
          value={result?.score ?? '—'}
          valueStyle={{ color: result && result.critical !== 'none' ? '#cf1322' : undefined, fontSize: 22 }}
          data-testid="qa-form-score"
        />
      }
    >
      {!templateVersionId && templates.length > 1 && (
        <Radio.Group value={template.templateId} onChange={(e) => (setTemplateId(e.target.value as string), setValues({}))} style={{ marginBottom: 12 }}>
          {templates.map((x) => (
            <Radio.Button key={x.templateId} value={x.templateId}>
              {nameIn(x.names, locale)}
            </Radio.Button>
          ))}
        </Radio.Group>
      )}
      <Descriptions size="small" column={1} bordered style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('qa.form.call')}>
          <Space wrap>
            <span>{call.agentName}</span>
            <span>{formatDateTime(call.startedAt, locale, zone)}</span>
            <Tag>{t(`category.${call.category}`)}</Tag>
            <Typography.Text>{call.summary}</Typography.Text>
            <Button size="small" onClick={() => setShowCall(true)} data-testid="qa-open-call">
              {t('qa.form.openCall')}
            </Button>
          </Space>
        </Descriptions.Item>
      </Descriptions>
      <EvaluationRecording callId={call.callId} comments={comments} seekTo={seekTo} onPin={pin} />
      {result && result.critical !== 'none' && <Alert type="error" showIcon style={{ marginBottom: 12 }} message={t(`qa.form.criticalFailed.${result.critical}`)} data-testid="qa-form-critical" />}
      {template.sections.map((s) => {
        const ss = result?.sections.find((x) => x.sectionId === s.id);
        return (
          <div key={s.id} style={{ marginBottom: 12 }}>
            <Divider titlePlacement="start" style={{ margin: '8px 0' }}>
              {nameIn(s.names, locale)} · {t('qa.form.weight', { weight: s.weight })}
              {ss && ss.score !== null && ` · ${scoreText(ss.score)}`}
            </Divider>
            {s.criteria.map((c) => (
              <div key={c.id} style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 8, padding: '4px 0' }} data-criterion={c.id}>
                <div style={{ minWidth: 200, flex: '1 1 200px' }}>
                  <Typography.Text strong>{nameIn(c.names, locale)}</Typography.Text>{' '}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('qa.form.weight', { weight: c.weight })}
                  </Typography.Text>
                  {c.critical !== 'none' && (
                    <div>
                      <Tag color="red" style={{ marginTop: 2 }}>
                        {t(`qa.form.critical.${c.critical}`)}
                      </Tag>
                    </div>
                  )}
                </div>
                <Radio.Group size="small" optionType="button" value={c.id in values ? key(values[c.id]!) : undefined} onChange={(e) => setValues({ ...values, [c.id]: e.target.value === 'na' ? null : Number(e.target.value) })}>
                  {points(c).map((v) => (
                    <Radio.Button key={key(v)} value={key(v)}>
                      <span data-testid={`qa-answer-${c.id}-${key(v)}`}>{c.scale === 'yesno' || v === null ? answerText(t, c, v) : v}</span>
                    </Radio.Button>
                  ))}
                </Radio.Group>
              </div>
            ))}
          </div>
        );
      })}
      <RuleCitation ruleId="qa.criteria" />
      <Divider titlePlacement="start" style={{ margin: '12px 0 8px' }}>
        {t('qa.form.comments')}
      </Divider>
      {comments.map((c, i) => (
        <CommentLine key={i} c={c} onSeek={seek} testId="qa-comment" />
      ))}
      <Space.Compact style={{ width: '100%', marginTop: 8 }}>
        <Input style={{ width: 120 }} placeholder="0:00" value={at} status={atSec === undefined ? 'error' : undefined} onChange={(e) => setAt(e.target.value)} aria-label={t('qa.form.commentAt')} title={t('qa.form.commentAt')} data-testid="qa-comment-at" />
        <Input ref={textBox} placeholder={t('qa.form.commentText')} value={text} maxLength={1000} onChange={(e) => setText(e.target.value)} onPressEnter={addComment} data-testid="qa-comment-text" />
        <Button onClick={addComment} disabled={!text.trim() || atSec === undefined} data-testid="qa-comment-add">
          {t('qa.form.addComment')}
        </Button>
      </Space.Compact>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('qa.form.commentAt')}
      </Typography.Text>
      <Divider titlePlacement="start" style={{ margin: '12px 0 8px' }}>
        {t('qa.form.details')}
      </Divider>
      <Input.TextArea rows={3} maxLength={4000} value={details} onChange={(e) => setDetails(e.target.value)} data-testid="qa-details" />
      <Space style={{ marginTop: 12 }}>
        <Button type="primary" loading={busy} disabled={!result || result.score === null} onClick={() => void send()} data-testid="qa-submit">
          {t('qa.form.submit')}
        </Button>
        <Button onClick={onCancel}>{t('qa.form.cancel')}</Button>
        {!result && <Typography.Text type="secondary">{t('qa.form.unanswered', { count: criteria.length - answers.length })}</Typography.Text>}
      </Space>
      <CallDetail id={showCall ? call.callId : null} zone={zone} onClose={() => setShowCall(false)} />
    </Card>
  );
}
