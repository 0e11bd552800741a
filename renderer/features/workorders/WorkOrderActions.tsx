import { Button, Space } from 'antd';
import { useState } from 'react';
import { mayCall } from '../../../shared/api/method';
import { api } from '../../../shared/api/table';
import type { Actor } from '../../../shared/auth/roles';
import { mayChange } from '../../../shared/workorders/rules';
import { CALLBACK_OUTCOMES, type CallbackOutcome, type WorkOrder } from '../../../shared/workorders/schemas';
import { useT } from '../../i18n/i18n-store';
import { useClient } from '../../stores/session-store';
import { ActionModal } from './ActionModal';

type Action = 'finish' | 'supervise' | 'callback';

/** What this person may do with one work order (workorder.close-rights): start, close, supervise, call back. */
export function WorkOrderActions({ order, actor }: { order: WorkOrder; actor: Actor }) {
  const t = useT();
  const client = useClient();
  const [open, setOpen] = useState<Action | null>(null);
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
    </Space>
  );
}
