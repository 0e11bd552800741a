import { Alert, Button, Card, Form, Input, List, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { addDays } from '../../../shared/calendar/day-kind';
import { NOTICE_KINDS } from '../../../shared/handover/notices';
import { LoadError } from '../../client/LoadError';
import { useCenterToday } from '../../client/use-policy';
import { useQuery } from '../../client/use-query';
import { useSubmit } from '../../client/use-submit';
import { useT } from '../../i18n/i18n-store';
import { useClient } from '../../stores/session-store';
import { RuleCitation } from '../rules/RuleCitation';
import { hhmm } from './time-text';

const KIND_COLOR = { business: 'blue', offer: 'green', urgent: 'red' } as const;

/**
 * Notices (handover.read-notices). An agent sees unread ones first, to read before taking calls, and marks each
 * read (the desk records who read what, when). A publisher (leads, directors) writes them and sees who has not
 * read each one.
 */
export function NoticesPanel({ publisher }: { publisher: boolean }) {
  const t = useT();
  const client = useClient();
  const { today, zone } = useCenterToday();
  const { submit, busy } = useSubmit();
  const q = useQuery('notice.list', { from: addDays(today, -14) }, { tables: ['notices', 'notice_reads', 'users'] });
  const [kind, setKind] = useState<(typeof NOTICE_KINDS)[number]>('business');
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const notices = q.data?.notices ?? [];
  const unread = notices.filter((n) => !n.readAt);
  const ordered = [...unread, ...notices.filter((n) => n.readAt)];

  const read = (id: string) => submit(async () => (await client.call('notice.read', { id }), q.reload()));
  const publish = () =>
    submit(async () => {
      await client.call('notice.publish', { id: crypto.randomUUID(), kind, title, body });
      setTitle('');
      setBody('');
      q.reload();
      return t('notice.published');
    });

  return (
    <Card title={t('notice.title')} extra={<RuleCitation ruleId="handover.read-notices" />} data-testid="notices">
      <LoadError error={q.error} onRetry={q.reload} />
      {!publisher && (unread.length ? <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('notice.unreadFirst', { count: unread.length })} data-testid="notices-unread" /> : notices.length > 0 && <Alert type="success" showIcon style={{ marginBottom: 12 }} title={t('notice.allRead')} />)}
      {publisher && (
        <Form layout="vertical" style={{ marginBottom: 12 }}>
          <Space wrap align="start">
            <Select style={{ width: 180 }} value={kind} onChange={setKind} options={NOTICE_KINDS.map((k) => ({ value: k, label: t(`notice.kind.${k}`) }))} />
            <Input style={{ width: 240 }} value={title} onChange={(e) => setTitle(e.target.value)} placeholder={t('notice.titleField')} />
          </Space>
          <Input.TextArea rows={2} style={{ marginTop: 8 }} value={body} onChange={(e) => setBody(e.target.value)} placeholder={t('notice.bodyField')} />
          <Button style={{ marginTop: 8 }} type="primary" loading={busy} disabled={!title.trim() || !body.trim()} onClick={() => void publish()}>
            {t('notice.publish')}
          </Button>
        </Form>
      )}
      <List
        dataSource={ordered}
        locale={{ emptyText: t('notice.none') }}
        renderItem={(n) => (
          <List.Item data-testid="notice" data-read={n.readAt ? 'yes' : 'no'} style={{ display: 'block' }}>
            <Space wrap>
              <Tag color={KIND_COLOR[n.kind]}>{t(`notice.kind.${n.kind}`)}</Tag>
              <Typography.Text strong={!n.readAt}>{n.title}</Typography.Text>
              <Typography.Text type="secondary">{t('notice.by', { name: n.publishedByName, time: hhmm(n.publishedAt, zone) })}</Typography.Text>
            </Space>
            <div style={{ whiteSpace: 'pre-wrap', margin: '4px 0' }}>{n.body}</div>
            {publisher ? (
              <Typography.Text type={n.unread.length ? 'warning' : 'success'}>{n.unread.length ? t('notice.unread', { count: n.unread.length, names: n.unread.join('、') }) : t('notice.everyoneRead')}</Typography.Text>
            ) : n.readAt ? (
              <Tag>{t('notice.readAt', { time: hhmm(n.readAt, zone) })}</Tag>
            ) : (
              <Button type="primary" size="small" loading={busy} onClick={() => void read(n.id)} data-testid="notice-read">
                {t('notice.markRead')}
              </Button>
            )}
          </List.Item>
        )}
      />
    </Card>
  );
}
