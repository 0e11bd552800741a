import type { Actor } from '../../../shared/auth/roles';
import { mayCall } from '../../../shared/api/method';
import { api } from '../../../shared/api/table';
import { defineUi, inboxLines, type Notice } from '../../app/ui-domain';
import { useT } from '../../i18n/i18n-store';
import { useCenterToday } from '../../client/use-policy';
import { useQuery } from '../../client/use-query';
import { actionFor } from './SwapList';
import { lazyPage } from '../../app/lazy-page';

const SwapsPage = lazyPage(() => import('./SwapsPage').then((m) => m.SwapsPage));

/** Swaps waiting for this person: an answer as the partner, or a lead's decision. */
function useSwapBadges(actor: Actor) {
  const month = useCenterToday().today.slice(0, 7);
  const swaps = useQuery('swap.list', mayCall(api['swap.list'].access, actor) ? { month, checks: false } : null, { tables: ['swaps'] });
  return { swaps: (swaps.data?.swaps ?? []).filter((s) => actionFor(s, actor) !== null).length };
}

/** Each swap asked of this person (an answer, a lead's decision), one notice per step it waits at. */
function useSwapNotices(actor: Actor): Notice[] {
  const t = useT();
  const month = useCenterToday().today.slice(0, 7);
  const swaps = useQuery('swap.list', mayCall(api['swap.list'].access, actor) ? { month, checks: false } : null, { tables: ['swaps'] });
  return (swaps.data?.swaps ?? []).flatMap((s) => {
    const action = actionFor(s, actor);
    return action ? [{ key: `swap:${s.id}:${s.status}`, text: t(action === 'respond' ? 'swap.notify.respond' : 'swap.notify.decide', { who: s.requesterName, partner: s.partnerName }), area: 'swaps' }] : [];
  });
}

export const swapUi = defineUi({
  areas: [{ key: 'swaps', group: 'mine', label: 'nav.swaps', method: 'swap.list', render: () => <SwapsPage /> }],
  useBadges: useSwapBadges,
  useNotifications: useSwapNotices,
  inbox: inboxLines({
    'swap.request': {
      area: 'swaps',
      what: ({ t, day, person }, a) => `${t('method.swap.request')} · ${t('swap.inboxLine', { partner: person(a.partnerId), give: day(a.giveDate), take: day(a.takeDate) })}`,
    },
    'swap.respond': { area: 'swaps', what: ({ t }, a) => `${t('method.swap.respond')} · ${t(a.accept ? 'inbox.approve' : 'inbox.reject')}` },
    'swap.decide': { area: 'swaps', what: ({ t }, a) => `${t('method.swap.decide')} · ${t(a.approve ? 'inbox.approve' : 'inbox.reject')}` },
    'swap.cancel': { area: 'swaps', what: ({ t }) => t('method.swap.cancel') },
  }),
});
