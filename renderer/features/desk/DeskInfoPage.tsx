import { Card, Descriptions, Skeleton } from 'antd';
import { useEffect, useState } from 'react';
import type { MethodOutput } from '../../../shared/api/table';
import { useT } from '../../i18n/i18n-store';
import { useClient, useSession } from '../../stores/session-store';
import { mayCall } from '../../../shared/api/method';
import { api } from '../../../shared/api/table';
import { ServerSetting } from './ServerSetting';

export function DeskInfoPage() {
  const t = useT();
  const client = useClient();
  const actor = useSession((s) => s.actor)!;
  const [info, setInfo] = useState<MethodOutput<'desk.info'> | null>(null);
  useEffect(() => {
    const load = () => void client.call('desk.info', {}).then(setInfo, () => undefined);
    load();
    return client.onEvent((e) => e.type === 'changed' && load());
  }, [client]);
  if (!info) return <Skeleton active />;
  return (
    <Card title={t('desk.title')}>
      <Descriptions column={1} bordered size="small">
        <Descriptions.Item label={t('desk.appVersion')}>{info.appVersion}</Descriptions.Item>
        <Descriptions.Item label={t('desk.schemaVersion')}>{info.schemaVersion}</Descriptions.Item>
        <Descriptions.Item label={t('desk.clientId')}>{info.clientId}</Descriptions.Item>
        <Descriptions.Item label={t('desk.pending')}>{t('desk.pendingValue', { count: info.pendingMutations })}</Descriptions.Item>
        {info.dataPath !== null && <Descriptions.Item label={t('desk.dataPath')}>{info.dataPath}</Descriptions.Item>}
      </Descriptions>
      {mayCall(api['sync.setServer'].access, actor) && (
        <div style={{ marginTop: 24 }}>
          <ServerSetting />
        </div>
      )}
    </Card>
  );
}
