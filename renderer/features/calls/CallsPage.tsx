import { mayCall } from '../../../shared/api/method';
import { api } from '../../../shared/api/table';
import { useSession } from '../../stores/session-store';
import { CallList } from './CallList';
import { CallLogPanel } from './CallLogPanel';

export function CallsPage() {
  const actor = useSession((s) => s.actor)!;
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 16, minWidth: 0 }}>
      {mayCall(api['calls.log'].access, actor) && <CallLogPanel />}
      <CallList />
    </div>
  );
}
