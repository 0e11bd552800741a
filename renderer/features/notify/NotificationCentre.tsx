import { App, Badge, Button, List, Popover, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { Actor } from '../../../shared/auth/roles';
import { useNotices } from '../../app/areas';
import type { Notice } from '../../app/ui-domain';
import { useT } from '../../i18n/i18n-store';
import { nativeNotify } from './native';
import { useSeen } from './seen-store';

/** More arrivals than this at once (signing in to a backlog) make one summary toast, not a stack. */
const MAX_TOASTS = 2;

/**
 * The bell: what waits for the signed-in person in every domain (each declares its notices in its ui.tsx),
 * unread first, with the unread count; a toast (and, in Electron, a native notification) when something new
 * arrives. A button, so Tab reaches it and Enter opens it; each notice is a button that opens where to act.
 */
export function NotificationCentre({ actor, show }: { actor: Actor; show(area: string): void }) {
  const t = useT();
  const { notification } = App.useApp();
  const notices = useNotices(actor);
  const seen = useSeen((s) => s.seen);
  const announced = useSeen((s) => s.announced);
  const loadedFor = useSeen((s) => s.userId);
  const { use, mark, announce } = useSeen.getState();
  const [open, setOpen] = useState(false);
  useEffect(() => use(actor.userId), [actor.userId, use]);

  const unread = notices.filter((n) => !seen.has(n.key));
  const keys = notices.map((n) => n.key).join('|');
  useEffect(() => {
    // Until this person's read state is loaded, every notice would look new.
    if (loadedFor !== actor.userId) return;
    const fresh = unread.filter((n) => !announced.has(n.key));
    if (fresh.length === 0) return;
    announce(fresh.map((n) => n.key));
    const title = t('notify.title');
    if (fresh.length > MAX_TOASTS) {
      notification.info({ title, description: t('notify.many', { count: fresh.length }), placement: 'topRight' });
      nativeNotify(title, t('notify.many', { count: fresh.length }));
      return;
    }
    for (const n of fresh) {
      notification.info({ key: n.key, title, description: n.text, placement: 'topRight', onClick: () => go(n) });
      nativeNotify(title, n.text);
    }
  }, [keys, loadedFor]); // eslint-disable-line react-hooks/exhaustive-deps -- arrivals are new keys (or a person's state loaded), nothing else

  const go = (n: Notice) => {
    mark([n.key], notices.map((x) => x.key));
    setOpen(false);
    show(n.area);
    n.open?.();
  };
  const sorted = [...unread, ...notices.filter((n) => seen.has(n.key))];
  const content = (
    <div style={{ width: 360 }} data-testid="notify-list">
      <List
        size="small"
        dataSource={sorted}
        locale={{ emptyText: t('notify.none') }}
        renderItem={(n) => (
          <List.Item key={n.key} data-unread={seen.has(n.key) ? 'no' : 'yes'}>
            <Button type="text" block style={{ textAlign: 'start', whiteSpace: 'normal', height: 'auto', fontWeight: seen.has(n.key) ? 400 : 600 }} onClick={() => go(n)}>
              {n.text}
            </Button>
          </List.Item>
        )}
      />
      {unread.length > 0 && (
        <Button size="small" type="link" onClick={() => mark(unread.map((n) => n.key), notices.map((n) => n.key))} data-testid="notify-mark-all">
          {t('notify.markAllRead')}
        </Button>
      )}
    </div>
  );
  return (
    <Popover open={open} onOpenChange={setOpen} trigger="click" placement="bottomRight" title={<Typography.Text strong>{t('notify.title')}</Typography.Text>} content={content}>
      <Badge count={unread.length} size="small" data-testid="notify-count">
        <Button shape="circle" icon={<BellIcon />} aria-label={t('notify.bell', { count: unread.length })} data-testid="notify-bell" />
      </Badge>
    </Popover>
  );
}

/** A bell drawn inline: no icon font or emoji font is needed (a closed-network desk may have neither). */
function BellIcon() {
  return (
    <svg aria-hidden width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" style={{ verticalAlign: '-3px' }}>
      <path d="M18 8a6 6 0 0 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
      <path d="M13.73 21a2 2 0 0 1-3.46 0" />
    </svg>
  );
}
