import { App, Button, Card, Select, Space, Spin, Typography } from 'antd';
import './roster-grid.css';
import { useMemo, useRef, useState } from 'react';
import { mayCall } from '../../../shared/api/method';
import { api, type MethodOutput } from '../../../shared/api/table';
import { addMonths, monthOf } from '../../../shared/calendar/month';
import { errorText } from '../../client/error-text';
import { LoadError } from '../../client/LoadError';
import { useCenterToday } from '../../client/use-policy';
import { useNames, useNamesStore } from '../../client/names';
import { useQuery } from '../../client/use-query';
import { useI18n, useT } from '../../i18n/i18n-store';
import { useClient, useSession } from '../../stores/session-store';
import { dayLabel } from './day-label';
import { MonthGridView, type CellLook } from './MonthGridView';
import { useSyncStatus } from '../sync/use-sync-status';
import { RosterImportExport } from './RosterImport';
import { dateFormat } from '../../i18n/date-format';
import { calendarDay } from '../../../shared/rules/units';

type Month = MethodOutput<'roster.month'>;

/** One change made on this screen, to be undone with Ctrl+Z by assigning the previous value back. */
interface Change {
  userId: string;
  name: string;
  date: string;
  before: string | null;
}

/**
 * Month grid: people × days, coverage per shift against its minimum. Leads and directors edit (mouse or
 * keyboard); everyone else who may open it (agents: their own team) reads it.
 */
export function RosterGrid() {
  const t = useT();
  const locale = useI18n((s) => s.locale);
  const client = useClient();
  const actor = useSession((s) => s.actor)!;
  const { message } = App.useApp();
  const canEdit = mayCall(api['roster.assign'].access, actor);
  // Agents and leads see their own team whatever they ask for; the others choose.
  const teamBound = actor.role === 'agent' || actor.role === 'team_lead';
  const { today, zone, loaded } = useCenterToday();
  const [picked, setMonth] = useState<string | null>(null);
  const month = picked ?? monthOf(today);
  const [teamId, setTeamId] = useState<string | undefined>(actor.teamId ?? undefined);
  const grid = useQuery('roster.month', { month, teamId }, { tables: ['roster', 'shift_types', 'calendar_overrides', 'users'] });
  const types = useQuery('roster.shiftTypes', {}, { tables: ['shift_types'] });
  const data = grid.data;
  const shiftTypes = useMemo(() => types.data ?? [], [types.data]);
  const standalone = useSyncStatus()?.state === 'standalone';
  // Shift and team names in the UI language.
  const names = useNames();
  const undo = useRef<Change[]>([]);

  const cover = useMemo(() => new Map((data?.coverage ?? []).map((c) => [`${c.shiftCode}|${c.date}`, c])), [data]);
  const namedTypes = useNamesStore((s) => s.shiftTypes);
  const menuItems = useMemo(
    () => [...shiftTypes.map((s) => ({ key: s.code, label: `${s.code} ${names.shift(s.code)} ${s.start}–${s.end}` })), { key: '', label: t('roster.rest') }],
    // `t` and `names` are new each render; what the labels depend on is the types, the language and the loaded names.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [shiftTypes, locale, namedTypes],
  );
  const codes = useMemo(() => shiftTypes.map((s) => s.code), [shiftTypes]);
  // A cell shows the short local name when it fits its 28 px (one Chinese character), else the code (en "Night" → N).
  const look = useMemo<CellLook>(() => {
    // Worked out once per code: a scroll step draws hundreds of cells of the same three or four codes.
    const texts = new Map<string, string>();
    const titles = new Map<string, string>();
    return {
      text: (code) => {
        let v = texts.get(code);
        if (v === undefined) {
          const short = names.shift(code, true);
          texts.set(code, (v = short && [...short].length <= 2 ? short : code));
        }
        return v;
      },
      title: (code) => {
        let v = titles.get(code);
        if (v === undefined) titles.set(code, (v = `${names.shift(code)} (${code})`));
        return v;
      },
      leaveMark: t('roster.leaveMark'),
      leaveTitle: t('roster.onLeave'),
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [locale, namedTypes]);

  const assign = async (userId: string, date: string, shiftCode: string | null, record: boolean) => {
    const person = data?.people.find((p) => p.userId === userId);
    const day = data?.days.findIndex((d) => d.date === date) ?? -1;
    const before = (person && day >= 0 ? person.shifts[day] : '') || null;
    if (before === shiftCode) return true;
    try {
      await client.call('roster.assign', { id: crypto.randomUUID(), userId, date, shiftCode });
      if (record) undo.current.push({ userId, name: person?.name ?? userId, date, before });
      return true;
    } catch (err) {
      void message.error(errorText(t, err));
      return false;
    }
  };

  const undoLast = async () => {
    const last = undo.current.pop();
    if (!last) return void message.info(t('roster.nothingToUndo'));
    if (await assign(last.userId, last.date, last.before, false)) void message.success(t('roster.undone', { name: last.name, date: calendarDay(locale, last.date) }));
    else undo.current.push(last);
  };

  const weekdayFmt = dateFormat(locale, { weekday: 'narrow', timeZone: 'UTC' });
  // Native titles, not Tooltip components: 31 headers and 3 × 31 coverage cells re-render on every open.
  const header = (d: Month['days'][number]) => (
    <div title={dayLabel(t, d) ?? t(`day.${d.kind}`)} style={{ color: d.kind === 'holiday' ? '#cf1322' : undefined }}>
      <div>{Number(d.date.slice(8))}</div>
      <div style={{ fontSize: 11, fontWeight: 400 }}>{d.kind === 'makeUpWorkday' ? t('roster.makeUpMark') : weekdayFmt.format(new Date(`${d.date}T00:00:00Z`))}</div>
    </div>
  );
  const coverageRows = shiftTypes.map((s) => ({
    label: t('roster.coverage', { shift: names.shift(s.code, true) }),
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
        <Space wrap>
          {!teamBound && (
            <Select
              style={{ width: 160 }}
              value={teamId ?? ''}
              onChange={(v) => setTeamId(v || undefined)}
              options={[{ value: '', label: t('roster.allTeams') }, ...(data?.teams ?? []).map((tm) => ({ value: tm.id, label: names.team(tm.id) || tm.name }))]}
              data-testid="roster-team"
            />
          )}
          <Typography.Text type="secondary">{t('roster.peopleCount', { count: data?.people.length ?? 0 })}</Typography.Text>
          {canEdit && data && loaded && <RosterImportExport month={month} data={data} types={shiftTypes} teamId={actor.role === 'team_lead' ? actor.teamId : null} timeZone={zone} />}
          <Button onClick={() => setMonth(addMonths(month, -1))}>{t('roster.prev')}</Button>
          <Button onClick={() => setMonth(addMonths(month, 1))}>{t('roster.next')}</Button>
        </Space>
      }
    >
      <LoadError error={grid.error ?? types.error} onRetry={() => (grid.reload(), types.reload())} />
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }} data-testid="roster-keys">
        {canEdit ? t('roster.keysHint') : t('roster.readOnlyHint')}
      </Typography.Paragraph>
      {data === undefined ? (
        !grid.error && <Spin />
      ) : (
        <MonthGridView
          days={data.days}
          people={data.people}
          header={header}
          coverage={coverageRows}
          personLabel={t('roster.person')}
          label={t('roster.gridLabel', { month })}
          canEdit={canEdit}
          showPending={!standalone}
          codes={codes}
          editMenu={{ items: menuItems, onPick: (userId, date, code) => void assign(userId, date, code, true) }}
          look={look}
          onUndo={() => void undoLast()}
          height={640}
        />
      )}
    </Card>
  );
}
