import { defineUi, inboxLines } from '../../app/ui-domain';
import { useTelephony } from './use-telephony';
import type { Actor } from '../../../shared/auth/roles';
import { lazyPage } from '../../app/lazy-page';

const CallsPage = lazyPage(() => import('./CallsPage').then((m) => m.CallsPage));

export const callsUi = defineUi({
  areas: [{ key: 'calls', group: 'mine', label: 'nav.calls', method: 'calls.list', render: () => <CallsPage /> },
  ],
  // The shell calls every domain's badge hook on each render while someone is signed in: the one place a
  // domain can listen for the whole session, which the phone system's screen pop needs. It counts nothing.
  useBadges: (actor: Actor) => {
    useTelephony(actor);
    return {};
  },
  inbox: inboxLines({
    'calls.log': { area: 'calls', what: ({ t }, a) => `${t('method.calls.log')} · ${t(`category.${a.category}`)} · ${a.customerPhone}` },
  }),
});
