import { defineUi, inboxLines } from '../../app/ui-domain';
import { lazyPage } from '../../app/lazy-page';

const CustomersPage = lazyPage(() => import('./CustomersPage').then((m) => m.CustomersPage));

export const customersUi = defineUi({
  areas: [{ key: 'customers', group: 'floor', label: 'nav.customers', method: 'customers.directory', render: () => <CustomersPage /> }],
  inbox: inboxLines({
    'customers.setTag': { area: 'customers', what: ({ t }, a) => `${t('method.customers.setTag')} · ${a.phone} · ${t(`customers.tag.${a.tag}`)}` },
    'customers.reveal': { area: 'customers', what: ({ t }, a) => `${t('method.customers.reveal')} · ${a.reason}` },
  }),
});
