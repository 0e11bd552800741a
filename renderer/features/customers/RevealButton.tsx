import { App, Button, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { CallError } from '../../client/desk-client';
import { errorText, fieldMessages } from '../../client/error-text';
import { useT } from '../../i18n/i18n-store';
import { useClient } from '../../stores/session-store';
import { RuleCitation } from '../rules/RuleCitation';

/** For a masked reader: the full number of one call, after giving a reason (customer.confidential; recorded). */
export function RevealButton({ callId }: { callId: string }) {
  const t = useT();
  const client = useClient();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string>();
  const [shown, setShown] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const reveal = async () => {
    setBusy(true);
    try {
      const r = await client.call('customers.reveal', { id: crypto.randomUUID(), callId, reason });
      setShown(t('customers.revealed', { phone: r.phone, name: r.name }));
      setOpen(false);
      setReason('');
    } catch (err) {
      if (err instanceof CallError && err.wire.fields?.length) setError(Object.values(fieldMessages(t, err.wire.fields, err.wire.params))[0]);
      else void message.error(errorText(t, err));
    } finally {
      setBusy(false);
    }
  };

  if (shown)
    return (
      <Typography.Text strong data-testid="revealed">
        {shown}
      </Typography.Text>
    );
  return (
    <>
      <Button size="small" onClick={(e) => (e.stopPropagation(), setOpen(true))} data-testid="reveal">
        {t('customers.reveal')}
      </Button>
      <Modal open={open} title={t('customers.revealTitle')} okText={t('customers.revealOk')} confirmLoading={busy} onOk={() => void reveal()} onCancel={() => setOpen(false)} destroyOnHidden>
        <Typography.Paragraph type="secondary">
          {t('customers.maskedNote')} <RuleCitation ruleId="customer.confidential" />
        </Typography.Paragraph>
        <Form layout="vertical" component="div">
          <Form.Item label={t('customers.revealReason')} required validateStatus={error ? 'error' : undefined} help={error}>
            <Input.TextArea value={reason} onChange={(e) => (setReason(e.target.value), setError(undefined))} placeholder={t('customers.revealReasonHint')} maxLength={200} autoSize={{ minRows: 2 }} data-testid="reveal-reason" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
