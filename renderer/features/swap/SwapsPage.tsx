import { App, Button, Card, Col, Row, Space, Statistic } from 'antd';
import { useEffect, useState } from 'react';
import type { MethodOutput } from '../../../shared/api/table';
import { SWAP_PAGE } from '../../../shared/swap/methods';
import { errorText } from '../../client/error-text';
import { addMonths } from '../../../shared/calendar/month';
import { LoadError } from '../../client/LoadError';
import { useCenterToday } from '../../client/use-policy';
import { useQuery } from '../../client/use-query';
import { useI18n, useT } from '../../i18n/i18n-store';
import { useClient, useSession } from '../../stores/session-store';
import { RequestSwapForm } from './RequestSwapForm';
import { actionFor, SwapList } from './SwapList';
import { monthText } from './swap-text';

/** Agents: my balance, what I owe and am owed, my requests. Team leads: the approval queue first. */
export function SwapsPage() {
  const t = useT();
  const locale = useI18n((s) => s.locale);
  const actor = useSession((s) => s.actor)!;
  const { today } = useCenterToday();
  const [picked, setMonth] = useState<string | null>(null);
  const month = picked ?? today.slice(0, 7);
  const rostered = actor.role === 'agent' || actor.role === 'team_lead';
  const list = useQuery('swap.list', { month }, { tables: ['swaps', 'roster', 'leave_requests'] });
  const colleagues = useQuery('swap.colleagues', rostered ? {} : null, { tables: ['users'] });
  const myShifts = useQuery('roster.mine', rostered ? { from: today, days: 62 } : null, { tables: ['roster'] });
  const reload = () => (list.reload(), myShifts.reload());

  // Open swaps outside the month come a page at a time (soonest first); the month's come whole.
  const client = useClient();
  const { message } = App.useApp();
  const [more, setMore] = useState<{ items: MethodOutput<'swap.list'>['swaps']; last: number }>({ items: [], last: 0 });
  useEffect(() => setMore({ items: [], last: 0 }), [list.data]);
  const inMonth = (s: { giveDate: string; takeDate: string }) => s.giveDate.startsWith(month) || s.takeDate.startsWith(month);
  const outside = [...(list.data?.swaps ?? []), ...more.items].filter((s) => !inMonth(s));
  const hasMore = (more.items.length === 0 ? (list.data?.swaps ?? []).filter((s) => !inMonth(s)).length : more.last) >= SWAP_PAGE;
  const loadMore = async () => {
    const last = outside.at(-1);
    if (!last) return;
    try {
      const page = await client.call('swap.list', { month, after: { giveDate: last.giveDate, id: last.id } });
      setMore((m) => ({ items: [...m.items, ...page.swaps], last: page.swaps.length }));
    } catch (err) {
      void message.error(errorText(t, err));
    }
  };
  const swaps = [...(list.data?.swaps ?? []), ...more.items];
  const waiting = swaps.filter((s) => actionFor(s, actor) !== null);
  const rest = swaps.filter((s) => actionFor(s, actor) === null);
  const owe = swaps.filter((s) => s.status === 'approved' && !s.paidBack && s.requesterId === actor.userId).length;
  const owed = swaps.filter((s) => s.status === 'approved' && !s.paidBack && s.partnerId === actor.userId).length;

  return (
    <Card
      title={t('swap.title', { month: monthText(locale, month) })}
      extra={
        <Space>
          <Button onClick={() => setMonth(addMonths(month, -1))}>{t('roster.prev')}</Button>
          <Button onClick={() => setMonth(addMonths(month, 1))}>{t('roster.next')}</Button>
        </Space>
      }
    >
      <LoadError error={list.error ?? colleagues.error ?? myShifts.error} onRetry={() => (list.reload(), colleagues.reload(), myShifts.reload())} />
      {rostered && (
        <Row gutter={16} style={{ marginBottom: 16 }} data-testid="swap-balance">
          <Col span={8}>
            <Statistic title={t('swap.used', { month: monthText(locale, month) })} value={list.data?.used ?? 0} suffix={`/ ${list.data?.max ?? 0}`} />
          </Col>
          <Col span={8}>
            <Statistic title={t('swap.iOwe')} value={owe} />
          </Col>
          <Col span={8}>
            <Statistic title={t('swap.owedToMe')} value={owed} />
          </Col>
        </Row>
      )}
      {waiting.length > 0 && (
        <Card size="small" title={t('swap.waitingForYou', { count: waiting.length })} style={{ marginBottom: 16 }}>
          <SwapList items={waiting} actor={actor} onChanged={reload} testId="swap-waiting" />
        </Card>
      )}
      {rostered && <RequestSwapForm colleagues={colleagues.data ?? []} myShifts={myShifts.data ?? []} onSent={reload} />}
      <Card size="small" title={actor.role === 'agent' ? t('swap.mine') : t('swap.teamSwaps')}>
        <SwapList items={rest} actor={actor} onChanged={reload} testId="swap-list" />
        {hasMore && (
          <Button style={{ marginTop: 8 }} onClick={() => void loadMore()} data-testid="swap-more">
            {t('swap.more')}
          </Button>
        )}
      </Card>
    </Card>
  );
}
