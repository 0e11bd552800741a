import { Button, Card, Form, Input, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import type { MethodOutput } from '../../../shared/api/table';
import { useSubmit } from '../../client/use-submit';
import { useT } from '../../i18n/i18n-store';
import { useClient } from '../../stores/session-store';
import { RuleChecklist } from '../rules/RuleChecklist';

interface Props {
  colleagues: MethodOutput<'swap.colleagues'>;
  myShifts: MethodOutput<'roster.mine'>;
  teams: MethodOutput<'org.teams'>;
  onSent(): void;
}

/** The registration form: my shift, the colleague, their shift I work in return; every rule checked as it is filled in. */
export function RequestSwapForm({ colleagues, myShifts, teams, onSent }: Props) {
  const t = useT();
  const client = useClient();
  const [partnerId, setPartnerId] = useState<string>();
  const [giveDate, setGiveDate] = useState<string>();
  const [takeDate, setTakeDate] = useState('');
  const [reason, setReason] = useState('');
  const [check, setCheck] = useState<MethodOutput<'swap.check'> | null>(null);
  const { busy, submit: send } = useSubmit();
  const ready = partnerId && giveDate && /^\d{4}-\d{2}-\d{2}$/.test(takeDate);

  useEffect(() => {
    let alive = true;
    if (!ready) return setCheck(null);
    void client.call('swap.check', { partnerId, giveDate, takeDate }).then((c) => alive && setCheck(c), () => alive && setCheck(null));
    return () => {
      alive = false;
    };
  }, [client, ready, partnerId, giveDate, takeDate]);

  const teamName = (id: string | null) => teams.find((x) => x.id === id)?.name ?? '';
  const failing = check?.checks.some((c) => c.status === 'fail') ?? true;
  const submit = async () => {
    if (!ready) return;
    await send(async () => {
      await client.call('swap.request', { id: crypto.randomUUID(), partnerId, giveDate, takeDate, reason });
      setPartnerId(undefined);
      setGiveDate(undefined);
      setTakeDate('');
      setReason('');
      onSent();
      return t('swap.sent');
    });
  };

  return (
    <Card size="small" title={t('swap.requestTitle')} style={{ marginBottom: 16 }}>
      <Space align="start" wrap size={24}>
        <Form layout="vertical" style={{ width: 360 }}>
          <Form.Item label={t('swap.give')}>
            <Select
              showSearch
              optionFilterProp="label"
              value={giveDate}
              onChange={setGiveDate}
              placeholder={t('swap.pickShift')}
              data-testid="swap-give"
              options={myShifts.map((s) => ({ value: s.date, label: `${s.date} ${s.shiftCode} ${s.shiftName}` }))}
            />
          </Form.Item>
          <Form.Item label={t('swap.partner')}>
            <Select
              showSearch
              value={partnerId}
              onChange={setPartnerId}
              optionFilterProp="label"
              placeholder={t('swap.pickPartner')}
              data-testid="swap-partner"
              options={colleagues.map((p) => ({ value: p.userId, label: `${p.name} (${p.username}) · ${teamName(p.teamId)}` }))}
            />
          </Form.Item>
          <Form.Item label={t('swap.take')} help={t('swap.takeHelp')}>
            <Input type="date" value={takeDate} onChange={(e) => setTakeDate(e.target.value)} data-testid="swap-take" />
          </Form.Item>
          <Form.Item label={t('swap.reason')}>
            <Input value={reason} maxLength={200} onChange={(e) => setReason(e.target.value)} data-testid="swap-reason" />
          </Form.Item>
          <Button type="primary" disabled={!ready || failing || !reason.trim()} loading={busy} onClick={() => void submit()} data-testid="swap-submit">
            {t('swap.submit')}
          </Button>
        </Form>
        <div style={{ width: 480 }}>
          {check ? (
            <>
              <div style={{ marginBottom: 8 }}>{t('swap.preview', { give: check.giveShift ?? '?', take: check.takeShift ?? '?' })}</div>
              <RuleChecklist checks={check.checks} />
            </>
          ) : (
            <div style={{ color: 'rgba(0,0,0,0.45)' }}>{t('swap.fillIn')}</div>
          )}
        </div>
      </Space>
    </Card>
  );
}
