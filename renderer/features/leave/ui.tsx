import type { Actor } from '../../../shared/auth/roles';
import { mayCall } from '../../../shared/api/method';
import { api } from '../../../shared/api/table';
import { defineUi, inboxLines } from '../../app/ui-domain';
import { useCenterToday } from '../../client/use-policy';
import { useQuery } from '../../client/use-query';
import { LeavePage } from './LeavePage';
import { waitsFor } from './LeaveList';

/** Leave requests waiting for this person's decision. Lists carry every open request, so this month's list is enough. */
function useLeaveBadges(actor: Actor) {
  const month = useCenterToday().today.slice(0, 7);
  const leave = useQuery('leave.list', mayCall(api['leave.list'].access, actor) ? { month, checks: false } : null, { tables: ['leave_requests'] });
  return { leave: (leave.data ?? []).filter((l) => waitsFor(l, actor)).length };
}

export const leaveUi = defineUi({
  areas: [{ key: 'leave', group: 'mine', label: 'nav.leave', method: 'leave.list', render: () => <LeavePage /> }],
  useBadges: useLeaveBadges,
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
