import { Button, Card, Space } from 'antd';
import { useEffect, useState } from 'react';
import type { MethodOutput } from '../../../shared/api/table';
import { dateInZone } from '../../../shared/policy/zoned-date';
import { useT } from '../../i18n/i18n-store';
import { useClient, useSession } from '../../stores/session-store';
import { LeaveList, waitsFor } from './LeaveList';
import { RequestLeaveForm } from './RequestLeaveForm';
import { TeamCalendar } from './TeamCalendar';
import { DisciplinePanel } from './DisciplinePanel';

const shiftMonth = (month: string, delta: number) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 1 + delta, 1)).toISOString().slice(0, 7);
};

/** Agents: request and follow their leave. Leads and directors: their approval queue, the month's leave and swaps. */
export function LeavePage() {
  const t = useT();
  const client = useClient();
  const actor = useSession((s) => s.actor)!;
  const [month, setMonth] = useState(() => dateInZone(Date.now(), 'Asia/Shanghai').slice(0, 7));
  const [leave, setLeave] = useState<MethodOutput<'leave.list'>>([]);
  const [swaps, setSwaps] = useState<MethodOutput<'swap.list'>['swaps']>([]);
  const [colleagues, setColleagues] = useState<MethodOutput<'swap.colleagues'>>([]);
  const [reloads, setReloads] = useState(0);
  const reload = () => setReloads((n) => n + 1);
  const rostered = actor.role === 'agent' || actor.role === 'team_lead';

  useEffect(() => {
    let alive = true;
    const load = () => {
      void client.call('leave.list', { month }).then((v) => alive && setLeave(v), () => undefined);
      if (actor.role !== 'agent') void client.call('swap.list', { month }).then((v) => alive && setSwaps(v.swaps), () => undefined);
    };
    load();
    const off = client.onEvent((e) => e.type === 'changed' && (e.tables.includes('leave_requests') || e.tables.includes('swaps')) && load());
    return () => {
      alive = false;
      off();
    };
  }, [client, month, reloads, actor.role]);
  useEffect(() => {
    if (rostered) void client.call('swap.colleagues', {}).then(setColleagues, () => undefined);
  }, [client, rostered]);
  // Directors record discipline too: their picker lists everyone rostered (read from the roster's people).
  useEffect(() => {
    if (actor.role === 'department_director') void client.call('roster.month', { month }).then((m) => setColleagues(m.people), () => undefined);
  }, [client, actor.role, month]);

  const waiting = leave.filter((l) => waitsFor(l, actor));
  const rest = leave.filter((l) => !waitsFor(l, actor));
  return (
    <Card
      title={`${t('leave.title')} · ${month}`}
      extra={
        <Space>
          <Button onClick={() => setMonth(shiftMonth(month, -1))}>{t('roster.prev')}</Button>
          <Button onClick={() => setMonth(shiftMonth(month, 1))}>{t('roster.next')}</Button>
        </Space>
      }
    >
      {waiting.length > 0 && (
        <Card size="small" title={t('leave.waitingForYou', { count: waiting.length })} style={{ marginBottom: 16 }}>
          <LeaveList items={waiting} actor={actor} onChanged={reload} testId="leave-waiting" />
        </Card>
      )}
      {rostered && <RequestLeaveForm actor={actor} colleagues={colleagues} onSent={reload} />}
      {actor.role !== 'agent' && (
        <Card size="small" title={t('leave.calendar')} style={{ marginBottom: 16 }}>
          <TeamCalendar month={month} leave={leave} swaps={swaps} />
        </Card>
      )}
      <DisciplinePanel actor={actor} month={month} colleagues={colleagues} />
      <Card size="small" title={actor.role === 'agent' ? t('leave.mine') : t('leave.teamLeave')}>
        <LeaveList items={rest} actor={actor} onChanged={reload} testId="leave-list" />
      </Card>
    </Card>
  );
}
