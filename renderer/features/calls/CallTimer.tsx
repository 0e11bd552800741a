import { Statistic } from 'antd';
import { useEffect, useState } from 'react';
import { formatDuration } from './format';

/** The call's running time; frozen at `endedAt` once the phone system says the call ended. */
export function CallTimer({ startedAt, endedAt, label }: { startedAt: string; endedAt?: string; label: string }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(id);
  }, []);
  return <Statistic title={label} value={formatDuration(((endedAt ? Date.parse(endedAt) : now) - Date.parse(startedAt)) / 1000)} data-testid="call-timer" />;
}
