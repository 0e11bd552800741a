import { Button, Input, Space, Tag } from 'antd';
import { useState } from 'react';
import type { Away } from '../../../shared/handover/away';
import { useSubmit } from '../../client/use-submit';
import { useT } from '../../i18n/i18n-store';
import { useClient } from '../../stores/session-store';
import { RuleCitation } from '../rules/RuleCitation';
import { hhmm } from './time-text';

/**
 * Stepping away during the shift (duty.no-leaving-post): ask with a reason, wait for the duty lead, and say
 * when back. Past the time allowed, coming back records a violation; the lead can extend before that.
 */
export function AwayControl({ date, away, zone, onChange }: { date: string; away: Away | null; zone: string; onChange(): void }) {
  const t = useT();
  const client = useClient();
  const { submit, busy } = useSubmit();
  const [reason, setReason] = useState('');
  const ask = () => submit(async () => (await client.call('duty.awayRequest', { id: crypto.randomUUID(), date, reason }), setReason(''), onChange()));
  const back = (id: string) => submit(async () => (await client.call('duty.awayBack', { id }), onChange(), t('away.backDone')));
  if (!away)
    return (
      <Space wrap data-testid="away">
        <Input style={{ width: 220 }} value={reason} onChange={(e) => setReason(e.target.value)} placeholder={t('away.reason')} />
        <Button disabled={!reason.trim()} loading={busy} onClick={() => void ask()}>
          {t('away.ask')}
        </Button>
        <RuleCitation ruleId="duty.no-leaving-post" />
      </Space>
    );
  const until = away.approvedAt ? new Date(Date.parse(away.approvedAt) + away.limitMinutes * 60_000).toISOString() : null;
  return (
    <Space wrap data-testid="away" data-state={away.approvedAt ? 'allowed' : 'asked'}>
      <Tag color={away.approvedAt ? 'blue' : 'orange'}>{until ? t('away.allowedUntil', { time: hhmm(until, zone) }) : t('away.waiting')}</Tag>
      <Button type={away.approvedAt ? 'primary' : 'default'} loading={busy} onClick={() => void back(away.id)}>
        {t(away.approvedAt ? 'away.back' : 'away.withdraw')}
      </Button>
      <RuleCitation ruleId="duty.no-leaving-post" />
    </Space>
  );
}
