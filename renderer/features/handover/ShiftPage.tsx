import { Alert, App, Button, Card, Descriptions, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { addDays } from '../../../shared/calendar/day-kind';
import type { RuleCheck } from '../../../shared/rules/check';
import { CallError } from '../../client/desk-client';
import { errorText } from '../../client/error-text';
import { LoadError } from '../../client/LoadError';
import { useNames } from '../../client/names';
import { useCenterToday } from '../../client/use-policy';
import { useQuery } from '../../client/use-query';
import { useI18n, useT } from '../../i18n/i18n-store';
import { useClient } from '../../stores/session-store';
import { RuleChecklist } from '../rules/RuleChecklist';
import { dayText } from '../swap/swap-text';
import { HandoverLogs } from './HandoverLogs';
import { NoticesPanel } from './NoticesPanel';
import { AwayControl } from './AwayControl';
import { pickShift } from './pick-shift';
import { CHECK_IN_OPENS_MINUTES } from '../../../shared/handover/rules';
import { hhmm } from './time-text';
import { duration } from '../../../shared/rules/units';

/**
 * An agent's (or lead's) shift of today: one key that checks in, then out. The desk judges at once and the
 * server again at sync; a refusal is said in the rule's words, with nothing recorded.
 */
export function ShiftPage() {
  const t = useT();
  const locale = useI18n((s) => s.locale);
  const { today, zone } = useCenterToday();
  const names = useNames();
  const client = useClient();
  const { message } = App.useApp();
  const tables = ['attendance', 'roster', 'duty_releases', 'shift_types'] as const;
  const yesterday = useQuery('duty.mine', { date: addDays(today, -1) }, { tables });
  const todays = useQuery('duty.mine', { date: today }, { tables });
  const tomorrow = useQuery('duty.mine', { date: addDays(today, 1) }, { tables });
  const m = pickShift({ yesterday: yesterday.data, today: todays.data, tomorrow: tomorrow.data }, Date.now());
  const mine = m === yesterday.data ? yesterday : m === tomorrow.data ? tomorrow : todays;
  const date = m?.date ?? today;
  const [checks, setChecks] = useState<RuleCheck[] | null>(null);
  // A refusal: every rule it broke, in words with its citation (not only the first), or one line when no rule.
  const [refused, setRefused] = useState<{ text: string; checks: RuleCheck[] } | null>(null);
  const [busy, setBusy] = useState(false);
  const att = m?.attendance ?? null;
  const checkingOut = att !== null && att.checkedOutAt === null;
  // "Stay until the incoming colleague is in" matters once they can check in (the change is near), not all shift long.
  const changeNear = m?.shift ? Date.now() >= Date.parse(m.shift.end) - CHECK_IN_OPENS_MINUTES * 60_000 : false;

  const act = async () => {
    setBusy(true);
    setRefused(null);
    try {
      const r = await client.call(checkingOut ? 'duty.checkOut' : 'duty.checkIn', { date });
      setChecks(r.checks);
      void message.success(t(checkingOut ? 'duty.done.out' : 'duty.done.in'));
      mine.reload();
      todays.reload();
    } catch (err) {
      setChecks(null);
      const failed = err instanceof CallError ? (err.wire.checks ?? []).map((c) => ({ ...c, status: 'fail' as const })) : [];
      setRefused({ text: errorText(t, err), checks: failed });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }} size={16}>
      <Card title={t('duty.title', { date: dayText(locale, date) })} data-testid="my-shift">
        <LoadError error={mine.error} onRetry={mine.reload} />
        {m && !m.shift && <Typography.Text type="secondary">{t('duty.noShift')}</Typography.Text>}
        {m?.shift && (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Descriptions size="small" column={1}>
              <Descriptions.Item label={t('method.duty.checkIn')}>
                <Space wrap>
                  <Typography.Text strong>{t('duty.shiftLine', { shift: names.shift(m.shift.code), start: hhmm(m.shift.start, zone), end: hhmm(m.shift.end, zone) })}</Typography.Text>
                  {att ? <Tag color="green">{t('duty.checkedIn', { time: hhmm(att.checkedInAt, zone) })}</Tag> : m.opensAt && <Tag>{t('duty.opensAt', { time: hhmm(m.opensAt, zone) })}</Tag>}
                  {att && att.lateMinutes > 0 && <Tag color="orange">{t('duty.late', { late: duration(locale, att.lateMinutes) })}</Tag>}
                  {att?.violationId && <Tag color="red">{t('duty.violation')}</Tag>}
                  {att?.checkedOutAt && <Tag>{t('duty.checkedOut', { time: hhmm(att.checkedOutAt, zone) })}</Tag>}
                  {m.released && <Tag color="blue">{t('duty.released')}</Tag>}
                </Space>
              </Descriptions.Item>
              {m.incoming && (
                <Descriptions.Item label={t('method.duty.checkOut')}>
                  <Space wrap>
                    {m.incoming.names.length ? t('duty.incoming', { shift: names.shift(m.incoming.shift), names: m.incoming.names.join('、') }) : t('duty.incomingNobody')}
                    {m.incoming.checkedIn.length ? <Tag color="green">{t('duty.incomingIn', { names: m.incoming.checkedIn.join('、') })}</Tag> : att && !att.checkedOutAt && changeNear && <Tag color="orange">{t('duty.incomingWaiting')}</Tag>}
                  </Space>
                </Descriptions.Item>
              )}
            </Descriptions>
            {!att?.checkedOutAt && (
              <Button type="primary" size="large" loading={busy} onClick={() => void act()} data-testid="duty-key">
                {t(checkingOut ? 'duty.checkOut' : 'duty.checkIn')}
              </Button>
            )}
            {checkingOut && <AwayControl date={date} away={m.away} zone={zone} onChange={mine.reload} />}
            {refused && <Alert type="error" showIcon data-testid="duty-refused" title={t('duty.refused')} description={refused.checks.length ? <RuleChecklist checks={refused.checks} /> : refused.text} />}
            {checks && <RuleChecklist checks={checks} />}
          </Space>
        )}
      </Card>
      <NoticesPanel publisher={false} />
      <HandoverLogs today={date} myShift={m?.shift?.code ?? null} nextShift={m?.incoming?.shift ?? null} />
    </Space>
  );
}
