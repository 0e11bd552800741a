import { Button, Space, Steps, Typography } from 'antd';
import { useState } from 'react';
import { COMPLAINT_STEPS, type ComplaintStep, type WorkOrder } from '../../../shared/workorders/schemas';
import { nextComplaintStep, stepRule } from '../../../shared/workorders/rules';
import { useT } from '../../i18n/i18n-store';
import { useClient } from '../../stores/session-store';
import { RuleCitation } from '../rules/RuleCitation';
import { ActionModal } from './ActionModal';

/** The complaint's five steps (seed 001 Ⅲ.2) as a progress line; only the next one can be done (complaint.order). */
export function ComplaintSteps({ order, canAct }: { order: WorkOrder; canAct: boolean }) {
  const t = useT();
  const client = useClient();
  const [open, setOpen] = useState(false);
  const next = nextComplaintStep(order.steps);
  const current = next ? COMPLAINT_STEPS.indexOf(next) : COMPLAINT_STEPS.length;
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="complaint-steps">
      <Steps
        size="small"
        current={current}
        items={COMPLAINT_STEPS.map((s) => {
          const done = order.steps.find((x) => x.step === s);
          return { title: t(`wo.step.${s}`), description: done ? done.note + (s === 'compensate' ? ` · ${t(done.due ? 'wo.compensationDue' : 'wo.compensationNotDue')}` : '') : undefined };
        })}
      />
      <Space wrap>
        {next && canAct && (
          <Button size="small" type="primary" onClick={() => setOpen(true)} data-testid="complaint-next">
            {t('wo.nextStep', { step: t(`wo.step.${next}`) })}
          </Button>
        )}
        {!next && <Typography.Text type="success">{t('wo.stepsDone')}</Typography.Text>}
        <RuleCitation ruleId="complaint.order" />
      </Space>
      {next && (
        <ActionModal<'due' | 'notDue'>
          title={t('wo.nextStep', { step: t(`wo.step.${next}`) })}
          open={open}
          onClose={() => setOpen(false)}
          noteRequired
          extra={<RuleCitation ruleId={stepRule(next)} />}
          choice={next === 'compensate' ? { label: t('wo.step.compensate'), options: [{ value: 'due', label: t('wo.compensationDue') }, { value: 'notDue', label: t('wo.compensationNotDue') }] } : undefined}
          run={(note, c) => client.call('workorders.complaintStep', { id: order.id, step: next as ComplaintStep, note, due: next === 'compensate' && c ? c === 'due' : undefined })}
        />
      )}
    </Space>
  );
}
