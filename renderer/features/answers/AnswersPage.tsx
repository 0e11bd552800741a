import { Alert, App, Button, Card, Collapse, Input, List, Segmented, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { Answer } from '../../../shared/answers/schemas';
import { ANSWER_PUBLISHERS } from '../../../shared/answers/methods';
import { searchAnswers } from '../../../shared/answers/search';
import { LoadError } from '../../client/LoadError';
import { useCenterToday } from '../../client/use-policy';
import { useSubmit } from '../../client/use-submit';
import { useT } from '../../i18n/i18n-store';
import { useClient, useSession } from '../../stores/session-store';
import { RuleCitation } from '../rules/RuleCitation';
import { AckControl, AnswerBody } from './AnswerBody';
import { AnswerForm } from './AnswerForm';
import { toAck, useAnswers } from './use-answers';
import { when } from './when';

type Filter = 'all' | 'toAck' | 'acked' | 'withdrawn';

/**
 * The unified answers of the weekly team-lead meeting (meeting.weekly). An agent sees those still to
 * acknowledge first and acknowledges each version; leads and directors publish, revise and withdraw, and
 * see per answer who of the agents they watch has not acknowledged it yet.
 */
export function AnswersPage() {
  const t = useT();
  const actor = useSession((s) => s.actor)!;
  const q = useAnswers(actor);
  const [query, setQuery] = useState('');
  const [filter, setFilter] = useState<Filter>('all');
  const [form, setForm] = useState<{ revising?: Answer } | null>(null);
  const publisher = (ANSWER_PUBLISHERS as readonly string[]).includes(actor.role);
  const answers = q.data?.answers ?? [];
  const waiting = answers.filter((a) => toAck(a, actor));
  const kept = answers.filter((a) => {
    if (filter === 'withdrawn') return a.status === 'withdrawn';
    if (a.status === 'withdrawn') return filter === 'all';
    if (filter === 'toAck') return publisher ? a.missing.length > 0 : a.ackedAt === null;
    if (filter === 'acked') return publisher ? a.missing.length === 0 : a.ackedAt !== null;
    return true;
  });
  const found = searchAnswers(kept, query, null);
  // Still to acknowledge first, then the newest; withdrawn last.
  const rank = (a: Answer) => (a.status === 'withdrawn' ? 2 : toAck(a, actor) ? 0 : 1);
  const shown = query.trim() ? found : [...found].sort((x, y) => rank(x) - rank(y) || (x.publishedAt < y.publishedAt ? 1 : -1));

  return (
    <Card title={t('answers.title')} extra={<RuleCitation ruleId="meeting.weekly" />} data-testid="answers-page">
      <Typography.Paragraph type="secondary">{t('answers.intro')}</Typography.Paragraph>
      <LoadError error={q.error} onRetry={q.reload} />
      {actor.role === 'agent' && answers.length > 0 && (waiting.length ? <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('answers.toAckFirst', { count: waiting.length })} data-testid="answers-waiting" /> : <Alert type="success" showIcon style={{ marginBottom: 12 }} title={t('answers.allAcked')} />)}
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search allowClear style={{ width: 340 }} value={query} onChange={(e) => setQuery(e.target.value)} placeholder={t('answers.search')} data-testid="answers-page-search" />
        <Segmented<Filter> value={filter} onChange={setFilter} options={(['all', 'toAck', 'acked', 'withdrawn'] as const).map((f) => ({ value: f, label: t(`answers.filter.${f}`) }))} data-testid="answers-filter" />
        {publisher && (
          <Button type="primary" onClick={() => setForm({})} data-testid="answer-new">
            {t('answers.new')}
          </Button>
        )}
      </Space>
      <List dataSource={shown} locale={{ emptyText: t(answers.length ? 'answers.noMatch' : 'answers.none') }} renderItem={(a) => <AnswerItem a={a} publisher={publisher} onRevise={() => setForm({ revising: a })} reload={q.reload} />} />
      {form && <AnswerForm revising={form.revising} onClose={() => setForm(null)} onSaved={q.reload} />}
    </Card>
  );
}

function AnswerItem({ a, publisher, onRevise, reload }: { a: Answer; publisher: boolean; onRevise(): void; reload(): void }) {
  const t = useT();
  const client = useClient();
  const actor = useSession((s) => s.actor)!;
  const { zone } = useCenterToday();
  const { modal } = App.useApp();
  const { submit } = useSubmit();
  // A director changes any answer; a lead only their own (meeting.weekly; the desk checks it again).
  const mayChange = publisher && a.status === 'published' && (actor.role !== 'team_lead' || a.publishedBy === actor.userId);
  const withdraw = () => {
    let reason = '';
    modal.confirm({
      title: t('answers.withdrawConfirm'),
      content: <Input placeholder={t('answers.withdrawReason')} onChange={(e) => (reason = e.target.value)} maxLength={200} data-testid="answer-withdraw-reason" />,
      okText: t('answers.withdraw'),
      cancelText: t('answers.cancel'),
      okButtonProps: { danger: true, 'data-testid': 'answer-withdraw-ok' } as never,
      onOk: () => submit(async () => (await client.call('answer.withdraw', { id: a.id, reason }), reload(), t('answers.withdrawnDone'))),
    });
  };
  return (
    <List.Item data-testid="answer" data-acked={a.ackedAt ? 'yes' : 'no'} data-status={a.status} style={{ display: 'block', opacity: a.status === 'withdrawn' ? 0.7 : 1 }}>
      <Space wrap style={{ marginBottom: 4 }}>
        <Typography.Text strong style={{ fontSize: 15 }}>
          {a.title}
        </Typography.Text>
        {a.status === 'withdrawn' && <Tag color="default">{t('answers.status.withdrawn')}</Tag>}
        <Typography.Text type="secondary">{t('answers.publishedBy', { name: a.publishedByName })}</Typography.Text>
        {a.revision > 1 && <Typography.Text type="secondary">{t('answers.revisedBy', { name: a.revisedByName, time: when(a.revisedAt, zone) })}</Typography.Text>}
      </Space>
      <AnswerBody a={a} />
      {a.note && <Typography.Text type="secondary" style={{ display: 'block', marginTop: 4 }}>{t('answers.revisedNote', { note: a.note })}</Typography.Text>}
      {a.status === 'withdrawn' && a.withdrawnAt && <Typography.Text type="secondary" style={{ display: 'block', marginTop: 4 }}>{t('answers.withdrawnLine', { name: a.withdrawnByName ?? '', time: when(a.withdrawnAt, zone), reason: a.withdrawReason })}</Typography.Text>}
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, justifyContent: 'space-between', alignItems: 'center', marginTop: 8 }}>
        <div>
          <AckControl a={a} onDone={reload} />
          {publisher && a.status === 'published' && (
            <Typography.Text type={a.missing.length ? 'warning' : 'success'} data-testid="answer-missing">
              {a.missing.length ? t('answers.missing', { count: a.missing.length, names: a.missing.join(t('answers.nameSeparator')) }) : t('answers.everyoneAcked', { count: a.expected })}
            </Typography.Text>
          )}
        </div>
        {mayChange && (
          <Space>
            <Button size="small" onClick={onRevise} data-testid="answer-revise">
              {t('answers.revise')}
            </Button>
            <Button size="small" danger onClick={withdraw} data-testid="answer-withdraw">
              {t('answers.withdraw')}
            </Button>
          </Space>
        )}
      </div>
      {a.history.length > 0 && (
        <Collapse
          size="small"
          ghost
          style={{ marginTop: 4 }}
          items={[
            {
              key: 'history',
              label: t('answers.history', { count: a.history.length }),
              children: [...a.history].reverse().map((v) => (
                <div key={v.revision} style={{ marginBottom: 8 }} data-testid="answer-version">
                  <Typography.Text type="secondary">{t('answers.historyItem', { revision: v.revision, name: v.byName, time: when(v.at, zone) })}</Typography.Text>
                  <div style={{ whiteSpace: 'pre-wrap' }}>{v.title}</div>
                  <div style={{ whiteSpace: 'pre-wrap', color: 'rgba(0,0,0,0.65)' }}>{v.answer}</div>
                </div>
              )),
            },
          ]}
        />
      )}
    </List.Item>
  );
}
