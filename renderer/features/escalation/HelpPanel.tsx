import { CallLabel } from './RecentCallPicker';
import { Button, Card, List, Space, Tag, Typography } from 'antd';
import type { Actor } from '../../../shared/auth/roles';
import type { Help } from '../../../shared/escalation/help';
import { useQuery } from '../../client/use-query';
import { useSubmit } from '../../client/use-submit';
import { useT } from '../../i18n/i18n-store';
import { useClient } from '../../stores/session-store';
import { useReportSeed } from './open-report';
import { RAISE_HAND_KEY, useRaiseHand } from './raise-hand';

const STATUS_COLOR = { raised: 'red', acknowledged: 'blue', 'taken-over': 'purple', closed: 'default' } as const;

/**
 * Live help (raising a hand): the agent's button (and its key), the hands raised today with their answers; the lead
 * acknowledges or takes over; the agent may write a hand up as a formal report afterwards.
 */
export function HelpPanel({ actor }: { actor: Actor }) {
  const t = useT();
  const client = useClient();
  const { submit } = useSubmit();
  const raise = useRaiseHand();
  const list = useQuery('help.list', {}, { tables: ['help_requests'] });
  const lead = actor.role === 'team_lead';
  const items = (list.data ?? []).filter((h) => h.status !== 'closed' || (actor.role === 'agent' && !h.reportId));
  const act = (m: () => Promise<unknown>) => void submit(async () => void (await m()));
  const line = (h: Help) => (
    <List.Item
      key={h.id}
      data-help={h.id}
      data-status={h.status}
      actions={[
        lead && h.status === 'raised' && (
          <Button key="ack" type="primary" size="small" data-testid="help-ack" onClick={() => act(() => client.call('help.answer', { id: h.id, takeOver: false }))}>
            {t('help.acknowledge')}
          </Button>
        ),
        lead && (h.status === 'raised' || h.status === 'acknowledged') && (
          <Button key="take" size="small" data-testid="help-take-over" onClick={() => act(() => client.call('help.answer', { id: h.id, takeOver: true }))}>
            {t('help.takeOver')}
          </Button>
        ),
        h.status !== 'closed' && (
          <Button key="close" size="small" data-testid="help-close" onClick={() => act(() => client.call('help.close', { id: h.id, note: '' }))}>
            {t('help.close')}
          </Button>
        ),
        actor.userId === h.agentId && !h.reportId && (
          <Button key="report" size="small" data-testid="help-to-report" onClick={() => useReportSeed.getState().set({ helpId: h.id, callId: h.callId, summary: h.note })}>
            {t('help.toReport')}
          </Button>
        ),
      ].filter(Boolean)}
    >
      <Space direction="vertical" size={0}>
        <Space>
          <Tag color={STATUS_COLOR[h.status]}>{t(`help.status.${h.status}`)}</Tag>
          <Typography.Text strong>{h.agentName}</Typography.Text>
          {h.callId && (
            <Typography.Text type="secondary">
              {t('escalation.callLine', { call: '' })}
              <CallLabel id={h.callId} />
            </Typography.Text>
          )}
        </Space>
        {h.note && <Typography.Text>{h.note}</Typography.Text>}
      </Space>
    </List.Item>
  );
  return (
    <Card
      size="small"
      title={t('help.title')}
      style={{ marginBottom: 16 }}
      data-testid="help-panel"
      extra={
        actor.role === 'agent' && (
          <Button danger data-testid="help-raise" onClick={() => void raise()}>
            {t('help.raise', { key: RAISE_HAND_KEY })}
          </Button>
        )
      }
    >
      <List size="small" dataSource={items} renderItem={line} locale={{ emptyText: t('help.none') }} />
    </Card>
  );
}
