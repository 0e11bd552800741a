import { Alert, Button, Card, Empty, Input, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { Actor } from '../../../shared/auth/roles';
import { lastMonth } from '../../../shared/briefing/rules';
import { DUTY_KINDS, type DutyCounts, type DutyKind } from '../../../shared/briefing/schemas';
import { LoadError } from '../../client/LoadError';
import { useNames } from '../../client/names';
import { useCenterToday } from '../../client/use-policy';
import { useQuery } from '../../client/use-query';
import { useSubmit } from '../../client/use-submit';
import { useI18n, useT, type T } from '../../i18n/i18n-store';
import { useClient } from '../../stores/session-store';
import { hhmm } from '../handover/time-text';
import { RuleCitation } from '../rules/RuleCitation';
import { dayText, monthText } from '../swap/swap-text';
import type { ShiftPick } from './pick';
import { ShiftPicker, useDefaultPick } from './ShiftPicker';
import { useSummaryReminder } from './summary-reminder';

const KIND_COLOR: Record<DutyKind, string> = { event: 'blue', problem: 'red', decision: 'purple', figure: 'green' };

/**
 * The duty log of a team's shift: what happened when, problems, decisions, figures. Below it the
 * monthly summary (report.monthly-quality), started from the month's counts, with its due day from the policy.
 */
export function DutyLogPage({ actor }: { actor: Actor }) {
  const t = useT();
  const names = useNames();
  const client = useClient();
  const { today, zone } = useCenterToday();
  const { submit, busy } = useSubmit();
  const [chosen, setChosen] = useState<ShiftPick | null>(null);
  const fallback = useDefaultPick(actor, today);
  const pick = chosen ?? fallback;
  const log = useQuery('briefing.dutyLog', { from: pick.date }, { tables: ['duty_log', 'duty_summaries'] });
  const lines = (log.data?.entries ?? []).filter((e) => e.date === pick.date && e.teamId === pick.teamId && e.shiftCode === pick.shiftCode).sort((a, b) => a.time.localeCompare(b.time) || a.writtenAt.localeCompare(b.writtenAt));
  const [time, setTime] = useState(() => hhmm(new Date().toISOString(), zone));
  const [kind, setKind] = useState<DutyKind>('event');
  const [text, setText] = useState('');
  const [figure, setFigure] = useState<number | null>(null);

  const add = () =>
    submit(async () => {
      await client.call('briefing.logDuty', { id: crypto.randomUUID(), ...pick, time, kind, text, figure: kind === 'figure' ? figure : null });
      setText('');
      setFigure(null);
      log.reload();
      return t('dutylog.added');
    });

  return (
    <Space direction="vertical" style={{ width: '100%' }} size={16}>
      <SummaryReminder actor={actor} />
      <Card title={t('dutylog.title')} extra={<RuleCitation ruleId="report.monthly-quality" />} data-testid="dutylog">
        <ShiftPicker actor={actor} value={pick} onChange={setChosen} />
        <Space wrap align="start" style={{ marginTop: 12 }} data-testid="dutylog-form">
          <Input aria-label={t('dutylog.time')} style={{ width: 90 }} value={time} onChange={(e) => setTime(e.target.value)} placeholder="08:30" data-testid="dutylog-time" />
          <Select style={{ width: 120 }} value={kind} onChange={setKind} options={DUTY_KINDS.map((k) => ({ value: k, label: t(`dutylog.kind.${k}`) }))} data-testid="dutylog-kind" />
          {kind === 'figure' && <InputNumber style={{ width: 120 }} value={figure} onChange={(v) => setFigure(v)} placeholder={t('dutylog.figure')} data-testid="dutylog-figure" />}
          <Input.TextArea style={{ width: 420 }} autoSize={{ minRows: 1, maxRows: 4 }} value={text} onChange={(e) => setText(e.target.value)} placeholder={t(`dutylog.hint.${kind}`)} maxLength={1000} data-testid="dutylog-text" />
          <Button type="primary" loading={busy} disabled={!text.trim() || !pick.teamId || !pick.shiftCode || (kind === 'figure' && figure === null)} onClick={() => void add()} data-testid="dutylog-add">
            {t('dutylog.add')}
          </Button>
        </Space>
        <LoadError error={log.error} onRetry={log.reload} />
        <Table
          style={{ marginTop: 12 }}
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={lines}
          locale={{ emptyText: <Empty description={t('dutylog.empty', { shift: names.shift(pick.shiftCode) })} /> }}
          columns={[
            { title: t('dutylog.time'), dataIndex: 'time', width: 80 },
            { title: t('dutylog.kindCol'), key: 'kind', width: 100, render: (_, e) => <Tag color={KIND_COLOR[e.kind]}>{t(`dutylog.kind.${e.kind}`)}</Tag> },
            { title: t('dutylog.what'), key: 'text', render: (_, e) => <span style={{ whiteSpace: 'pre-wrap' }} data-testid="dutylog-line">{e.figure !== null ? `${e.text}: ${e.figure}` : e.text}</span> },
            { title: t('dutylog.by'), key: 'by', width: 140, render: (_, e) => <Typography.Text type="secondary">{`${e.writtenByName} ${hhmm(e.writtenAt, zone)}`}</Typography.Text> },
          ]}
        />
      </Card>
      <SummaryCard actor={actor} teamId={pick.teamId} />
    </Space>
  );
}

/** The reminder the bell also shows, on the screen where the summary is written. */
function SummaryReminder({ actor }: { actor: Actor }) {
  const t = useT();
  const locale = useI18n((s) => s.locale);
  const r = useSummaryReminder(actor);
  if (!r) return null;
  return (
    <Alert
      type={r.daysLeft < 0 ? 'error' : 'warning'}
      showIcon
      data-testid="summary-reminder"
      title={
        <Space wrap>
          {summaryReminderText(t, locale, r)}
          <RuleCitation ruleId="report.monthly-quality" />
        </Space>
      }
    />
  );
}

export function summaryReminderText(t: T, locale: Parameters<typeof monthText>[0], r: { month: string; due: string; daysLeft: number }): string {
  const o = { month: monthText(locale, r.month), date: dayText(locale, r.due), days: r.daysLeft };
  return r.daysLeft < 0 ? t('summary.overdue', o) : t('summary.dueIn', o);
}

const countsText = (t: T, month: string, c: DutyCounts) => t('summary.counts', { month, shifts: c.shifts, entries: c.entries, event: c.event, problem: c.problem, decision: c.decision, figure: c.figure });

/** The monthly summary: the month's numbers and problems, then the lead's text; saved again as a new revision. */
function SummaryCard({ actor, teamId }: { actor: Actor; teamId: string }) {
  const t = useT();
  const locale = useI18n((s) => s.locale);
  const names = useNames();
  const client = useClient();
  const { today, zone } = useCenterToday();
  const { submit, busy } = useSubmit();
  const [month, setMonth] = useState(() => lastMonth(today));
  const draft = useQuery('briefing.summaryDraft', teamId ? { teamId, month } : null, { tables: ['duty_log', 'duty_summaries'] });
  const d = draft.data;
  const [text, setText] = useState('');
  const key = d ? `${d.teamId}|${d.month}|${d.saved?.revision ?? 0}` : '';
  // Prefilled with the month's numbers and problems until the lead has saved their own words.
  useEffect(() => {
    if (!d) return;
    setText(d.saved?.text ?? [countsText(t, monthText(locale, d.month), d.counts), ...d.problems.map((p) => `- ${dayText(locale, p.date)} ${names.shift(p.shiftCode)}: ${p.text}`)].join('\n'));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed on what identifies the record
  }, [key]);
  const months = [today.slice(0, 7), lastMonth(today), lastMonth(`${lastMonth(today)}-01`)];
  const save = () => submit(async () => (await client.call('briefing.saveSummary', { teamId, month, text }), draft.reload(), t('summary.saved')));
  return (
    <Card title={t('summary.title', { team: names.team(teamId) })} extra={<RuleCitation ruleId="report.monthly-quality" />} data-testid="summary" data-actor={actor.role}>
      <Space wrap>
        <Select style={{ width: 160 }} value={month} onChange={setMonth} options={months.map((m) => ({ value: m, label: monthText(locale, m) }))} data-testid="summary-month" />
        {d && <Typography.Text type="secondary">{t('summary.due', { date: dayText(locale, d.due) })}</Typography.Text>}
        {d?.saved && <Tag color="green">{t('summary.savedLine', { revision: d.saved.revision, name: d.saved.writtenByName, time: hhmm(d.saved.writtenAt, zone) })}</Tag>}
      </Space>
      <LoadError error={draft.error} onRetry={draft.reload} />
      {d && <div style={{ margin: '8px 0' }}>{countsText(t, monthText(locale, d.month), d.counts)}</div>}
      <Input.TextArea rows={5} value={text} onChange={(e) => setText(e.target.value)} maxLength={8000} data-testid="summary-text" />
      <Button style={{ marginTop: 8 }} type="primary" loading={busy} disabled={!text.trim() || !teamId} onClick={() => void save()} data-testid="summary-save">
        {t('summary.save')}
      </Button>
    </Card>
  );
}
