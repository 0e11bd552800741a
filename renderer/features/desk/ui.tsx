import { defineUi } from '../../app/ui-domain';
import { lazyPage } from '../../app/lazy-page';

const DeskInfoPage = lazyPage(() => import('./DeskInfoPage').then((m) => m.DeskInfoPage));

export const deskUi = defineUi({
  areas: [{ key: 'desk', group: 'manage', label: 'nav.desk', method: 'desk.info', render: () => <DeskInfoPage /> }],
});
