import { Button, Card, Input, List, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { Actor } from '../../../shared/auth/roles';
import { CRITERIA, type Criterion, type Issue } from '../../../shared/briefing/schemas';
import { LoadError } from '../../client/LoadError';
import { useNames } from '../../client/names';
import { useCenterToday } from '../../client/use-policy';
import { useQuery } from '../../client/use-query';
import { useSubmit } from '../../client/use-submit';
import { useI18n, useT } from '../../i18n/i18n-store';
import { useClient } from '../../stores/session-store';
import { RuleCitation } from '../rules/RuleCitation';
import { dayText } from '../swap/swap-text';
import { IssueText } from './IssueText';
import { MeetingList } from './MeetingPage';

const WRITERS: readonly string[] = ['qa_inspector', 'team_lead', 'department_director', 'center_director'];

/**
 * QA's common issues (qa.rollcall): published by QA, leads and directors, active until withdrawn, with how often
 * roll calls briefed each. An agent reads the active ones and the roll-call remarks about themselves.
 */
export function IssuesPage({ actor }: { actor: Actor }) {
  const t = useT();
  const locale = useI18n((s) => s.locale);
  const client = useClient();
  const { submit, busy } = useSubmit();
  const q = useQuery('briefing.issues', {}, { tables: ['qa_issues', 'roll_calls'] });
  const writer = WRITERS.includes(actor.role);
  const [title, setTitle] = useState('');
  const [seen, setSeen] = useState('');
  const [sayInstead, setSayInstead] = useState('');
  const [criterion, setCriterion] = useState<Criterion | null>(null);
  const all = q.data ?? [];
  const shown = writer ? [...all.filter((i) => !i.withdrawnAt), ...all.filter((i) => i.withdrawnAt)] : all.filter((i) => !i.withdrawnAt);
  const mayWithdraw = (i: Issue) => !i.withdrawnAt && (actor.role !== 'team_lead' || i.publishedBy === actor.userId);

  const publish = () =>
    submit(async () => {
      await client.call('briefing.publishIssue', { id: crypto.randomUUID(), title, seen, sayInstead, criterion });
      setTitle('');
      setSeen('');
      setSayInstead('');
      setCriterion(null);
      q.reload();
      return t('issues.published');
    });
  const withdraw = (id: string) => submit(async () => (await client.call('briefing.withdrawIssue', { id }), q.reload(), t('issues.withdrawnDone')));

  return (
    <Space direction="vertical" style={{ width: '100%' }} size={16}>
      {actor.role === 'agent' && <MyRemarks />}
      {actor.role === 'agent' && <TeamMeetings />}
      <Card title={t('issues.title')} extra={<RuleCitation ruleId="qa.rollcall" />} data-testid="issues">
        <LoadError error={q.error} onRetry={q.reload} />
        {writer && (
          <div style={{ marginBottom: 16 }} data-testid="issue-form">
            <Space wrap align="start">
              <Input style={{ width: 280 }} value={title} onChange={(e) => setTitle(e.target.value)} placeholder={t('issues.titleField')} maxLength={80} data-testid="issue-title" />
              <Select allowClear style={{ width: 200 }} value={criterion ?? undefined} onChange={(v?: Criterion) => setCriterion(v ?? null)} placeholder={t('issues.criterionField')} options={CRITERIA.map((c) => ({ value: c, label: t(`issues.criterion.${c}`) }))} data-testid="issue-criterion" />
            </Space>
            <Input.TextArea rows={2} style={{ marginTop: 8 }} value={seen} onChange={(e) => setSeen(e.target.value)} placeholder={t('issues.seenField')} maxLength={1000} data-testid="issue-seen" />
            <Input.TextArea rows={2} style={{ marginTop: 8 }} value={sayInstead} onChange={(e) => setSayInstead(e.target.value)} placeholder={t('issues.sayInsteadField')} maxLength={1000} data-testid="issue-say" />
            <Button style={{ marginTop: 8 }} type="primary" loading={busy} disabled={!title.trim() || !seen.trim() || !sayInstead.trim()} onClick={() => void publish()} data-testid="issue-publish">
              {t('issues.publish')}
            </Button>
          </div>
        )}
        <List
          dataSource={shown}
          locale={{ emptyText: t('issues.noneActive') }}
          renderItem={(i) => (
            <List.Item data-testid="issue" data-title={i.title} data-active={i.withdrawnAt ? 'no' : 'yes'} style={{ display: 'block', opacity: i.withdrawnAt ? 0.6 : 1 }}>
              <IssueText issue={i} />
              <Space wrap size={6} style={{ marginTop: 4 }}>
                <Typography.Text type="secondary">{t('issues.by', { name: i.publishedByName, date: dayText(locale, i.publishedAt.slice(0, 10)) })}</Typography.Text>
                {actor.role !== 'agent' && (
                  <Tag color={i.briefed ? 'green' : 'default'} data-testid="issue-briefed">
                    {i.briefed ? t('issues.briefed', { count: i.briefed, date: dayText(locale, i.lastBriefed!) }) : t('issues.notBriefed')}
                  </Tag>
                )}
                {i.withdrawnAt && <Tag>{t('issues.withdrawn')}</Tag>}
                {writer && mayWithdraw(i) && (
                  <Button size="small" onClick={() => void withdraw(i.id)}>
                    {t('issues.withdraw')}
                  </Button>
                )}
              </Space>
            </List.Item>
          )}
        />
      </Card>
    </Space>
  );
}

/** An agent's own roll-call lines of the last month: the mark and the lead's remark. */
function MyRemarks() {
  const t = useT();
  const locale = useI18n((s) => s.locale);
  const names = useNames();
  const { today } = useCenterToday();
  const from = new Date(Date.parse(`${today}T00:00:00Z`) - 30 * 86_400_000).toISOString().slice(0, 10);
  const q = useQuery('briefing.rollCalls', { from }, { tables: ['roll_call_entries'] });
  const entries = q.data?.entries ?? [];
  return (
    <Card title={t('issues.myRemarks')} extra={<RuleCitation ruleId="handover.early-arrival" />} data-testid="my-remarks">
      <LoadError error={q.error} onRetry={q.reload} />
      <List
        dataSource={entries}
        locale={{ emptyText: t('issues.noRemarks') }}
        renderItem={(e) => (
          <List.Item>
            <Space wrap>
              <span>{dayText(locale, e.date)}</span>
              <span>{names.shift(e.shiftCode)}</span>
              <Tag>{t(`rollcall.mark.${e.mark}`)}</Tag>
              <span>{e.remark || t('issues.noRemark')}</span>
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}

/** What the last week's handover meetings passed on to the agent's team (handover.meeting): read only. */
function TeamMeetings() {
  const { today } = useCenterToday();
  const from = new Date(Date.parse(`${today}T00:00:00Z`) - 7 * 86_400_000).toISOString().slice(0, 10);
  const q = useQuery('briefing.meetings', { from }, { tables: ['handover_meetings'] });
  return <MeetingList meetings={q.data ?? []} error={q.error} reload={q.reload} mayCorrect={false} />;
}
