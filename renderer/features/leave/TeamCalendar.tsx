import { Empty, Tag, Timeline } from 'antd';
import type { MethodOutput } from '../../../shared/api/table';
import { addDays } from '../../../shared/calendar/day-kind';
import { useI18n, useT } from '../../i18n/i18n-store';
import { dayText } from '../swap/swap-text';
import type { LeaveItem } from './LeaveList';

type SwapItem = MethodOutput<'swap.list'>['swaps'][number];

/** The month at a glance for leads and directors: who is on leave and who swapped, day by day. */
export function TeamCalendar({ month, leave, swaps }: { month: string; leave: readonly LeaveItem[]; swaps: readonly SwapItem[] }) {
  const t = useT();
  const locale = useI18n((s) => s.locale);
  const byDay = new Map<string, { key: string; color: string; text: string }[]>();
  const add = (date: string, e: { key: string; color: string; text: string }) => date.startsWith(month) && byDay.set(date, [...(byDay.get(date) ?? []), e]);
  for (const l of leave.filter((x) => x.status === 'approved' || x.status === 'requested'))
    for (let d = l.fromDate; d <= l.toDate; d = addDays(d, 1)) add(d, { key: `${l.id}${d}`, color: l.status === 'approved' ? 'orange' : 'default', text: t('leave.calendarLeave', { name: l.userName, type: t(`leave.type.${l.type}`) }) });
  for (const s of swaps.filter((x) => x.status === 'approved' || x.status === 'accepted'))
    // A same-day swap (two shifts of one day) is one entry on that day.
    for (const [side, d] of (s.giveDate === s.takeDate ? [['give', s.giveDate]] : [['give', s.giveDate], ['take', s.takeDate]]) as [string, string][]) add(d, { key: `${s.id}${side}`, color: s.status === 'approved' ? 'purple' : 'default', text: t('leave.calendarSwap', { a: s.requesterName, b: s.partnerName }) });
  const days = [...byDay.keys()].sort();
  if (days.length === 0) return <Empty description={t('leave.calendarEmpty')} />;
  return (
    <Timeline
      data-testid="team-calendar"
      items={days.map((d) => ({
        children: (
          <div>
            <strong style={{ marginRight: 8 }}>{dayText(locale, d)}</strong>
            {byDay.get(d)!.map((e) => (
              <Tag key={e.key} color={e.color}>
                {e.text}
              </Tag>
            ))}
          </div>
        ),
      }))}
    />
  );
}
