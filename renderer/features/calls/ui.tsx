import { defineUi, inboxLines } from '../../app/ui-domain';
import { CallsPage } from './CallsPage';
import { CallHistoryPage } from './CallHistoryPage';

export const callsUi = defineUi({
  areas: [{ key: 'calls', group: 'mine', label: 'nav.calls', method: 'calls.list', render: () => <CallsPage /> },
    { key: 'call-history', group: 'mine', label: 'nav.callHistory', method: 'calls.history', render: () => <CallHistoryPage /> },
  ],
  inbox: inboxLines({
    'calls.log': { area: 'calls', what: ({ t }, a) => `${t('method.calls.log')} · ${t(`category.${a.category}`)} · ${a.customerPhone}` },
  }),
});
