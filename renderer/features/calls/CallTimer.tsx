import { Statistic } from 'antd';
import { useEffect, useState } from 'react';
import { formatDuration } from './format';

export function CallTimer({ startedAt, label }: { startedAt: string; label: string }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(id);
  }, []);
  return <Statistic title={label} value={formatDuration((now - Date.parse(startedAt)) / 1000)} data-testid="call-timer" />;
}
