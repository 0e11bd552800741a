import { Button, Space, Tag, Typography } from 'antd';
import type { Answer } from '../../../shared/answers/schemas';
import { useCenterToday } from '../../client/use-policy';
import { useSubmit } from '../../client/use-submit';
import { useT } from '../../i18n/i18n-store';
import { useDayText } from '../../i18n/use-day-text';
import { useClient, useSession } from '../../stores/session-store';
import { when } from './when';

/** The case and the answer to give, with where it came from (the meeting's week and date) and what it fits. */
export function AnswerBody({ a }: { a: Answer }) {
  const t = useT();
  const day = useDayText();
  return (
    <div>
      <Space wrap size={4} style={{ marginBottom: 4 }}>
        <Typography.Text type="secondary">{t('answers.meeting', { week: a.meetingWeek, date: day(a.meetingDate) })}</Typography.Text>
        <Tag>{t('answers.version', { revision: a.revision })}</Tag>
        {a.categories.map((c) => (
          <Tag key={c} color="blue">
            {t(`category.${c}`)}
          </Tag>
        ))}
        {a.keywords.map((k) => (
          <Tag key={k}>{k}</Tag>
        ))}
      </Space>
      <Typography.Text type="secondary" style={{ display: 'block' }}>
        {t('answers.question')}
      </Typography.Text>
      <div style={{ whiteSpace: 'pre-wrap', marginBottom: 6 }}>{a.question}</div>
      <Typography.Text type="secondary" style={{ display: 'block' }}>
        {t('answers.answer')}
      </Typography.Text>
      <div style={{ whiteSpace: 'pre-wrap', fontSize: 15, background: 'rgba(22,119,255,0.06)', padding: '6px 8px', borderRadius: 6 }} data-testid="answer-text">
        {a.answer}
      </div>
    </div>
  );
}

/** An agent's acknowledgement of the current version: the button, or when they gave it. */
export function AckControl({ a, onDone }: { a: Answer; onDone(): void }) {
  const t = useT();
  const client = useClient();
  const role = useSession((s) => s.actor?.role);
  const { zone } = useCenterToday();
  const { submit, busy } = useSubmit();
  if (role !== 'agent' || a.status !== 'published') return null;
  if (a.ackedAt) return <Tag color="success">{t('answers.ackedAt', { time: when(a.ackedAt, zone) })}</Tag>;
  const ack = () => submit(async () => (await client.call('answer.ack', { id: a.id, revision: a.revision }), onDone(), t('answers.acked')));
  return (
    <Space size={6} wrap>
      {a.ackedRevision !== null && <Tag color="warning">{t('answers.ackAgain')}</Tag>}
      <Button type="primary" size="small" loading={busy} onClick={() => void ack()} data-testid="answer-ack">
        {t('answers.ack')}
      </Button>
    </Space>
  );
}
