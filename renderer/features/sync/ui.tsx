import { defineUi } from '../../app/ui-domain';
import { InboxPage } from './InboxPage';
import { useInbox } from './use-inbox';

export const syncUi = defineUi({
  areas: [{ key: 'inbox', group: 'mine', label: 'nav.inbox', method: 'sync.inbox', render: (ctx) => <InboxPage ctx={ctx} /> }],
  useBadges: () => ({ inbox: useInbox()[0]?.length ?? 0 }),
});
