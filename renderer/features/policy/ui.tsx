import { defineUi, inboxLines } from '../../app/ui-domain';
import { lazyPage } from '../../app/lazy-page';

const PolicyPage = lazyPage(() => import('./PolicyPage').then((m) => m.PolicyPage));

export const policyUi = defineUi({
  areas: [{ key: 'policy', group: 'manage', label: 'nav.policy', method: 'policy.history', render: () => <PolicyPage /> }],
  inbox: inboxLines({
    'policy.update': { area: 'policy', what: ({ t, day }, a) => `${t('method.policy.update')} · ${t('inbox.effectiveFrom', { date: day(a.effectiveFrom) })}` },
  }),
});
