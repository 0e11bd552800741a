import { defineUi } from '../../app/ui-domain';
import { DashboardPage } from './DashboardPage';

/** The leads' and directors' dashboard: built on the work-order statistics (who may read them sees it). */
export const dashboardUi = defineUi({
  areas: [{ key: 'dashboard', group: 'reports', label: 'nav.dashboard', method: 'workorders.stats', render: () => <DashboardPage /> }],
});
