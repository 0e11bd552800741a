import type { Actor } from '../../../shared/auth/roles';
import { mayCall } from '../../../shared/api/method';
import { api } from '../../../shared/api/table';
import { defineUi, inboxLines, type Notice } from '../../app/ui-domain';
import { useT } from '../../i18n/i18n-store';
import { useCenterToday } from '../../client/use-policy';
import { useQuery } from '../../client/use-query';
import { waitsFor } from './LeaveList';
import { lazyPage } from '../../app/lazy-page';

const LeavePage = lazyPage(() => import('./LeavePage').then((m) => m.LeavePage));

/** Leave requests waiting for this person's decision. Lists carry every open request, so this month's list is enough. */
function useLeaveBadges(actor: Actor) {
  const month = useCenterToday().today.slice(0, 7);
  const leave = useQuery('leave.list', mayCall(api['leave.list'].access, actor) ? { month, checks: false } : null, { tables: ['leave_requests'] });
  return { leave: (leave.data ?? []).filter((l) => waitsFor(l, actor)).length };
}

/** Each leave request waiting for this person's decision, one notice per level it waits at. */
function useLeaveNotices(actor: Actor): Notice[] {
  const t = useT();
  const month = useCenterToday().today.slice(0, 7);
  const leave = useQuery('leave.list', mayCall(api['leave.list'].access, actor) ? { month, checks: false } : null, { tables: ['leave_requests'] });
  return (leave.data ?? [])
    .filter((l) => waitsFor(l, actor))
    .map((l) => ({ key: `leave:${l.id}:${l.approvals.length}`, text: t('leave.notify.decide', { who: l.userName, from: l.fromDate, to: l.toDate }), area: 'leave' }));
}

export const leaveUi = defineUi({
  areas: [{ key: 'leave', group: 'mine', label: 'nav.leave', method: 'leave.list', render: () => <LeavePage /> }],
  useBadges: useLeaveBadges,
  useNotifications: useLeaveNotices,
  inbox: inboxLines({
    'leave.request': {
      area: 'leave',
      what: ({ t, day, person }, a) => `${t('method.leave.request')} · ${person(a.userId)} · ${t(`leave.type.${a.type}`)} · ${day(a.fromDate)}–${day(a.toDate)}`,
    },
    'leave.decide': { area: 'leave', what: ({ t }, a) => `${t('method.leave.decide')} · ${t(a.approve ? 'inbox.approve' : 'inbox.reject')}` },
    'leave.cancel': { area: 'leave', what: ({ t }) => t('method.leave.cancel') },
    'leave.attachCertificate': { area: 'leave', what: ({ t }) => t('method.leave.attachCertificate') },
    'discipline.record': { area: 'leave', what: ({ t, person, day }, a) => `${t('method.discipline.record')} · ${person(a.userId)} · ${day(a.date)}` },
  }),
});
