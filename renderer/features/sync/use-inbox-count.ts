import { useEffect, useState } from 'react';
import { useClient } from '../../stores/session-store';

/** How many refused actions wait for the signed-in person; refreshed after every sync. */
export function useInboxCount(): number {
  const client = useClient();
  const [count, setCount] = useState(0);
  useEffect(() => {
    let alive = true;
    const load = () => void client.call('sync.inbox', {}).then((items) => alive && setCount(items.length), () => undefined);
    load();
    const off = client.onEvent((e) => e.type === 'changed' && load());
    return () => {
      alive = false;
      off();
    };
  }, [client]);
  return count;
}
