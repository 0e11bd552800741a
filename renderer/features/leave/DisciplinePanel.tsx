import { Button, Card, Input, InputNumber, List, Select, Space, Tag } from 'antd';
import { useEffect, useState } from 'react';
import type { MethodOutput } from '../../../shared/api/table';
import type { Actor } from '../../../shared/auth/roles';
import { useSubmit } from '../../client/use-submit';
import { useT } from '../../i18n/i18n-store';
import { useClient } from '../../stores/session-store';

/** leave.discipline: the duty lead records lateness or time away; everyone sees their own records. */
export function DisciplinePanel({ actor, month, colleagues }: { actor: Actor; month: string; colleagues: MethodOutput<'swap.colleagues'> }) {
  const t = useT();
  const client = useClient();
  const { submit } = useSubmit();
  const [list, setList] = useState<MethodOutput<'discipline.list'>>([]);
  const [userId, setUserId] = useState<string>();
  const [date, setDate] = useState('');
  const [kind, setKind] = useState<'late' | 'away'>('late');
  const [minutes, setMinutes] = useState(20);
  const [reloads, setReloads] = useState(0);
  const mayRecord = actor.role === 'team_lead' || actor.role === 'department_director';

  useEffect(() => {
    let alive = true;
    void client.call('discipline.list', { from: `${month}-01` }).then((v) => alive && setList(v), () => undefined);
    return () => {
      alive = false;
    };
  }, [client, month, reloads]);

  const record = async () => {
    if (!userId) return;
    await submit(async () => {
      await client.call('discipline.record', { id: crypto.randomUUID(), userId, date, kind, minutes });
      setReloads((n) => n + 1);
      return t('discipline.recorded');
    });
  };
  const people = colleagues.filter((c) => actor.role !== 'team_lead' || c.teamId === actor.teamId);

  return (
    <Card size="small" title={t('discipline.title')} style={{ marginBottom: 16 }}>
      {mayRecord && (
        <Space wrap style={{ marginBottom: 12 }}>
          <Select style={{ width: 180 }} placeholder={t('discipline.person')} value={userId} onChange={setUserId} showSearch optionFilterProp="label" options={people.map((p) => ({ value: p.userId, label: `${p.name} (${p.username})` }))} />
          <Input type="date" style={{ width: 160 }} value={date} onChange={(e) => setDate(e.target.value)} />
          <Select style={{ width: 120 }} value={kind} onChange={setKind} options={(['late', 'away'] as const).map((k) => ({ value: k, label: t(`discipline.kind.${k}`) }))} />
          <InputNumber min={1} max={1440} value={minutes} onChange={(v) => setMinutes(Number(v ?? 1))} addonAfter={t('discipline.minutes')} />
          <Button onClick={() => void record()} disabled={!userId || !date}>
            {t('discipline.record')}
          </Button>
        </Space>
      )}
      <List
        size="small"
        dataSource={list}
        locale={{ emptyText: t('discipline.none') }}
        renderItem={(v) => (
          <List.Item>
            <Space>
              <Tag color="red">{t(`discipline.kind.${v.kind}`)}</Tag>
              {t('discipline.line', { name: v.userName, date: v.date, minutes: v.minutes })}
              <Tag>{v.ruleIds.join(', ')}</Tag>
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}
