import { App, Button, Card, Space } from 'antd';
import { errorText } from '../../client/error-text';
import { useEffect, useState } from 'react';
import { LEAVE_PAGE } from '../../../shared/leave/methods';
import { useClient } from '../../stores/session-store';
import { addMonths } from '../../../shared/calendar/month';
import { LoadError } from '../../client/LoadError';
import { useCenterToday } from '../../client/use-policy';
import { useQuery } from '../../client/use-query';
import { useI18n, useT } from '../../i18n/i18n-store';
import { useSession } from '../../stores/session-store';
import { monthText } from '../swap/swap-text';
import { LeaveList, waitsFor, type LeaveItem } from './LeaveList';
import { RequestLeaveForm } from './RequestLeaveForm';
import { TeamCalendar } from './TeamCalendar';
import { DisciplinePanel } from './DisciplinePanel';

/** Agents: request and follow their leave. Leads and directors: their approval queue, the month's leave and swaps. */
export function LeavePage() {
  const t = useT();
  const locale = useI18n((s) => s.locale);
  const actor = useSession((s) => s.actor)!;
  const { today } = useCenterToday();
  const [picked, setMonth] = useState<string | null>(null);
  const month = picked ?? today.slice(0, 7);
  const rostered = actor.role === 'agent' || actor.role === 'team_lead';
  const leave = useQuery('leave.list', { month }, { tables: ['leave_requests', 'roster', 'swaps'] });
  const swaps = useQuery('swap.list', actor.role !== 'agent' ? { month, checks: false } : null, { tables: ['swaps'] });
  const colleagues = useQuery('swap.colleagues', rostered ? {} : null, { tables: ['users'] });
  // Directors record discipline too: their picker lists everyone rostered (the roster's people).
  const everyone = useQuery('roster.month', actor.role === 'department_director' ? { month } : null, { tables: ['users'] });
  const people = rostered ? (colleagues.data ?? []) : (everyone.data?.people ?? []);
  // Open requests outside the month come a page at a time (soonest first); the month's come whole.
  const client = useClient();
  const { message } = App.useApp();
  const [more, setMore] = useState<{ items: LeaveItem[]; last: number }>({ items: [], last: 0 });
  useEffect(() => setMore({ items: [], last: 0 }), [leave.data]);
  const inMonth = (l: LeaveItem) => l.fromDate <= `${month}-31` && l.toDate >= `${month}-01`;
  const outside = [...(leave.data ?? []), ...more.items].filter((l) => !inMonth(l));
  const hasMore = (more.items.length === 0 ? (leave.data ?? []).filter((l) => !inMonth(l)).length : more.last) >= LEAVE_PAGE;
  const loadMore = async () => {
    const last = outside.at(-1);
    if (!last) return;
    try {
      const page = await client.call('leave.list', { month, after: { fromDate: last.fromDate, id: last.id } });
      setMore((m) => ({ items: [...m.items, ...page], last: page.length }));
    } catch (err) {
      void message.error(errorText(t, err));
    }
  };
  const items = [...(leave.data ?? []), ...more.items];
  const waiting = items.filter((l) => waitsFor(l, actor));
  const rest = items.filter((l) => !waitsFor(l, actor));
  return (
    <Card
      title={`${t('leave.title')} · ${monthText(locale, month)}`}
      extra={
        <Space>
          <Button onClick={() => setMonth(addMonths(month, -1))}>{t('roster.prev')}</Button>
          <Button onClick={() => setMonth(addMonths(month, 1))}>{t('roster.next')}</Button>
        </Space>
      }
    >
      <LoadError error={leave.error ?? swaps.error ?? colleagues.error} onRetry={() => (leave.reload(), swaps.reload(), colleagues.reload())} />
      {waiting.length > 0 && (
        <Card size="small" title={t('leave.waitingForYou', { count: waiting.length })} style={{ marginBottom: 16 }}>
          <LeaveList items={waiting} actor={actor} onChanged={leave.reload} testId="leave-waiting" />
        </Card>
      )}
      {rostered && <RequestLeaveForm actor={actor} colleagues={colleagues.data ?? []} today={today} onSent={leave.reload} />}
      {actor.role !== 'agent' && (
        <Card size="small" title={t('leave.calendar')} style={{ marginBottom: 16 }}>
          <TeamCalendar month={month} leave={items} swaps={swaps.data?.swaps ?? []} />
        </Card>
      )}
      <DisciplinePanel actor={actor} month={month} colleagues={people} />
      <Card size="small" title={actor.role === 'agent' ? t('leave.mine') : t('leave.teamLeave')}>
        <LeaveList items={rest} actor={actor} onChanged={leave.reload} testId="leave-list" />
        {hasMore && (
          <Button style={{ marginTop: 8 }} onClick={() => void loadMore()} data-testid="leave-more">
            {t('leave.more')}
          </Button>
        )}
      </Card>
    </Card>
  );
}
