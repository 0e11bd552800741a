import { Alert, Button, Card, Form, Input, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { MethodOutput } from '../../../shared/api/table';
import { useSubmit } from '../../client/use-submit';
import { useQuery } from '../../client/use-query';
import { useNames } from '../../client/names';
import { useI18n, useT } from '../../i18n/i18n-store';
import { useClient, useSession } from '../../stores/session-store';
import { RuleChecklist } from '../rules/RuleChecklist';
import { DateField } from '../calendar/DateField';
import { useSyncStatus } from '../sync/use-sync-status';
import { dayText, swapSideLine } from './swap-text';

interface Props {
  colleagues: MethodOutput<'swap.colleagues'>;
  myShifts: MethodOutput<'roster.mine'>;
  onSent(): void;
}

/**
 * The registration form: my shift, the colleague, their shift I work in return. Online, every rule is the
 * server's verdict (it holds the other team), so what says "can be sent" is what the server accepts; the
 * colleague's shifts around the day are shown and the pay-back days every rule allows are offered.
 */
export function RequestSwapForm({ colleagues, myShifts, onSent }: Props) {
  const t = useT();
  const locale = useI18n((s) => s.locale);
  const client = useClient();
  const actor = useSession((s) => s.actor)!;
  const names = useNames();
  const sync = useSyncStatus()?.state;
  const [partnerId, setPartnerId] = useState<string>();
  const [giveDate, setGiveDate] = useState<string>();
  const [takeDate, setTakeDate] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const { busy, submit: send } = useSubmit();
  const partner = colleagues.find((c) => c.userId === partnerId);
  const options = useQuery('swap.options', partnerId && giveDate ? { partnerId, giveDate } : null, { tables: ['roster', 'swaps', 'leave_requests'] });
  const ready = partnerId && giveDate && takeDate;
  const check = useQuery('swap.check', ready ? { partnerId, giveDate, takeDate } : null, { tables: ['roster', 'swaps', 'leave_requests'] });
  const checks = ready ? check.data?.checks : undefined;
  const failing = !checks || checks.some((c) => c.status === 'fail');
  const byServer = sync === 'online' || sync === 'syncing';

  const submit = async () => {
    if (!ready) return;
    await send(async () => {
      await client.call('swap.request', { id: crypto.randomUUID(), partnerId, giveDate, takeDate, reason });
      setPartnerId(undefined);
      setGiveDate(undefined);
      setTakeDate(null);
      setReason('');
      onSent();
      return t(byServer || sync === 'standalone' ? 'swap.sent' : 'swap.savedOffline');
    });
  };

  const suggested = new Set((options.data?.suggestions ?? []).map((s) => s.takeDate));
  return (
    <Card size="small" title={t('swap.requestTitle')} style={{ marginBottom: 16 }}>
      <Space align="start" wrap size={24}>
        <Form layout="vertical" style={{ width: 380 }}>
          <Form.Item label={t('swap.give')}>
            <Select
              showSearch
              optionFilterProp="label"
              value={giveDate}
              onChange={(d) => {
                setGiveDate(d);
                setTakeDate(null);
              }}
              placeholder={t('swap.pickShift')}
              data-testid="swap-give"
              options={myShifts.map((s) => ({ value: s.date, label: `${s.date} ${dayText(locale, s.date)} ${names.shift(s.shiftCode)}` }))}
            />
          </Form.Item>
          <Form.Item label={t('swap.partner')}>
            <Select
              showSearch
              value={partnerId}
              onChange={(p) => {
                setPartnerId(p);
                setTakeDate(null);
              }}
              optionFilterProp="label"
              placeholder={t('swap.pickPartner')}
              data-testid="swap-partner"
              options={colleagues.map((p) => ({ value: p.userId, label: `${p.name} (${p.username}) · ${names.team(p.teamId)}` }))}
            />
          </Form.Item>
          {partner && giveDate && (
            <div style={{ marginBottom: 12 }} data-testid="swap-partner-shifts">
              {options.data?.partnerShifts === null ? (
                <Typography.Text type="secondary">{t('swap.partnerShiftsUnknown', { name: partner.name })}</Typography.Text>
              ) : (
                <>
                  <Typography.Text type="secondary">{t('swap.partnerShifts', { name: partner.name })}</Typography.Text>
                  <div style={{ marginTop: 4, display: 'flex', flexWrap: 'wrap', gap: 4 }}>
                    {(options.data?.partnerShifts ?? []).map((s) => (
                      <Tag.CheckableTag
                        key={s.date}
                        checked={takeDate === s.date}
                        onChange={() => setTakeDate(s.date)}
                        data-date={s.date}
                        data-suggested={suggested.has(s.date) ? 'yes' : 'no'}
                        style={{ border: suggested.has(s.date) ? '1px solid #52c41a' : '1px solid #d9d9d9' }}
                      >
                        {dayText(locale, s.date)} {names.shift(s.code, true)}
                      </Tag.CheckableTag>
                    ))}
                  </div>
                  {options.data && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {suggested.size > 0 ? `${t('swap.suggested')}: ${[...suggested].map((d) => dayText(locale, d)).join('、')}` : t('swap.noSuggestion')}
                    </Typography.Text>
                  )}
                </>
              )}
            </div>
          )}
          <Form.Item label={t('swap.take')} help={t('swap.takeHelp')}>
            <DateField value={takeDate} onChange={setTakeDate} min={giveDate} data-testid="swap-take" />
          </Form.Item>
          <Form.Item label={t('swap.reason')}>
            <Input value={reason} maxLength={200} onChange={(e) => setReason(e.target.value)} data-testid="swap-reason" />
          </Form.Item>
          <Button type="primary" disabled={!ready || failing || !reason.trim()} loading={busy} onClick={() => void submit()} data-testid="swap-submit">
            {t('swap.submit')}
          </Button>
        </Form>
        <div style={{ width: 500 }}>
          {ready && checks ? (
            <>
              <div style={{ marginBottom: 8 }}>
                <Typography.Text strong>
                  {swapSideLine(t, locale, { requesterId: actor.userId, requesterName: actor.displayName, partnerId: partner!.userId, partnerName: partner!.name, giveDate, giveShift: check.data?.giveShift ?? null, takeDate, takeShift: check.data?.takeShift ?? null }, actor.userId)}
                </Typography.Text>
              </div>
              <Alert type={byServer ? 'success' : 'info'} showIcon style={{ marginBottom: 8 }} title={t(byServer ? 'swap.checkedByServer' : 'swap.checkedLocally')} data-testid="swap-checked-by" />
              <RuleChecklist checks={checks} />
            </>
          ) : (
            <div style={{ color: 'rgba(0,0,0,0.45)' }}>{t('swap.fillIn')}</div>
          )}
        </div>
      </Space>
    </Card>
  );
}
