import { Button, Card, Form, Input, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import type { MethodOutput } from '../../../shared/api/table';
import { LEAVE_TYPES, type Certificate, type LeaveType } from '../../../shared/leave/schemas';
import type { Actor } from '../../../shared/auth/roles';
import { useSubmit } from '../../client/use-submit';
import { useT } from '../../i18n/i18n-store';
import { useClient } from '../../stores/session-store';
import { RuleChecklist } from '../rules/RuleChecklist';
import { readCertificate } from './read-certificate';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A leave request with every rule checked as it is filled in; sick leave may be filed for a colleague (leave.in-person). */
export function RequestLeaveForm({ actor, colleagues, onSent }: { actor: Actor; colleagues: MethodOutput<'swap.colleagues'>; onSent(): void }) {
  const t = useT();
  const client = useClient();
  const [type, setType] = useState<LeaveType>('personal');
  const [userId, setUserId] = useState(actor.userId);
  const [fromDate, setFrom] = useState('');
  const [toDate, setTo] = useState('');
  const [reason, setReason] = useState('');
  const [certificate, setCertificate] = useState<Certificate | null>(null);
  const [check, setCheck] = useState<MethodOutput<'leave.check'> | null>(null);
  const { busy, submit: send } = useSubmit();
  const ready = DATE.test(fromDate) && DATE.test(toDate || fromDate);
  const to = toDate || fromDate;

  useEffect(() => {
    let alive = true;
    if (!ready) return setCheck(null);
    void client.call('leave.check', { userId, type, fromDate, toDate: to }).then((c) => alive && setCheck(c), () => alive && setCheck(null));
    return () => {
      alive = false;
    };
  }, [client, ready, userId, type, fromDate, to]);

  const submit = async () => {
    await send(async () => {
      await client.call('leave.request', { id: crypto.randomUUID(), userId, type, fromDate, toDate: to, reason, certificate });
      setFrom('');
      setTo('');
      setReason('');
      setCertificate(null);
      onSent();
      return t('leave.sent');
    });
  };
  const sick = type === 'sick' || type === 'sick_emergency';
  const teamMates = colleagues.filter((c) => c.teamId === actor.teamId);

  return (
    <Card size="small" title={t('leave.requestTitle')} style={{ marginBottom: 16 }}>
      <Space align="start" wrap size={24}>
        <Form layout="vertical" style={{ width: 360 }}>
          <Form.Item label={t('leave.type')}>
            <Select value={type} onChange={(v) => (setType(v), !['sick', 'sick_emergency'].includes(v) && setUserId(actor.userId))} options={LEAVE_TYPES.map((x) => ({ value: x, label: t(`leave.type.${x}`) }))} data-testid="leave-type" />
          </Form.Item>
          {sick && (
            <Form.Item label={t('leave.for')}>
              <Select value={userId} onChange={setUserId} options={[{ value: actor.userId, label: t('leave.forSelf') }, ...teamMates.map((c) => ({ value: c.userId, label: `${c.name} (${c.username})` }))]} />
            </Form.Item>
          )}
          <Space>
            <Form.Item label={t('leave.from')}>
              <Input type="date" value={fromDate} onChange={(e) => setFrom(e.target.value)} data-testid="leave-from" />
            </Form.Item>
            <Form.Item label={t('leave.to')}>
              <Input type="date" value={toDate} onChange={(e) => setTo(e.target.value)} data-testid="leave-to" />
            </Form.Item>
          </Space>
          <Form.Item label={t('leave.reason')}>
            <Input value={reason} maxLength={200} onChange={(e) => setReason(e.target.value)} data-testid="leave-reason" />
          </Form.Item>
          {type === 'sick' && ready && (
            <Form.Item label={t('leave.certificate')} help={certificate ? t('leave.attached') : undefined}>
              <input type="file" accept="image/png,image/jpeg,application/pdf" onChange={(e) => e.target.files?.[0] && void readCertificate(e.target.files[0], fromDate, to).then(setCertificate)} />
            </Form.Item>
          )}
          <Button type="primary" disabled={!ready || !reason.trim() || !check || check.checks.some((c) => c.status === 'fail')} loading={busy} onClick={() => void submit()} data-testid="leave-submit">
            {t('leave.submit')}
          </Button>
        </Form>
        <div style={{ width: 480 }}>
          {check ? (
            <>
              <div style={{ marginBottom: 8 }}>
                {t('leave.days', { days: check.days })} · {t('leave.chain', { chain: check.chain.map((l) => t(`leave.level.${l as 'team_lead'}`)).join(' → ') })}
              </div>
              <RuleChecklist checks={check.checks} />
            </>
          ) : (
            <div style={{ color: 'rgba(0,0,0,0.45)' }}>{t('leave.fillIn')}</div>
          )}
        </div>
      </Space>
    </Card>
  );
}
