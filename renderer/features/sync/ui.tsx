import { defineUi } from '../../app/ui-domain';
import { useInbox } from './use-inbox';
import { lazyPage } from '../../app/lazy-page';

const InboxPage = lazyPage(() => import('./InboxPage').then((m) => m.InboxPage));

export const syncUi = defineUi({
  areas: [{ key: 'inbox', group: 'mine', label: 'nav.inbox', method: 'sync.inbox', render: (ctx) => <InboxPage ctx={ctx} /> }],
  useBadges: () => ({ inbox: useInbox()[0]?.length ?? 0 }),
});
