import { App, Button, Card, Checkbox, Input, InputNumber, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { mayCall } from '../../../shared/api/method';
import { api } from '../../../shared/api/table';
import { crossesMidnight } from '../../../shared/roster/shift-time';
import type { ShiftType } from '../../../shared/roster/schemas';
import { CallError } from '../../client/desk-client';
import { errorText, fieldMessages } from '../../client/error-text';
import { useT } from '../../i18n/i18n-store';
import { useClient, useSession } from '../../stores/session-store';
import { useQuery } from '../../client/use-query';
import { LoadError } from '../../client/LoadError';
import { useNames } from '../../client/names';
import { ShiftTypeNames } from './ShiftTypeNames';

type Draft = ShiftType & { isNew?: boolean };

/** Directors set the center's shift types: times, night flag and the minimum people per team. */
export function ShiftTypesPage() {
  const t = useT();
  const client = useClient();
  const actor = useSession((s) => s.actor)!;
  const { message } = App.useApp();
  const canEdit = mayCall(api['roster.saveShiftType'].access, actor);
  const saved = useQuery('roster.shiftTypes', {}, { tables: ['shift_types'] });
  const teamsQ = useQuery('org.teams', {}, { tables: ['teams'] });
  const teams = teamsQ.data ?? [];
  const names = useNames();
  // What is on screen: the saved types until someone edits, then the edited copy.
  const [drafts, setRows] = useState<Draft[] | null>(null);
  const rows: Draft[] | null = drafts ?? saved.data ?? null;
  const [errors, setErrors] = useState<Record<string, Record<string, string>>>({});

  const edit = (i: number, patch: Partial<Draft>) => setRows((r) => (r ?? saved.data ?? []).map((x, j) => (j === i ? { ...x, ...patch } : x)));
  const save = async (i: number) => {
    const { isNew: _n, ...row } = rows![i]!;
    try {
      await client.call('roster.saveShiftType', row);
      edit(i, { isNew: false });
      setErrors((e) => ({ ...e, [i]: {} }));
      void message.success(t('shiftTypes.saved', { code: row.code }));
    } catch (err) {
      if (err instanceof CallError && err.wire.fields) setErrors((e) => ({ ...e, [i]: fieldMessages(t, err.wire.fields!) }));
      void message.error(errorText(t, err));
    }
  };
  const err = (i: number, f: string) => errors[i]?.[f];

  return (
    <Card
      title={t('shiftTypes.title')}
      extra={
        canEdit && (
          <Button onClick={() => setRows((r) => [...(r ?? saved.data ?? []), { code: '', name: '', start: '09:00', end: '17:00', night: false, minCoverage: {}, names: {}, shortNames: {}, isNew: true }])}>{t('shiftTypes.add')}</Button>
        )
      }
    >
      <LoadError error={saved.error ?? teamsQ.error} onRetry={() => (saved.reload(), teamsQ.reload())} />
      <Table<Draft>
        size="small"
        rowKey={(r) => (r.isNew ? `new-${rows?.indexOf(r)}` : r.code)}
        loading={rows === null && saved.error === null}
        dataSource={rows ?? []}
        pagination={false}
        // Names per language under each row: the grid's cells and every screen read them.
        expandable={{ expandedRowRender: (r, i) => <ShiftTypeNames row={r} disabled={!canEdit} onChange={(patch) => edit(i, patch)} /> }}
        columns={[
          { title: t('shiftTypes.code'), width: 100, render: (_, r, i) => <Input value={r.code} disabled={!canEdit || !r.isNew} status={err(i, 'code') ? 'error' : undefined} onChange={(e) => edit(i, { code: e.target.value.toUpperCase() })} /> },
          { title: t('shiftTypes.name'), width: 140, render: (_, r, i) => <Input value={r.name} disabled={!canEdit} status={err(i, 'name') ? 'error' : undefined} onChange={(e) => edit(i, { name: e.target.value })} /> },
          { title: t('shiftTypes.start'), width: 100, render: (_, r, i) => <Input value={r.start} disabled={!canEdit} status={err(i, 'start') ? 'error' : undefined} onChange={(e) => edit(i, { start: e.target.value })} /> },
          {
            title: t('shiftTypes.end'),
            width: 170,
            render: (_, r, i) => (
              <Space>
                <Input value={r.end} disabled={!canEdit} style={{ width: 80 }} status={err(i, 'end') ? 'error' : undefined} onChange={(e) => edit(i, { end: e.target.value })} />
                {/^\d\d:\d\d$/.test(r.start) && /^\d\d:\d\d$/.test(r.end) && crossesMidnight(r) && <Tag>{t('shiftTypes.crossesMidnight')}</Tag>}
              </Space>
            ),
          },
          { title: t('shiftTypes.night'), width: 70, render: (_, r, i) => <Checkbox checked={r.night} disabled={!canEdit} onChange={(e) => edit(i, { night: e.target.checked })} /> },
          ...teams.map((team) => ({
            title: t('shiftTypes.min', { team: names.team(team.id) || team.name }),
            width: 130,
            render: (_: unknown, r: Draft, i: number) => (
              <InputNumber min={0} max={500} value={r.minCoverage[team.id] ?? 0} disabled={!canEdit} onChange={(v) => edit(i, { minCoverage: { ...r.minCoverage, [team.id]: Number(v ?? 0) } })} />
            ),
          })),
          ...(canEdit ? [{ title: '', width: 80, render: (_: unknown, _r: Draft, i: number) => <Button type="primary" onClick={() => void save(i)}>{t('shiftTypes.save')}</Button> }] : []),
        ]}
      />
    </Card>
  );
}
