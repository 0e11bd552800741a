import { Button, Space } from 'antd';
import { useState } from 'react';
import { mayCall } from '../../../shared/api/method';
import { api } from '../../../shared/api/table';
import type { Actor } from '../../../shared/auth/roles';
import { mayChange } from '../../../shared/workorders/rules';
import { CALLBACK_OUTCOMES, type CallbackOutcome, type WorkOrder } from '../../../shared/workorders/schemas';
import { useQuery } from '../../client/use-query';
import { useT } from '../../i18n/i18n-store';
import { useClient } from '../../stores/session-store';
import { ActionModal } from './ActionModal';

type Action = 'finish' | 'supervise' | 'callback' | 'reassign';

/** What this person may do with one work order (workorder.close-rights): start, close, supervise, call back. */
export function WorkOrderActions({ order, actor }: { order: WorkOrder; actor: Actor }) {
  const t = useT();
  const client = useClient();
  const [open, setOpen] = useState<Action | null>(null);
  // Whom it may go to: active agents and leads of its team other than its owner (the server checks again).
  const people = useQuery('org.directory', open === 'reassign' ? {} : null, { tables: ['users'] }).data ?? [];
  const team = people.filter((p) => p.active && p.teamId !== null && p.teamId === order.teamId && (p.role === 'agent' || p.role === 'team_lead') && p.userId !== order.ownerId);
  if (!mayChange(actor, order)) return null;
  const close = () => setOpen(null);
  return (
    <Space size={4} wrap onClick={(e) => e.stopPropagation()}>
      {order.status === 'open' && (
        <Button size="small" onClick={() => void client.call('workorders.setStatus', { id: order.id, status: 'in_progress', note: '' })} data-testid="wo-start">
          {t('wo.start')}
        </Button>
      )}
      {order.status !== 'done' && (
        <Button size="small" type="primary" onClick={() => setOpen('finish')} data-testid="wo-finish">
          {t('wo.finish')}
        </Button>
      )}
      {order.status !== 'done' && mayCall(api['workorders.supervise'].access, actor) && (
        <Button size="small" onClick={() => setOpen('supervise')} data-testid="wo-supervise">
          {t('wo.supervise')}
        </Button>
      )}
      <Button size="small" onClick={() => setOpen('callback')} data-testid="wo-callback">
        {t('wo.callback')}
      </Button>
      {order.status !== 'done' && (
        <Button size="small" onClick={() => setOpen('reassign')} data-testid="wo-reassign">
          {t('wo.reassign')}
        </Button>
      )}
      <ActionModal title={t('wo.finish')} open={open === 'finish'} onClose={close} run={(note) => client.call('workorders.setStatus', { id: order.id, status: 'done', note })} />
      <ActionModal title={t('wo.supervise')} open={open === 'supervise'} onClose={close} noteRequired run={(note) => client.call('workorders.supervise', { id: order.id, note })} />
      <ActionModal<CallbackOutcome>
        title={t('wo.callback')}
        open={open === 'callback'}
        onClose={close}
        choice={{ label: t('wo.outcome'), options: CALLBACK_OUTCOMES.map((o) => ({ value: o, label: t(`wo.callback.${o}`) })) }}
        // An outcome not picked goes to the server as missing: its field error says so.
        run={(note, outcome) => client.call('workorders.callback', { id: order.id, outcome: outcome as CallbackOutcome, note })}
      />
      <ActionModal<string>
        title={t('wo.reassign')}
        open={open === 'reassign'}
        onClose={close}
        noteRequired
        noteLabel={t('wo.reassignReason')}
        noteField="reason"
        choice={{ label: t('wo.reassignTo'), field: 'toId', options: team.map((p) => ({ value: p.userId, label: p.displayName })) }}
        run={(reason, toId) => client.call('workorders.reassign', { id: order.id, toId: toId ?? '', reason })}
      />
    </Space>
  );
}
