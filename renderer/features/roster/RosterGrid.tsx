import { App, Button, Card, Select, Space, Spin, Typography } from 'antd';
import './roster-grid.css';
import { useEffect, useMemo, useState } from 'react';
import { mayCall } from '../../../shared/api/method';
import { api, type MethodOutput } from '../../../shared/api/table';
import { dateInZone } from '../../../shared/policy/zoned-date';
import { errorText } from '../../client/error-text';
import { useI18n, useT } from '../../i18n/i18n-store';
import { useClient, useSession } from '../../stores/session-store';
import { dayLabel } from './day-label';
import { MonthGridView } from './MonthGridView';
import { useSyncStatus } from '../sync/use-sync-status';
import { RosterImportExport } from './RosterImport';
import { useCenterToday } from '../../client/use-policy';

type Month = MethodOutput<'roster.month'>;

function shiftMonth(month: string, delta: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + delta, 1));
  return d.toISOString().slice(0, 7);
}

/** Month grid for leads and directors: people × days, coverage per shift against its minimum, editable by who may. */
export function RosterGrid() {
  const t = useT();
  const locale = useI18n((s) => s.locale);
  const client = useClient();
  const actor = useSession((s) => s.actor)!;
  const { message } = App.useApp();
  const canEdit = mayCall(api['roster.assign'].access, actor);
  const [month, setMonth] = useState(() => dateInZone(Date.now(), 'Asia/Shanghai').slice(0, 7));
  const [teamId, setTeamId] = useState<string | undefined>(actor.teamId ?? undefined);
  const [data, setData] = useState<Month | null>(null);
  const [types, setTypes] = useState<MethodOutput<'roster.shiftTypes'>>([]);
  const { zone: centerZone, loaded: zoneLoaded } = useCenterToday();
  const zone = zoneLoaded ? centerZone : null;
  const standalone = useSyncStatus()?.state === 'standalone';

  useEffect(() => {
    let alive = true;
    const load = () => void client.call('roster.month', { month, teamId }).then((v) => alive && setData(v), () => undefined);
    load();
    void client.call('roster.shiftTypes', {}).then((v) => alive && setTypes(v), () => undefined);
    const off = client.onEvent((e) => e.type === 'changed' && e.tables.includes('roster') && load());
    return () => {
      alive = false;
      off();
    };
  }, [client, month, teamId]);

  const cover = useMemo(() => new Map((data?.coverage ?? []).map((c) => [`${c.shiftCode}|${c.date}`, c])), [data]);
  const menuItems = useMemo(() => [...types.map((s) => ({ key: s.code, label: `${s.code} ${s.name} ${s.start}–${s.end}` })), { key: '', label: t('roster.rest') }], [types, t]);

  const assign = async (userId: string, date: string, shiftCode: string | null) => {
    try {
      await client.call('roster.assign', { id: crypto.randomUUID(), userId, date, shiftCode });
    } catch (err) {
      void message.error(errorText(t, err));
    }
  };

  const weekdayFmt = new Intl.DateTimeFormat(locale, { weekday: 'narrow', timeZone: 'UTC' });
  // Native titles, not Tooltip components: 31 headers and 3 × 31 coverage cells re-render on every open.
  const header = (d: Month['days'][number]) => (
    <div title={dayLabel(t, d) ?? t(`day.${d.kind}`)} style={{ color: d.kind === 'holiday' ? '#cf1322' : undefined }}>
      <div>{Number(d.date.slice(8))}</div>
      <div style={{ fontSize: 11, fontWeight: 400 }}>{d.kind === 'makeUpWorkday' ? t('roster.makeUpMark') : weekdayFmt.format(new Date(`${d.date}T00:00:00Z`))}</div>
    </div>
  );
  const coverageRows = types.map((s) => ({
    label: t('roster.coverage', { shift: s.code }),
    cells: (d: Month['days'][number]) => {
      const c = cover.get(`${s.code}|${d.date}`);
      if (!c) return null;
      const under = c.count < c.min;
      return (
        <span title={under ? t('roster.under', { min: c.min }) : undefined} className={under ? 'zb-under' : 'zb-covered'} data-under={under || undefined}>
          {c.count}
        </span>
      );
    },
  }));

  return (
    <Card
      title={t('roster.title', { month })}
      extra={
        <Space>
          {actor.role !== 'team_lead' && (
            <Select
              style={{ width: 160 }}
              value={teamId ?? ''}
              onChange={(v) => setTeamId(v || undefined)}
              options={[{ value: '', label: t('roster.allTeams') }, ...(data?.teams ?? []).map((tm) => ({ value: tm.id, label: tm.name }))]}
            />
          )}
          <Typography.Text type="secondary">{t('roster.peopleCount', { count: data?.people.length ?? 0 })}</Typography.Text>
          {canEdit && data && zone && <RosterImportExport month={month} data={data} types={types} teamId={actor.role === 'team_lead' ? actor.teamId : null} timeZone={zone} />}
          <Button onClick={() => setMonth(shiftMonth(month, -1))}>{t('roster.prev')}</Button>
          <Button onClick={() => setMonth(shiftMonth(month, 1))}>{t('roster.next')}</Button>
        </Space>
      }
    >
      {data === null ? (
        <Spin />
      ) : (
        <MonthGridView
          days={data.days}
          people={data.people}
          header={header}
          coverage={coverageRows}
          personLabel={t('roster.person')}
          canEdit={canEdit}
          showPending={!standalone}
          editMenu={{ items: menuItems, onPick: (userId, date, code) => void assign(userId, date, code) }}
          height={600}
        />
      )}
    </Card>
  );
}
