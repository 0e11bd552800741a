import { Button, Table, Tag, Typography } from 'antd';
import type { EscalationView } from '../../../shared/escalation/schemas';
import { useT } from '../../i18n/i18n-store';
import { categoryText, levelName, timeLeftText } from './escalation-text';

const TIMER_COLOR = { ok: 'default', warning: 'orange', breached: 'red', none: 'default' } as const;

/** The escalation board: what is open, with whom, whose turn, and time left against the policy's targets. */
export function EscalationBoard({ items, now, onOpen, testId }: { items: EscalationView[]; now: number; onOpen(id: string): void; testId: string }) {
  const t = useT();
  return (
    <Table
      size="small"
      rowKey="id"
      data-testid={testId}
      dataSource={items}
      pagination={items.length > 20 ? { pageSize: 20 } : false}
      locale={{ emptyText: t('escalation.none') }}
      onRow={(e) => ({ 'data-id': e.id, 'data-turn': e.turn }) as never}
      columns={[
        {
          title: t('escalation.col.what'),
          key: 'what',
          render: (_, e) => (
            <div>
              <Typography.Text strong>{categoryText(t, e.category)}</Typography.Text> {e.emergency && <Tag color="red">{t('escalation.emergencyTag')}</Tag>}
              <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.55)', maxWidth: 360, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>{e.summary}</div>
            </div>
          ),
        },
        { title: t('escalation.col.reporter'), dataIndex: 'reporterName', key: 'reporter' },
        { title: t('escalation.col.holder'), key: 'holder', render: (_, e) => levelName(t, e.holderLevel) },
        {
          title: t('escalation.col.turn'),
          key: 'turn',
          render: (_, e) => (e.turn === 'reporter' ? t('escalation.turn.reporter') : e.turn === 'holder' ? t('escalation.turn.holder', { level: levelName(t, e.holderLevel) }) : t(`escalation.status.${e.status}`)),
        },
        {
          title: t('escalation.col.timeLeft'),
          key: 'left',
          render: (_, e) => (
            <Tag color={TIMER_COLOR[e.timer]} data-timer={e.timer}>
              {timeLeftText(t, e, now)}
            </Tag>
          ),
        },
        {
          key: 'open',
          render: (_, e) => (
            <Button size="small" onClick={() => onOpen(e.id)} data-testid="escalation-open">
              {t('escalation.open')}
            </Button>
          ),
        },
      ]}
    />
  );
}
