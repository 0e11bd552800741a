import type { Actor } from '../../../shared/auth/roles';
import { mayCall } from '../../../shared/api/method';
import { api } from '../../../shared/api/table';
import { defineUi, inboxLines } from '../../app/ui-domain';
import { useQuery } from '../../client/use-query';
import { lazyPage } from '../../app/lazy-page';

const WorkOrdersPage = lazyPage(() => import('./WorkOrdersPage').then((m) => m.WorkOrdersPage));

/** Work orders due soon or overdue that this person owns (an agent) or answers for (a lead, the directors). */
function useWorkOrderBadges(actor: Actor) {
  const list = useQuery('workorders.list', mayCall(api['workorders.list'].access, actor) ? { view: 'atRisk' } : null, { tables: ['work_orders'] });
  const mine = (list.data ?? []).filter((o) => actor.role !== 'agent' || o.ownerId === actor.userId);
  return { workorders: mine.length };
}

export const workOrdersUi = defineUi({
  areas: [{ key: 'workorders', group: 'floor', label: 'nav.workOrders', method: 'workorders.list', render: () => <WorkOrdersPage /> }],
  useBadges: useWorkOrderBadges,
  inbox: inboxLines({
    'workorders.create': { area: 'workorders', what: ({ t }, a) => `${t('method.workorders.create')} · ${t(`wo.type.${a.type}`)} · ${a.title}` },
    'workorders.setStatus': { area: 'workorders', what: ({ t }, a) => `${t('method.workorders.setStatus')} · ${t(`wo.status.${a.status}`)}` },
    'workorders.reassign': { area: 'workorders', what: ({ t, person }, a) => `${t('method.workorders.reassign')} · ${person(a.toId)}` },
    'workorders.supervise': { area: 'workorders', what: ({ t }, a) => `${t('method.workorders.supervise')} · ${a.note}` },
    'workorders.callback': { area: 'workorders', what: ({ t }, a) => `${t('method.workorders.callback')} · ${t(`wo.callback.${a.outcome}`)}` },
    'workorders.complaintStep': { area: 'workorders', what: ({ t }, a) => `${t('method.workorders.complaintStep')} · ${t(`wo.step.${a.step}`)}` },
  }),
});
