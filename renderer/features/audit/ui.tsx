import { defineUi } from '../../app/ui-domain';
import { AuditPage } from './AuditPage';

export const auditUi = defineUi({
  areas: [{ key: 'audit', group: 'manage', label: 'audit.nav', method: 'audit.list', render: (ctx) => <AuditPage ctx={ctx} /> }],
});
