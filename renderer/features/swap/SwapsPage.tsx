import { Button, Card, Col, Row, Space, Statistic } from 'antd';
import { useState } from 'react';
import { addMonths } from '../../../shared/calendar/month';
import { LoadError } from '../../client/LoadError';
import { useCenterToday } from '../../client/use-policy';
import { useQuery } from '../../client/use-query';
import { useI18n, useT } from '../../i18n/i18n-store';
import { useSession } from '../../stores/session-store';
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

  const swaps = list.data?.swaps ?? [];
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
      </Card>
    </Card>
  );
}
