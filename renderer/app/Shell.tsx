import { Badge, Button, ConfigProvider, Layout, Menu, Space, Spin, Typography } from 'antd';
import type { MenuProps } from 'antd';
import { Suspense, useEffect } from 'react';
import { GroupTabs } from './GroupTabs';
import { mayCall } from '../../shared/api/method';
import { api } from '../../shared/api/table';
import type { Actor } from '../../shared/auth/roles';
import { useT } from '../i18n/i18n-store';
import { useSession } from '../stores/session-store';
import { AREA_GROUPS, areasFor, homeArea, actionLineOf, useBadges, useDomainShortcuts } from './areas';
import { useNav } from './nav-store';
import { HEADER_H, SIDER_W } from './layout';
import { LanguageSwitch } from './LanguageSwitch';
import { SEARCH_CALLS_KEY, START_CALL_KEY, useIntent } from './shortcuts';
import { askForCall } from '../features/calls/start-call';
import { SyncBadge } from '../features/sync/SyncBadge';
import { NotificationCentre } from '../features/notify/NotificationCentre';
import { useSyncStatusFeed } from '../features/sync/use-sync-status';


export function Shell({ actor }: { actor: Actor }) {
  const t = useT();
  const signOut = useSession((s) => s.signOut);
  const areas = areasFor(actor);
  const current = useNav((s) => s.area);
  const setCurrent = useNav((s) => s.show);
  // A new sign-in starts at the role's home, not where the last person left the desk.
  useEffect(() => setCurrent(homeArea(areasFor(actor))), [actor.userId, setCurrent]); // eslint-disable-line react-hooks/exhaustive-deps
  const area = areas.find((a) => a.key === current) ?? areas.find((a) => a.key === homeArea(areas)) ?? areas[0];
  useSyncStatusFeed();
  useGlobalKeys(actor, setCurrent);
  useDomainShortcuts(actor, setCurrent);
  const counts = useBadges(actor);

  // Thirty-odd areas cannot all stand in one column at 800 px: the groups are tabs in the header (each with
  // the sum of its badges, so nothing that waits is out of sight), and the side menu holds the open group's
  // areas, every one in view. A group tab reopens the area last used in it.
  const group = area?.group;
  const groups = AREA_GROUPS.filter((g) => areas.some((a) => a.group === g));
  const items: MenuProps['items'] = [
    {
      type: 'group' as const,
      key: `group-${group ?? 'none'}`,
      label: group ? t(`nav.group.${group}`) : '',
      children: areas
        .filter((a) => a.group === group)
        .map((a) => ({
          key: a.key,
          label: (
            <span className="zb-nav-item" data-area={a.key}>
              <span>{t(a.label)}</span>
              {counts[a.key] ? <Badge count={counts[a.key]} size="small" data-testid={`${a.key}-count`} /> : null}
            </span>
          ),
        })),
    },
  ];

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 24, height: HEADER_H, lineHeight: `${HEADER_H}px`, background: '#fff', borderBottom: '1px solid #f0f0f0', paddingInline: 20, position: 'sticky', top: 0, zIndex: 10 }}>
        <Typography.Title level={4} style={{ margin: 0, whiteSpace: 'nowrap' }}>
          {t('app.name')}
        </Typography.Title>
        <GroupTabs groups={groups} current={group} areas={areas} counts={counts} show={setCurrent} />
        <Space style={{ marginInlineStart: 'auto' }}>
          <SyncBadge />
          <NotificationCentre actor={actor} show={setCurrent} />
          <Typography.Text data-testid="signed-in-as" style={{ whiteSpace: 'nowrap' }}>
            {t('shell.signedInAs', { name: actor.displayName, role: t(`role.${actor.role}`) })}
          </Typography.Text>
          <LanguageSwitch />
          <Button onClick={() => void signOut()}>{t('shell.logout')}</Button>
        </Space>
      </Layout.Header>
      <Layout hasSider>
        <Layout.Sider
          width={SIDER_W}
          theme="light"
          data-testid="nav"
          style={{ position: 'sticky', top: HEADER_H, height: `calc(100vh - ${HEADER_H}px)`, overflowY: 'auto', borderRight: '1px solid #f0f0f0' }}
        >
          {/* Compact rows: the open group's areas stay in view at 800 px high without scrolling the menu. */}
          <ConfigProvider theme={{ components: { Menu: { itemHeight: 32, itemMarginBlock: 2, groupTitleLineHeight: 1.2 } } }}>
            <Menu mode="inline" selectedKeys={area ? [area.key] : []} onClick={(e) => setCurrent(e.key)} items={items} style={{ borderInlineEnd: 'none' }} />
          </ConfigProvider>
        </Layout.Sider>
        <Layout.Content style={{ padding: 20, minWidth: 0 }}>
          {/* Each area's screen is its own chunk (lazy-page.ts), loaded the first time it is opened. */}
          <Suspense fallback={<Spin tip={t('app.loading')} data-testid="area-loading" />}>{area?.render({ actor, show: setCurrent, actionLine: actionLineOf })}</Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

/**
 * The keys that work on every screen: F2 opens a call log (switching to the call area, timer running;
 * unread notices first, handover.read-notices),
 * F3 searches today's calls. One listener here, not one per page.
 */
function useGlobalKeys(actor: Actor, show: (area: string) => void) {
  const mayLog = mayCall(api['calls.log'].access, actor);
  const mayList = mayCall(api['calls.list'].access, actor);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === START_CALL_KEY && mayLog) {
        e.preventDefault();
        askForCall(actor.userId, show);
      } else if (e.key === SEARCH_CALLS_KEY && mayList) {
        e.preventDefault();
        show('calls');
        useIntent.getState().request('searchCalls');
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [actor.userId, mayLog, mayList, show]);
}
