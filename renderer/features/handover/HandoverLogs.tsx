import { Alert, App, Button, Card, Checkbox, Descriptions, Form, Input, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { addDays } from '../../../shared/calendar/day-kind';
import { LOG_SECTIONS, type HandoverLog, type LogSection, type Sections } from '../../../shared/handover/schemas';
import { CallError } from '../../client/desk-client';
import { errorText, fieldMessages } from '../../client/error-text';
import { LoadError } from '../../client/LoadError';
import { useNames } from '../../client/names';
import { useCenterToday } from '../../client/use-policy';
import { useQuery } from '../../client/use-query';
import { useSubmit } from '../../client/use-submit';
import { useI18n, useT } from '../../i18n/i18n-store';
import { useClient, useSession } from '../../stores/session-store';
import { RuleBasis } from '../rules/RuleCitation';
import { dayText } from '../swap/swap-text';
import { hhmm } from './time-text';

const EMPTY = Object.fromEntries(LOG_SECTIONS.map((k) => [k, { nothing: false, text: '' }])) as Sections;

/**
 * The handover log of the team's shift changes (handover.log-contents, handover.meeting): the outgoing shift
 * writes every section or ticks "nothing to report"; the incoming colleague acknowledges; then it is final
 * and only corrections are appended.
 */
export function HandoverLogs({ today, myShift, nextShift = null }: { today: string; myShift: string | null; nextShift?: string | null }) {
  const t = useT();
  const client = useClient();
  const names = useNames();
  const { message } = App.useApp();
  const logs = useQuery('handover.list', { from: addDays(today, -1) }, { tables: ['handover_logs'] });
  const [sections, setSections] = useState<Sections>(EMPTY);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [refused, setRefused] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (k: LogSection, v: Partial<Sections[LogSection]>) => setSections((s) => ({ ...s, [k]: { ...s[k], ...v } }));

  // Staff changes start from the day's approved swaps and leave (staff shift changes), editable before sending.
  const prefill = async () => {
    const c = await client.call('handover.staffChanges', { date: today });
    const lines = [...c.swaps.map((s) => t('handover.prefillSwap', { a: s.requester, b: s.partner, give: s.giveDate, take: s.takeDate })), ...c.leave.map((l) => t('handover.prefillLeave', { name: l.name }))];
    set('staff', lines.length ? { text: lines.join('\n'), nothing: false } : { nothing: true, text: '' });
  };

  const send = async () => {
    if (!myShift) return;
    setBusy(true);
    setErrors({});
    setRefused(null);
    try {
      await client.call('handover.write', { id: crypto.randomUUID(), date: today, fromShift: myShift, sections });
      void message.success(t('handover.saved'));
      setSections(EMPTY);
      logs.reload();
    } catch (err) {
      if (err instanceof CallError && err.wire.fields) setErrors(fieldMessages(t, err.wire.fields));
      setRefused(errorText(t, err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={t('handover.title')} data-testid="handover-logs">
      {myShift && (
        <Card size="small" type="inner" title={t('handover.writeTitle', { shift: names.shift(myShift), next: nextShift ? names.shift(nextShift) : t('handover.nextShift') })} style={{ marginBottom: 16 }} extra={<Button onClick={() => void prefill()}>{t('handover.section.staff')} ↻</Button>}>
          <Form layout="vertical">
            {LOG_SECTIONS.map((k) => (
              <Form.Item key={k} label={t(`handover.section.${k}`)} validateStatus={errors[`sections.${k}.text`] ? 'error' : undefined} help={errors[`sections.${k}.text`]} style={{ marginBottom: 8 }}>
                <Space direction="vertical" style={{ width: '100%' }}>
                  <Checkbox checked={sections[k].nothing} onChange={(e) => set(k, { nothing: e.target.checked })} data-testid={`nothing-${k}`}>
                    {t('handover.nothing')}
                  </Checkbox>
                  {!sections[k].nothing && <Input.TextArea rows={2} value={sections[k].text} placeholder={t('handover.placeholder')} onChange={(e) => set(k, { text: e.target.value })} data-testid={`section-${k}`} />}
                </Space>
              </Form.Item>
            ))}
            {refused && <Alert type="error" showIcon style={{ marginBottom: 8 }} title={refused} data-testid="handover-refused" />}
            <Button type="primary" loading={busy} onClick={() => void send()} data-testid="handover-send">
              {t('handover.submit')}
            </Button>
          </Form>
        </Card>
      )}
      <LoadError error={logs.error} onRetry={logs.reload} />
      <List dataSource={logs.data ?? []} locale={{ emptyText: t('handover.none') }} renderItem={(l) => <LogItem log={l} onChange={logs.reload} />} />
    </Card>
  );
}

function LogItem({ log, onChange }: { log: HandoverLog; onChange(): void }) {
  const t = useT();
  const locale = useI18n((s) => s.locale);
  const { zone } = useCenterToday();
  const names = useNames();
  const me = useSession((s) => s.actor)!;
  const client = useClient();
  const { submit, busy } = useSubmit();
  const [correction, setCorrection] = useState('');
  const ack = () => submit(async () => (await client.call('handover.ack', { id: log.id }), onChange(), t('handover.ackDone')));
  const correct = () => submit(async () => (await client.call('handover.correct', { id: log.id, text: correction }), setCorrection(''), onChange(), t('handover.correctSaved')));
  return (
    <List.Item data-testid="handover-log" style={{ display: 'block' }}>
      <Space wrap style={{ marginBottom: 8 }}>
        <Typography.Text strong>{t('handover.line', { date: dayText(locale, log.date), from: names.shift(log.fromShift), to: log.toShift ? names.shift(log.toShift) : '—', name: log.writtenByName })}</Typography.Text>
        {log.ackedBy ? <Tag color="green">{t('handover.acked', { name: log.ackedByName ?? '', time: hhmm(log.ackedAt!, zone) })}</Tag> : <Tag color="orange">{t('handover.waiting')}</Tag>}
        <RuleBasis ruleIds={['handover.log-contents', 'handover.meeting']} />
      </Space>
      <Descriptions size="small" column={1} bordered>
        {LOG_SECTIONS.map((k) => (
          <Descriptions.Item key={k} label={t(`handover.section.${k}`)}>
            {log.sections[k].nothing ? <Typography.Text type="secondary">{t('handover.nothingShown')}</Typography.Text> : <span style={{ whiteSpace: 'pre-wrap' }}>{log.sections[k].text}</span>}
          </Descriptions.Item>
        ))}
      </Descriptions>
      {log.corrections.map((c, i) => (
        <div key={i} style={{ marginTop: 4 }}>
          <Typography.Text type="warning">{t('handover.correction', { name: c.byName, time: hhmm(c.at, zone), text: c.text })}</Typography.Text>
        </div>
      ))}
      <Space style={{ marginTop: 8 }} wrap>
        {!log.ackedBy && log.writtenBy !== me.userId && (
          <Button type="primary" loading={busy} onClick={() => void ack()} data-testid="handover-ack">
            {t('handover.ack')}
          </Button>
        )}
        <Input style={{ width: 280 }} value={correction} onChange={(e) => setCorrection(e.target.value)} placeholder={t('handover.correct')} />
        <Button disabled={!correction.trim()} loading={busy} onClick={() => void correct()}>
          {t('handover.correct')}
        </Button>
      </Space>
    </List.Item>
  );
}
