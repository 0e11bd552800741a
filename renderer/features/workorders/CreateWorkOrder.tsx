import { App, Button, Form, Input, Select, Space } from 'antd';
import { useState } from 'react';
import type { CallRecord } from '../../../shared/calls/schemas';
import { WORK_ORDER_TYPES, type WorkOrderType } from '../../../shared/workorders/schemas';
import { CallError } from '../../client/desk-client';
import { errorText, fieldMessages } from '../../client/error-text';
import { useCenterToday } from '../../client/use-policy';
import { useI18n, useT } from '../../i18n/i18n-store';
import { useClient } from '../../stores/session-store';
import { formatDateTime } from '../calls/history-range';
import { RuleCitation } from '../rules/RuleCitation';

/** A work order from a call: a complaint call starts as a complaint, its summary as the subject. */
export function CreateWorkOrder({ call }: { call: CallRecord }) {
  const t = useT();
  const locale = useI18n((s) => s.locale);
  const { zone } = useCenterToday();
  const client = useClient();
  const { message } = App.useApp();
  const [type, setType] = useState<WorkOrderType>(call.category === 'complaint' ? 'complaint' : 'fault');
  const [title, setTitle] = useState(call.summary);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const create = async () => {
    setBusy(true);
    try {
      const o = await client.call('workorders.create', { id: crypto.randomUUID(), callId: call.id, type, title });
      void message.success(t('wo.created', { due: formatDateTime(o.dueAt, locale, zone) }));
      setErrors({});
    } catch (err) {
      if (err instanceof CallError && err.wire.fields?.length) setErrors(fieldMessages(t, err.wire.fields, err.wire.params));
      void message.error(errorText(t, err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Form layout="vertical" component="div" data-testid="wo-create">
      <Form.Item label={t('wo.type')} validateStatus={errors.type ? 'error' : undefined} help={errors.type}>
        <Select value={type} onChange={setType} options={WORK_ORDER_TYPES.map((v) => ({ value: v, label: t(`wo.type.${v}`) }))} data-testid="wo-create-type" />
      </Form.Item>
      <Form.Item label={t('wo.subject')} required validateStatus={errors.title ? 'error' : undefined} help={errors.title}>
        <Input.TextArea value={title} onChange={(e) => setTitle(e.target.value)} maxLength={200} autoSize={{ minRows: 2 }} data-testid="wo-create-title" />
      </Form.Item>
      <Space>
        <Button type="primary" loading={busy} onClick={() => void create()} data-testid="wo-create-ok">
          {t('wo.create')}
        </Button>
        <RuleCitation ruleId="workorder.due" />
      </Space>
    </Form>
  );
}
