import { Button, Card, Col, Row, Space, Statistic } from 'antd';
import { useEffect, useState } from 'react';
import type { MethodOutput } from '../../../shared/api/table';
import { dateInZone } from '../../../shared/policy/zoned-date';
import { useT } from '../../i18n/i18n-store';
import { useClient, useSession } from '../../stores/session-store';
import { RequestSwapForm } from './RequestSwapForm';
import { actionFor, SwapList } from './SwapList';

const shiftMonth = (month: string, delta: number) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 1 + delta, 1)).toISOString().slice(0, 7);
};

/** Agents: my balance, what I owe and am owed, my requests. Team leads: the approval queue first. */
export function SwapsPage() {
  const t = useT();
  const client = useClient();
  const actor = useSession((s) => s.actor)!;
  const [month, setMonth] = useState(() => dateInZone(Date.now(), 'Asia/Shanghai').slice(0, 7));
  const [data, setData] = useState<MethodOutput<'swap.list'> | null>(null);
  const [colleagues, setColleagues] = useState<MethodOutput<'swap.colleagues'>>([]);
  const [teams, setTeams] = useState<MethodOutput<'org.teams'>>([]);
  const [myShifts, setMyShifts] = useState<MethodOutput<'roster.mine'>>([]);
  const [reloads, setReloads] = useState(0);
  const reload = () => setReloads((n) => n + 1);
  const rostered = actor.role === 'agent' || actor.role === 'team_lead';

  useEffect(() => {
    let alive = true;
    const load = () => void client.call('swap.list', { month }).then((v) => alive && setData(v), () => undefined);
    load();
    const off = client.onEvent((e) => e.type === 'changed' && (e.tables.includes('swaps') || e.tables.includes('roster')) && load());
    return () => {
      alive = false;
      off();
    };
  }, [client, month, reloads]);
  useEffect(() => {
    if (!rostered) return;
    void client.call('swap.colleagues', {}).then(setColleagues, () => undefined);
    void client.call('org.teams', {}).then(setTeams, () => undefined);
    void client.call('roster.mine', { from: dateInZone(Date.now(), 'Asia/Shanghai'), days: 62 }).then(setMyShifts, () => undefined);
  }, [client, rostered, reloads]);

  const swaps = data?.swaps ?? [];
  const waiting = swaps.filter((s) => actionFor(s, actor) !== null);
  const rest = swaps.filter((s) => actionFor(s, actor) === null);
  const owe = swaps.filter((s) => s.status === 'approved' && !s.paidBack && s.requesterId === actor.userId).length;
  const owed = swaps.filter((s) => s.status === 'approved' && !s.paidBack && s.partnerId === actor.userId).length;

  return (
    <Card
      title={t('swap.title', { month })}
      extra={
        <Space>
          <Button onClick={() => setMonth(shiftMonth(month, -1))}>{t('roster.prev')}</Button>
          <Button onClick={() => setMonth(shiftMonth(month, 1))}>{t('roster.next')}</Button>
        </Space>
      }
    >
      {rostered && (
        <Row gutter={16} style={{ marginBottom: 16 }} data-testid="swap-balance">
          <Col span={8}>
            <Statistic title={t('swap.used', { month })} value={data?.used ?? 0} suffix={`/ ${data?.max ?? 0}`} />
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
      {rostered && <RequestSwapForm colleagues={colleagues} myShifts={myShifts} teams={teams} onSent={reload} />}
      <Card size="small" title={actor.role === 'agent' ? t('swap.mine') : t('swap.teamSwaps')}>
        <SwapList items={rest} actor={actor} onChanged={reload} testId="swap-list" />
      </Card>
    </Card>
  );
}
