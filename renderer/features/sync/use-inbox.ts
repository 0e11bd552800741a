import { useEffect, useState } from 'react';
import type { InboxItem } from '../../../shared/sync/methods';
import { useClient } from '../../stores/session-store';

/** Refused actions waiting for the signed-in person (null while loading); refreshed after every sync. */
export function useInbox(): [InboxItem[] | null, (items: InboxItem[]) => void] {
  const client = useClient();
  const [items, setItems] = useState<InboxItem[] | null>(null);
  useEffect(() => {
    let alive = true;
    const load = () => void client.call('sync.inbox', {}).then((v) => alive && setItems(v), () => undefined);
    load();
    const off = client.onEvent((e) => e.type === 'changed' && load());
    return () => {
      alive = false;
      off();
    };
  }, [client]);
  return [items, setItems];
}
