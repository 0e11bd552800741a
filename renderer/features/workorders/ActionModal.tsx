import { App, Form, Input, Modal, Radio } from 'antd';
import { useState, type ReactNode } from 'react';
import { CallError } from '../../client/desk-client';
import { errorText, fieldMessages } from '../../client/error-text';
import { useT } from '../../i18n/i18n-store';

export interface ActionChoice<V extends string> {
  label: string;
  options: readonly { value: V; label: string }[];
  /** The input field a refusal of the choice names (default: the callback's outcome). */
  field?: string;
}

/**
 * One action on a work order that asks for a note (and maybe a choice): close, supervise, call back, a complaint step.
 * A refusal shows under its field, in words; nothing is closed until the action went through.
 */
export function ActionModal<V extends string>({ title, open, onClose, run, choice, noteRequired, noteLabel, noteField, extra }: { title: string; open: boolean; onClose(): void; run(note: string, choice: V | undefined): Promise<unknown>; choice?: ActionChoice<V>; noteRequired?: boolean; noteLabel?: string; noteField?: string; extra?: ReactNode }) {
  const t = useT();
  const { message } = App.useApp();
  const [note, setNote] = useState('');
  const [picked, setPicked] = useState<V>();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    try {
      await run(note, picked);
      setNote('');
      setPicked(undefined);
      setErrors({});
      onClose();
    } catch (err) {
      if (err instanceof CallError && err.wire.fields?.length) setErrors(fieldMessages(t, err.wire.fields, err.wire.params));
      void message.error(errorText(t, err));
    } finally {
      setBusy(false);
    }
  };
  const err = (k: string) => ({ validateStatus: errors[k] ? ('error' as const) : undefined, help: errors[k] });
  return (
    <Modal open={open} title={title} okText={t('wo.save')} confirmLoading={busy} onOk={() => void submit()} onCancel={onClose} destroyOnHidden okButtonProps={{ 'data-testid': 'wo-action-ok' } as never}>
      {extra}
      <Form layout="vertical" component="div">
        {choice && (
          <Form.Item label={choice.label} required {...err(choice.field ?? 'outcome')} {...(errors.due ? err('due') : {})}>
            <Radio.Group value={picked} onChange={(e) => setPicked(e.target.value as V)} options={choice.options.map((o) => ({ value: o.value, label: o.label }))} data-testid="wo-action-choice" />
          </Form.Item>
        )}
        <Form.Item label={noteLabel ?? t('wo.note')} required={noteRequired} {...err(noteField ?? 'note')}>
          <Input.TextArea value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} autoSize={{ minRows: 2 }} data-testid="wo-action-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
