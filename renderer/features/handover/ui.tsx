import type { Actor } from '../../../shared/auth/roles';
import { defineUi, inboxLines, type Notice as Waiting } from '../../app/ui-domain';
import { useT } from '../../i18n/i18n-store';
import { useNoticeFeed } from './use-notice-feed';
import { lazyPage } from '../../app/lazy-page';

const FloorPage = lazyPage(() => import('./FloorPage').then((m) => m.FloorPage));
const ShiftPage = lazyPage(() => import('./ShiftPage').then((m) => m.ShiftPage));

/** Unread notices wait on the shift screen (handover.read-notices); the feed also arms the call log's gate. */
const useNoticeBadges = (actor: Actor) => ({ shift: useNoticeFeed(actor).length });

/** Each unread notice arrives in the bell once (a notice published during the shift is told at once). */
function useNoticeNotifications(actor: Actor): Waiting[] {
  const t = useT();
  return useNoticeFeed(actor).map((n) => ({ key: `notice:${n.id}`, text: t('notice.notify', { kind: t(`notice.kind.${n.kind}`), title: n.title }), area: 'shift' }));
}

export const handoverUi = defineUi({
  areas: [
    { key: 'shift', group: 'mine', label: 'nav.shift', method: 'duty.mine', render: () => <ShiftPage /> },
    { key: 'floor', group: 'floor', label: 'nav.floor', method: 'duty.floor', render: () => <FloorPage /> },
  ],
  useBadges: useNoticeBadges,
  useNotifications: useNoticeNotifications,
  inbox: inboxLines({
    'duty.checkIn': { area: 'shift', what: ({ t, day }, a) => `${t('method.duty.checkIn')} · ${day(a.date)}` },
    'duty.checkOut': { area: 'shift', what: ({ t, day }, a) => `${t('method.duty.checkOut')} · ${day(a.date)}` },
    'duty.release': { area: 'floor', what: ({ t, person, day }, a) => `${t('method.duty.release')} · ${person(a.userId)} · ${day(a.date)}` },
    'duty.awayRequest': { area: 'shift', what: ({ t, day }, a) => `${t('method.duty.awayRequest')} · ${day(a.date)}` },
    'duty.awayApprove': { area: 'floor', what: ({ t }) => t('method.duty.awayApprove') },
    'duty.awayBack': { area: 'shift', what: ({ t }) => t('method.duty.awayBack') },
    'handover.write': { area: 'shift', what: ({ t, day, shift }, a) => `${t('method.handover.write')} · ${day(a.date)} · ${shift(a.fromShift)}` },
    'handover.ack': { area: 'shift', what: ({ t }) => t('method.handover.ack') },
    'handover.correct': { area: 'shift', what: ({ t }) => t('method.handover.correct') },
    'notice.publish': { area: 'floor', what: ({ t }, a) => `${t('method.notice.publish')} · ${a.title}` },
    'notice.read': { area: 'shift', what: ({ t }) => t('method.notice.read') },
  }),
});
