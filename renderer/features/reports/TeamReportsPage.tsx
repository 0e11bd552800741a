import { Button, Card, Segmented, Select, Space } from 'antd';
import { useState } from 'react';
import { useCenterToday } from '../../client/use-policy';
import { useNames, useNamesStore } from '../../client/names';
import { useT } from '../../i18n/i18n-store';
import { useSession } from '../../stores/session-store';
import { DateField } from '../calendar/DateField';
import { ReportView } from './ReportView';
import { WeeklyView } from './WeeklyView';

const VIEWS = ['daily', 'weekly', 'monthly'] as const;
type View = (typeof VIEWS)[number];

/** "2026-03" one month on or back. */
function stepMonth(month: string, by: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const i = y * 12 + (m - 1) + by;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
}

/**
 * The team's reports: a lead writes their team's day (report.daily), sees the week, and writes the month's
 * service-quality analysis (report.monthly-quality); a director reads any team's.
 */
export function TeamReportsPage({ initial = 'daily' }: { initial?: View }) {
  const t = useT();
  const actor = useSession((s) => s.actor)!;
  const { today } = useCenterToday();
  const names = useNames();
  const teams = useNamesStore((s) => s.teams);
  const [view, setView] = useState<View>(initial);
  const [day, setDay] = useState<string | null>(null);
  const [month, setMonth] = useState<string | null>(null);
  const [team, setTeam] = useState<string | null>(null);
  const lead = actor.role === 'team_lead';
  const teamId = lead ? undefined : (team ?? teams[0]?.id);
  const theDay = day ?? today;
  const theMonth = month ?? today.slice(0, 7);
  return (
    <Card
      size="small"
      title={t('rep.title')}
      extra={
        <Space wrap>
          {!lead && <Select value={teamId} onChange={setTeam} options={teams.map((x) => ({ value: x.id, label: names.team(x.id) }))} style={{ minWidth: 120 }} data-testid="rep-team" />}
          {view === 'monthly' ? (
            <Space.Compact>
              <Button onClick={() => setMonth(stepMonth(theMonth, -1))} data-testid="rep-month-prev">
                {t('rep.prevMonth')}
              </Button>
              <Button disabled data-testid="rep-month">
                {theMonth}
              </Button>
              <Button onClick={() => setMonth(stepMonth(theMonth, 1))} disabled={theMonth >= today.slice(0, 7)}>
                {t('rep.nextMonth')}
              </Button>
            </Space.Compact>
          ) : (
            <DateField value={theDay} onChange={(d) => d && setDay(d)} data-testid="rep-day" />
          )}
          <Segmented value={view} onChange={(v) => setView(v as View)} options={VIEWS.map((v) => ({ value: v, label: t(`rep.kind.${v}`) }))} data-testid="rep-view" />
        </Space>
      }
    >
      {teamId === undefined && !lead ? null : view === 'weekly' ? (
        <WeeklyView week={theDay} teamId={teamId} />
      ) : (
        <ReportView kind={view} period={view === 'daily' ? theDay : theMonth} teamId={teamId} canWrite={lead} />
      )}
    </Card>
  );
}
