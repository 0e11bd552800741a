import { defineUi, inboxLines } from '../../app/ui-domain';
import { CallsPage } from './CallsPage';

export const callsUi = defineUi({
  areas: [{ key: 'calls', group: 'mine', label: 'nav.calls', method: 'calls.list', render: () => <CallsPage /> }],
  inbox: inboxLines({
    'calls.log': { area: 'calls', what: ({ t }, a) => `${t('method.calls.log')} · ${t(`category.${a.category}`)} · ${a.customerPhone}` },
  }),
});
