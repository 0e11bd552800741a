import { Alert, Button, Card, Form, Input, Select, Space, Upload } from 'antd';
import { useState } from 'react';
import type { MethodOutput } from '../../../shared/api/table';
import { LEAVE_TYPES, LeaveDraftSchema, type Certificate, type LeaveType } from '../../../shared/leave/schemas';
import type { Actor } from '../../../shared/auth/roles';
import { fieldMessages, localIssues } from '../../client/error-text';
import { useSubmit } from '../../client/use-submit';
import { useQuery } from '../../client/use-query';
import { useT } from '../../i18n/i18n-store';
import { useClient } from '../../stores/session-store';
import { RuleChecklist } from '../rules/RuleChecklist';
import { DateField } from '../calendar/DateField';
import { useSyncStatus } from '../sync/use-sync-status';
import { readCertificate } from './read-certificate';

/**
 * A leave request with every rule checked as it is filled in (by the server when the desk can reach it);
 * sick leave may be filed for a colleague (leave.in-person). An end before the start is said under the field.
 */
export function RequestLeaveForm({ actor, colleagues, today, onSent }: { actor: Actor; colleagues: MethodOutput<'swap.colleagues'>; today: string; onSent(): void }) {
  const t = useT();
  const client = useClient();
  const sync = useSyncStatus()?.state;
  const [type, setType] = useState<LeaveType>('personal');
  const [userId, setUserId] = useState(actor.userId);
  const [fromDate, setFrom] = useState<string | null>(null);
  const [toDate, setTo] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [certificate, setCertificate] = useState<Certificate | null>(null);
  const { busy, submit: send } = useSubmit();
  const draft = { userId, type, fromDate: fromDate ?? '', toDate: toDate ?? fromDate ?? '' };
  const parsed = LeaveDraftSchema.safeParse(draft);
  const errors = fromDate && !parsed.success ? fieldMessages(t, localIssues(parsed.error, draft)) : {};
  const check = useQuery('leave.check', parsed.success ? parsed.data : null, { tables: ['roster', 'swaps', 'leave_requests', 'calendar_overrides'] });
  const checks = parsed.success ? check.data : undefined;
  const byServer = sync === 'online' || sync === 'syncing';

  const submit = async () => {
    if (!parsed.success) return;
    await send(async () => {
      await client.call('leave.request', { id: crypto.randomUUID(), ...parsed.data, reason, certificate });
      setFrom(null);
      setTo(null);
      setReason('');
      setCertificate(null);
      onSent();
      return t(byServer || sync === 'standalone' ? 'leave.sent' : 'leave.savedOffline');
    });
  };
  const sick = type === 'sick' || type === 'sick_emergency';
  const teamMates = colleagues.filter((c) => c.teamId === actor.teamId);

  return (
    <Card size="small" title={t('leave.requestTitle')} style={{ marginBottom: 16 }}>
      <Space align="start" wrap size={24}>
        <Form layout="vertical" style={{ width: 380 }}>
          <Form.Item label={t('leave.type')}>
            <Select value={type} onChange={(v) => (setType(v), !['sick', 'sick_emergency'].includes(v) && setUserId(actor.userId))} options={LEAVE_TYPES.map((x) => ({ value: x, label: t(`leave.type.${x}`) }))} data-testid="leave-type" />
          </Form.Item>
          {sick && (
            <Form.Item label={t('leave.for')}>
              <Select value={userId} onChange={setUserId} options={[{ value: actor.userId, label: t('leave.forSelf') }, ...teamMates.map((c) => ({ value: c.userId, label: `${c.name} (${c.username})` }))]} />
            </Form.Item>
          )}
          <Space align="start">
            <Form.Item label={t('leave.from')} validateStatus={errors.fromDate ? 'error' : undefined} help={errors.fromDate}>
              <DateField value={fromDate} onChange={setFrom} min={today} data-testid="leave-from" />
            </Form.Item>
            <Form.Item label={t('leave.to')} validateStatus={errors.toDate ? 'error' : undefined} help={errors.toDate}>
              <DateField value={toDate} onChange={setTo} status={errors.toDate ? 'error' : undefined} allowClear data-testid="leave-to" />
            </Form.Item>
          </Space>
          <Form.Item label={t('leave.reason')}>
            <Input value={reason} maxLength={200} onChange={(e) => setReason(e.target.value)} data-testid="leave-reason" />
          </Form.Item>
          {type === 'sick' && parsed.success && (
            <Form.Item label={t('leave.certificate')} help={certificate ? t('leave.attached') : undefined}>
              <Upload accept="image/png,image/jpeg,application/pdf" maxCount={1} showUploadList={false} beforeUpload={(file) => (void readCertificate(file, parsed.data.fromDate, parsed.data.toDate).then(setCertificate), false)}>
                <Button>{t('leave.attach')}</Button>
              </Upload>
            </Form.Item>
          )}
          <Button type="primary" disabled={!parsed.success || !reason.trim() || !checks || checks.checks.some((c) => c.status === 'fail')} loading={busy} onClick={() => void submit()} data-testid="leave-submit">
            {t('leave.submit')}
          </Button>
        </Form>
        <div style={{ width: 500 }}>
          {checks ? (
            <>
              <div style={{ marginBottom: 8 }}>
                {t('leave.days', { days: checks.days })} · {t('leave.chain', { chain: checks.chain.map((l) => t(`leave.level.${l as 'team_lead'}`)).join(' → ') })}
              </div>
              <Alert type={byServer ? 'success' : 'info'} showIcon style={{ marginBottom: 8 }} title={t(byServer ? 'swap.checkedByServer' : 'leave.checkedLocally')} />
              <RuleChecklist checks={checks.checks} />
            </>
          ) : (
            <div style={{ color: 'rgba(0,0,0,0.45)' }}>{t('leave.fillIn')}</div>
          )}
        </div>
      </Space>
    </Card>
  );
}
