import { Button, Card, InputNumber, List, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import type { Actor } from '../../../shared/auth/roles';
import { firstDay } from '../../../shared/calendar/month';
import { LoadError } from '../../client/LoadError';
import { useQuery } from '../../client/use-query';
import { useSubmit } from '../../client/use-submit';
import { useI18n, useT } from '../../i18n/i18n-store';
import { useClient } from '../../stores/session-store';
import { DateField } from '../calendar/DateField';
import { RuleBasis } from '../rules/RuleCitation';
import { dayText } from '../swap/swap-text';

/** leave.discipline: the duty lead records lateness or time away; everyone sees their own records. */
export function DisciplinePanel({ actor, month, colleagues }: { actor: Actor; month: string; colleagues: readonly { userId: string; name: string; username: string; teamId: string | null }[] }) {
  const t = useT();
  const locale = useI18n((s) => s.locale);
  const client = useClient();
  const { submit } = useSubmit();
  const q = useQuery('discipline.list', { from: firstDay(month) }, { tables: ['violations'] });
  const [userId, setUserId] = useState<string>();
  const [date, setDate] = useState<string | null>(null);
  const [kind, setKind] = useState<'late' | 'away'>('late');
  const [minutes, setMinutes] = useState(20);
  const mayRecord = actor.role === 'team_lead' || actor.role === 'department_director';

  const record = async () => {
    if (!userId || !date) return;
    await submit(async () => {
      await client.call('discipline.record', { id: crypto.randomUUID(), userId, date, kind, minutes });
      q.reload();
      return t('discipline.recorded');
    });
  };
  const people = colleagues.filter((c) => actor.role !== 'team_lead' || c.teamId === actor.teamId);

  return (
    <Card size="small" title={t('discipline.title')} style={{ marginBottom: 16 }}>
      {mayRecord && (
        <Space wrap style={{ marginBottom: 12 }}>
          <Select style={{ width: 180 }} placeholder={t('discipline.person')} value={userId} onChange={setUserId} showSearch optionFilterProp="label" options={people.map((p) => ({ value: p.userId, label: `${p.name} (${p.username})` }))} />
          <DateField value={date} onChange={setDate} />
          <Select style={{ width: 120 }} value={kind} onChange={setKind} options={(['late', 'away'] as const).map((k) => ({ value: k, label: t(`discipline.kind.${k}`) }))} />
          <InputNumber min={1} max={1440} value={minutes} onChange={(v) => setMinutes(Number(v ?? 1))} addonAfter={t('discipline.minutes')} />
          <Button onClick={() => void record()} disabled={!userId || !date}>
            {t('discipline.record')}
          </Button>
        </Space>
      )}
      <LoadError error={q.error} onRetry={q.reload} />
      <List
        size="small"
        dataSource={q.data ?? []}
        locale={{ emptyText: t('discipline.none') }}
        renderItem={(v) => (
          <List.Item>
            <Space>
              <Tag color="red">{t(`discipline.kind.${v.kind}`)}</Tag>
              {t('discipline.line', { name: v.userName, date: dayText(locale, v.date), minutes: v.minutes })}
              <RuleBasis ruleIds={v.ruleIds} />
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}
