import { useEffect, useState } from 'react';
import { useClient } from '../../stores/session-store';

/** The center's time zone from the policy in force: shift times show as the floor's clocks read them. */
export function useCenterZone(): string | null {
  const client = useClient();
  const [zone, setZone] = useState<string | null>(null);
  useEffect(() => {
    let alive = true;
    void client.call('policy.current', {}).then((p) => alive && setZone(p.values.timezone), () => alive && setZone('Asia/Shanghai'));
    return () => {
      alive = false;
    };
  }, [client]);
  return zone;
}
