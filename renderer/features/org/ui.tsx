import { defineUi, inboxLines } from '../../app/ui-domain';
import { lazyPage } from '../../app/lazy-page';

const PeoplePage = lazyPage(() => import('./PeoplePage').then((m) => m.PeoplePage));

export const orgUi = defineUi({
  areas: [{ key: 'people', group: 'manage', label: 'nav.people', method: 'org.people', render: () => <PeoplePage /> }],
  inbox: inboxLines({
    'org.updatePerson': { area: 'people', what: ({ t, person }, a) => `${t('method.org.updatePerson')} · ${person(a.userId)}` },
    'org.saveTeam': { area: 'people', what: ({ t }, a) => `${t('method.org.saveTeam')} · ${a.name}` },
  }),
});
