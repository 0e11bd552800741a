import { Badge, Button, Progress, Space, Tooltip, Typography } from 'antd';
import type { SyncStatus } from '../../../shared/sync/status';
import { useI18n, useT } from '../../i18n/i18n-store';
import { useClient } from '../../stores/session-store';
import { formatClock } from '../calls/format';
import { useSyncStatus } from './use-sync-status';

const DOT: Record<SyncStatus['state'], 'success' | 'processing' | 'default' | 'error' | 'warning'> = {
  online: 'success',
  syncing: 'processing',
  offline: 'warning',
  signedOut: 'error',
  standalone: 'default',
};

/** Header status: online / offline / syncing / N pending / last synced, and a first-sync progress bar. */
export function SyncBadge() {
  const t = useT();
  const locale = useI18n((s) => s.locale);
  const client = useClient();
  const status = useSyncStatus();
  if (!status) return null;
  const detail = [
    status.serverUrl ? t('sync.server', { url: status.serverUrl }) : null,
    status.lastSyncedAt ? t('sync.lastSynced', { time: formatClock(status.lastSyncedAt, locale) }) : t('sync.never'),
    status.retryInSeconds !== null ? t('sync.retryIn', { seconds: status.retryInSeconds }) : null,
  ].filter(Boolean);
  return (
    <Space size="small" data-testid="sync-status" data-state={status.state} data-pending={status.pending}>
      <Tooltip title={detail.map((d) => <div key={d}>{d}</div>)}>
        <Badge status={DOT[status.state]} text={t(`sync.state.${status.state}`)} />
      </Tooltip>
      {/* A standalone desk is its own authority: nothing waits for a server. */}
      {status.pending > 0 && status.state !== 'standalone' && <Typography.Text type="warning">{t('sync.pending', { count: status.pending })}</Typography.Text>}
      {status.firstSync && (
        <Tooltip title={t('sync.firstSync', status.firstSync)}>
          <Progress percent={Math.round((100 * status.firstSync.received) / Math.max(1, status.firstSync.total))} size="small" style={{ width: 100 }} data-testid="first-sync" />
        </Tooltip>
      )}
      {status.state !== 'standalone' && (
        <Button size="small" onClick={() => void client.call('sync.now', {})} loading={status.state === 'syncing'}>
          {t('sync.now')}
        </Button>
      )}
    </Space>
  );
}
