import { Space } from 'antd';
import { mayCall } from '../../../shared/api/method';
import { api } from '../../../shared/api/table';
import { useSession } from '../../stores/session-store';
import { CallList } from './CallList';
import { CallLogPanel } from './CallLogPanel';

export function CallsPage() {
  const actor = useSession((s) => s.actor)!;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      {mayCall(api['calls.log'].access, actor) && <CallLogPanel />}
      <CallList />
    </Space>
  );
}
