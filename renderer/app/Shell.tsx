import { Badge, Button, Layout, Menu, Space, Typography } from 'antd';
import { useState } from 'react';
import type { Actor } from '../../shared/auth/roles';
import { useT } from '../i18n/i18n-store';
import { useSession } from '../stores/session-store';
import { areasFor } from './areas';
import { LanguageSwitch } from './LanguageSwitch';
import { SyncBadge } from '../features/sync/SyncBadge';
import { useInbox } from '../features/sync/use-inbox';
import { useWaiting } from '../features/notify/use-waiting';
import { useSyncStatusFeed } from '../features/sync/use-sync-status';

export function Shell({ actor }: { actor: Actor }) {
  const t = useT();
  const signOut = useSession((s) => s.signOut);
  const areas = areasFor(actor);
  const [current, setCurrent] = useState(areas[0]?.key ?? '');
  const area = areas.find((a) => a.key === current) ?? areas[0];
  useSyncStatusFeed();
  const inbox = useInbox()[0]?.length ?? 0;
  const waiting = useWaiting(actor);
  const counts: Record<string, number> = { inbox, leave: waiting.leave, swaps: waiting.swaps };
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 24, background: '#fff', borderBottom: '1px solid #f0f0f0', paddingInline: 20 }}>
        <Typography.Title level={4} style={{ margin: 0, whiteSpace: 'nowrap' }}>
          {t('app.name')}
        </Typography.Title>
        <Menu
          mode="horizontal"
          selectedKeys={area ? [area.key] : []}
          onClick={(e) => setCurrent(e.key)}
          items={areas.map((a) => ({
            key: a.key,
            label: counts[a.key] ? (
              <Badge count={counts[a.key]} size="small" offset={[8, -2]} data-testid={`${a.key}-count`}>
                {t(a.label)}
              </Badge>
            ) : (
              t(a.label)
            ),
          }))}
          style={{ flex: 1, borderBottom: 'none', minWidth: 0 }}
        />
        <Space>
          <SyncBadge />
          <Typography.Text data-testid="signed-in-as">
            {t('shell.signedInAs', { name: actor.displayName, role: t(`role.${actor.role}`) })}
          </Typography.Text>
          <LanguageSwitch />
          <Button onClick={() => void signOut()}>{t('shell.logout')}</Button>
        </Space>
      </Layout.Header>
      <Layout.Content style={{ padding: 20 }}>{area?.render()}</Layout.Content>
    </Layout>
  );
}
