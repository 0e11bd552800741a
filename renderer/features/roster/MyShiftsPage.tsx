import { Button, Card, Empty, List, Space, Tag, Typography } from 'antd';
import { shiftsToIcs } from '../../../shared/roster/ics';
import { saveFile } from '../spreadsheet/save-file';
import { useI18n, useT } from '../../i18n/i18n-store';
import { useSession } from '../../stores/session-store';
import { dayLabel } from './day-label';
import { useCenterToday } from '../../client/use-policy';
import { useQuery } from '../../client/use-query';
import { LoadError } from '../../client/LoadError';
import { useNames } from '../../client/names';
import { dateFormat } from '../../i18n/date-format';

const DAYS = 31;

/** The signed-in person's coming shifts, in the center's clock, exportable to any calendar app. */
export function MyShiftsPage() {
  const t = useT();
  const locale = useI18n((s) => s.locale);
  const actor = useSession((s) => s.actor)!;
  // Shift names in the UI language (the day shift in each language).
  const names = useNames();
  const { today, zone } = useCenterToday();
  const mine = useQuery('roster.mine', { from: today, days: DAYS }, { tables: ['roster', 'shift_types', 'calendar_overrides', 'policy_versions'] });
  const shifts = mine.data;

  const time = (iso: string) => dateFormat(locale, { timeZone: zone, hour: '2-digit', minute: '2-digit', hour12: false }).format(new Date(iso));
  const date = (d: string) => dateFormat(locale, { timeZone: 'UTC', month: 'short', day: 'numeric', weekday: 'short' }).format(new Date(`${d}T00:00:00Z`));

  const download = () => {
    const ics = shiftsToIcs(
      (shifts ?? []).map((s) => ({ uid: `${s.entryId}@zhiban`, startsAt: s.startsAt, endsAt: s.endsAt, summary: `${names.shift(s.shiftCode)} (${s.shiftCode})` })),
      { calendarName: t('myShifts.calendarName', { name: actor.displayName }), now: new Date().toISOString() },
    );
    saveFile(`zhiban-shifts-${actor.username}.ics`, ics, 'text/calendar;charset=utf-8');
  };

  return (
    <Card
      title={t('myShifts.title', { days: DAYS })}
      loading={shifts === undefined && mine.error === null}
      extra={
        <Button onClick={download} disabled={!shifts?.length} data-testid="ics-download">
          {t('myShifts.download')}
        </Button>
      }
    >
      <LoadError error={mine.error} onRetry={mine.reload} />
      <List
        dataSource={shifts ?? []}
        locale={{ emptyText: <Empty description={t('myShifts.empty')} /> }}
        data-testid="my-shifts"
        renderItem={(s) => {
          const special = dayLabel(t, s.day);
          return (
            <List.Item>
              <Space size="large">
                <Typography.Text strong style={{ width: 120, display: 'inline-block' }}>
                  {date(s.date)}
                </Typography.Text>
                <Tag color={s.shiftCode === 'N' ? 'purple' : s.shiftCode === 'E' ? 'blue' : 'green'}>
                  {names.shift(s.shiftCode)} ({s.shiftCode})
                </Tag>
                <Typography.Text>{t('myShifts.time', { start: time(s.startsAt), end: time(s.endsAt) })}</Typography.Text>
                {special && <Tag color={s.day.kind === 'holiday' ? 'red' : 'gold'}>{special}</Tag>}
              </Space>
            </List.Item>
          );
        }}
      />
    </Card>
  );
}
