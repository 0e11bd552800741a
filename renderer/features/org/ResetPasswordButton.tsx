import { Button, Input, Modal } from 'antd';
import { useState } from 'react';
import type { Person } from '../../../shared/org/schemas';
import { useSubmit } from '../../client/use-submit';
import { useT } from '../../i18n/i18n-store';
import { useClient } from '../../stores/session-store';

/** An administrator sets a new password; the server ends that person's sessions. */
export function ResetPasswordButton({ person }: { person: Person }) {
  const t = useT();
  const client = useClient();
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState('');
  const short = password.length > 0 && password.length < 8;
  const { busy, submit: send } = useSubmit();
  const submit = () =>
    send(async () => {
      await client.call('org.setPassword', { userId: person.userId, password });
      setOpen(false);
      setPassword('');
      return t('people.passwordSet', { name: person.displayName });
    });
  return (
    <>
      <Button size="small" type="link" onClick={() => setOpen(true)}>
        {t('people.resetPassword')}
      </Button>
      <Modal open={open} title={t('people.resetTitle', { name: person.displayName })} onCancel={() => setOpen(false)} onOk={() => void submit()} okButtonProps={{ disabled: password.length < 8 }} confirmLoading={busy}>
        <Input.Password value={password} status={short ? 'error' : undefined} onChange={(e) => setPassword(e.target.value)} autoComplete="new-password" placeholder={t('people.password')} />
        {short && <div style={{ color: '#cf1322', marginTop: 4 }}>{t('err.passwordShort')}</div>}
      </Modal>
    </>
  );
}
