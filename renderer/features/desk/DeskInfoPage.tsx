import { Card, Descriptions, Skeleton } from 'antd';
import { mayCall } from '../../../shared/api/method';
import { api } from '../../../shared/api/table';
import { LoadError } from '../../client/LoadError';
import { useQuery } from '../../client/use-query';
import { useT } from '../../i18n/i18n-store';
import { useSession } from '../../stores/session-store';
import { ServerSetting } from './ServerSetting';

export function DeskInfoPage() {
  const t = useT();
  const actor = useSession((s) => s.actor)!;
  // Pending count and data path change with any write or sync.
  const q = useQuery('desk.info', {}, { tables: 'any' });
  const info = q.data;
  return (
    <Card title={t('desk.title')}>
      <LoadError error={q.error} onRetry={q.reload} />
      {info ? (
        <Descriptions column={1} bordered size="small">
          <Descriptions.Item label={t('desk.appVersion')}>{info.appVersion}</Descriptions.Item>
          <Descriptions.Item label={t('desk.schemaVersion')}>{info.schemaVersion}</Descriptions.Item>
          <Descriptions.Item label={t('desk.clientId')}>{info.clientId}</Descriptions.Item>
          <Descriptions.Item label={t('desk.pending')}>{t('desk.pendingValue', { count: info.pendingMutations })}</Descriptions.Item>
          {info.dataPath !== null && <Descriptions.Item label={t('desk.dataPath')}>{info.dataPath}</Descriptions.Item>}
        </Descriptions>
      ) : (
        !q.error && <Skeleton active />
      )}
      {mayCall(api['sync.setServer'].access, actor) && (
        <div style={{ marginTop: 24 }}>
          <ServerSetting />
        </div>
      )}
    </Card>
  );
}
