import { App, Button, Card, Dropdown, Select, Space, Table, Typography } from 'antd';
import './roster-grid.css';
import { useEffect, useMemo, useState } from 'react';
import { mayCall } from '../../../shared/api/method';
import { api, type MethodOutput } from '../../../shared/api/table';
import { dateInZone } from '../../../shared/policy/zoned-date';
import { errorText } from '../../client/error-text';
import { useI18n, useT } from '../../i18n/i18n-store';
import { useClient, useSession } from '../../stores/session-store';
import { DAY_COLORS, dayLabel } from './day-label';
import { RosterImportExport } from './RosterImport';
import { useCenterZone } from './use-center-zone';

type Month = MethodOutput<'roster.month'>;
type GridRow = { key: string; kind: 'coverage'; shiftCode: string } | { key: string; kind: 'person'; userId: string; name: string };

const SHIFT_CLASSES = new Set(['D', 'E', 'N']);

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
  const [editing, setEditing] = useState<string | null>(null);
  const zone = useCenterZone();

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

  const cells = useMemo(() => new Map((data?.entries ?? []).map((e) => [`${e.userId}|${e.date}`, e])), [data]);
  const cover = useMemo(() => new Map((data?.coverage ?? []).map((c) => [`${c.shiftCode}|${c.date}`, c])), [data]);
  const rows: GridRow[] = useMemo(
    () => [
      ...types.map((s) => ({ key: `cov-${s.code}`, kind: 'coverage' as const, shiftCode: s.code })),
      ...(data?.people ?? []).map((p) => ({ key: p.userId, kind: 'person' as const, userId: p.userId, name: p.name })),
    ],
    [types, data],
  );

  const assign = async (userId: string, date: string, shiftCode: string | null) => {
    try {
      await client.call('roster.assign', { id: crypto.randomUUID(), userId, date, shiftCode });
    } catch (err) {
      void message.error(errorText(t, err));
    }
  };

  const weekdayFmt = new Intl.DateTimeFormat(locale, { weekday: 'narrow', timeZone: 'UTC' });
  const columns = [
    {
      title: t('roster.person'),
      key: 'person',
      width: 130,
      fixed: 'left' as const,
      render: (_: unknown, r: GridRow) =>
        r.kind === 'coverage' ? <Typography.Text type="secondary">{t('roster.coverage', { shift: r.shiftCode })}</Typography.Text> : r.name,
    },
    ...(data?.days ?? []).map((d) => ({
      key: d.date,
      width: 46,
      align: 'center' as const,
      // Native titles, not Tooltip components: 31 headers and 3 × 31 coverage cells re-render on every open.
      title: (
        <div title={dayLabel(t, d) ?? t(`day.${d.kind}`)} style={{ lineHeight: 1.2, color: d.kind === 'holiday' ? '#cf1322' : undefined }}>
          <div>{Number(d.date.slice(8))}</div>
          <div style={{ fontSize: 11 }}>{d.kind === 'makeUpWorkday' ? t('roster.makeUpMark') : weekdayFmt.format(new Date(`${d.date}T00:00:00Z`))}</div>
        </div>
      ),
      onCell: () => ({ style: { background: DAY_COLORS[d.kind], padding: 2 } }),
      render: (_: unknown, r: GridRow) => {
        if (r.kind === 'coverage') {
          const c = cover.get(`${r.shiftCode}|${d.date}`);
          if (!c) return null;
          const under = c.count < c.min;
          return (
            <span title={under ? t('roster.under', { min: c.min }) : undefined} className={under ? 'zb-under' : 'zb-covered'} data-under={under || undefined}>
              {c.count}
            </span>
          );
        }
        const e = cells.get(`${r.userId}|${d.date}`);
        const cellKey = `${r.userId}|${d.date}`;
        const cls = `zb-cell ${e ? `zb-${SHIFT_CLASSES.has(e.shiftCode) ? e.shiftCode : 'other'}${e.synced ? '' : ' zb-pending'}` : 'zb-rest'}${canEdit ? ' zb-edit' : ''}`;
        const cell = (
          <span className={cls} data-cell={cellKey}>
            {e ? e.shiftCode : '·'}
          </span>
        );
        // One menu for the whole grid, attached to the cell being edited only.
        if (editing !== cellKey) return cell;
        return (
          <Dropdown
            open
            onOpenChange={(open) => !open && setEditing(null)}
            trigger={['click']}
            menu={{
              items: [...types.map((s) => ({ key: s.code, label: `${s.code} ${s.name} ${s.start}–${s.end}` })), { key: '', label: t('roster.rest') }],
              onClick: ({ key }) => {
                setEditing(null);
                void assign(r.userId, d.date, key || null);
              },
            }}
          >
            {cell}
          </Dropdown>
        );
      },
    })),
  ];

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
      <div
        onClick={(ev) => {
          const key = canEdit ? (ev.target as HTMLElement).closest('[data-cell]')?.getAttribute('data-cell') : null;
          if (key) setEditing(key);
        }}
      >
      <Table<GridRow>
        virtual
        size="small"
        bordered
        rowKey="key"
        loading={data === null}
        dataSource={rows}
        columns={columns}
        pagination={false}
        scroll={{ x: 130 + 46 * (data?.days.length ?? 31), y: 560 }}
        data-testid="roster-grid"
      />
      </div>
    </Card>
  );
}
