import { defineUi } from '../../app/ui-domain';
import { lazyPage } from '../../app/lazy-page';

const DashboardPage = lazyPage(() => import('./DashboardPage').then((m) => m.DashboardPage));

/** The leads' and directors' dashboard, with the live floor (work orders, customers): built on the work-order statistics (who may read them sees it). */
export const dashboardUi = defineUi({
  areas: [{ key: 'dashboard', group: 'floor', label: 'nav.dashboard', method: 'workorders.stats', render: () => <DashboardPage /> }],
});
