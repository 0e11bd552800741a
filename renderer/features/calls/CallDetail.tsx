import { Descriptions, Drawer, Tag } from 'antd';
import { LoadError } from '../../client/LoadError';
import { useNames } from '../../client/names';
import { useQuery } from '../../client/use-query';
import { useI18n, useT } from '../../i18n/i18n-store';
import { RevealButton } from '../customers/RevealButton';
import { CreateWorkOrder } from '../workorders/CreateWorkOrder';
import { CallWorkOrders } from '../workorders/CallWorkOrders';
import { CallRecordings } from '../recordings/CallRecordings';
import { mayCall } from '../../../shared/api/method';
import { api } from '../../../shared/api/table';
import { Divider } from 'antd';
import { useSession } from '../../stores/session-store';
import { CATEGORY_COLORS } from './category-colors';
import { formatDuration } from './format';
import { formatDateTime } from './history-range';

/** One call in full, read fresh (calls.get), beside the list it was opened from. */
export function CallDetail({ id, zone, onClose }: { id: string | null; zone: string; onClose(): void }) {
  const t = useT();
  const locale = useI18n((s) => s.locale);
  const names = useNames();
  const call = useQuery('calls.get', id ? { id } : null, { tables: ['calls'] });
  const c = id ? call.data : undefined;
  const actor = useSession((s) => s.actor)!;
  return (
    <Drawer open={id !== null} onClose={onClose} title={t('calls.detail.title')} width={520} data-testid="call-detail">
      <LoadError error={call.error} onRetry={call.reload} />
      {c && c.id === id && (
        <Descriptions column={1} size="small" bordered>
          <Descriptions.Item label={t('calls.detail.started')}>{formatDateTime(c.startedAt, locale, zone)}</Descriptions.Item>
          <Descriptions.Item label={t('calls.detail.ended')}>{formatDateTime(c.endedAt, locale, zone)}</Descriptions.Item>
          <Descriptions.Item label={t('calls.list.duration')}>{formatDuration(c.durationSec)}</Descriptions.Item>
          <Descriptions.Item label={t('calls.list.agent')}>{c.agentName}</Descriptions.Item>
          <Descriptions.Item label={t('calls.history.team')}>{names.team(c.teamId)}</Descriptions.Item>
          <Descriptions.Item label={t('calls.log.phone')}>
            {c.customerPhone} {c.masked && <RevealButton key={c.id} callId={c.id} />}
          </Descriptions.Item>
          <Descriptions.Item label={t('calls.log.name')}>{c.customerName}</Descriptions.Item>
          <Descriptions.Item label={t('calls.log.category')}>
            <Tag color={CATEGORY_COLORS[c.category]}>{t(`category.${c.category}`)}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t('calls.log.summary')}>
            <span style={{ whiteSpace: 'pre-wrap' }}>{c.summary}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('calls.log.outcome')}>
            <span style={{ whiteSpace: 'pre-wrap' }}>{c.outcome}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('calls.list.followUp')}>{c.followUp ? <Tag color="orange">{t('calls.list.followUpYes')}</Tag> : t('calls.detail.noFollowUp')}</Descriptions.Item>
        </Descriptions>
      )}
      {c && c.id === id && mayCall(api['recordings.list'].access, actor) && <CallRecordings key={c.id} call={c} zone={zone} actor={actor} />}
      {c && c.id === id && mayCall(api['workorders.list'].access, actor) && <CallWorkOrders callId={c.id} />}
      {c && c.id === id && mayCall(api['workorders.create'].access, actor) && (
        <>
          <Divider titlePlacement="start">{t('wo.create')}</Divider>
          <CreateWorkOrder key={c.id} call={c} />
        </>
      )}
    </Drawer>
  );
}
