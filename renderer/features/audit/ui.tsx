import { defineUi } from '../../app/ui-domain';
import { lazyPage } from '../../app/lazy-page';

const AuditPage = lazyPage(() => import('./AuditPage').then((m) => m.AuditPage));

export const auditUi = defineUi({
  areas: [{ key: 'audit', group: 'manage', label: 'audit.nav', method: 'audit.list', render: (ctx) => <AuditPage ctx={ctx} /> }],
});
