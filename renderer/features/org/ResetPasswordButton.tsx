import { Button, Input, Modal } from 'antd';
import { useState } from 'react';
import { passwordProblems, type Person } from '../../../shared/org/schemas';
import { useSubmit } from '../../client/use-submit';
import { useT } from '../../i18n/i18n-store';
import { useClient } from '../../stores/session-store';

/** An administrator sets a new password; the server ends that person's sessions. */
export function ResetPasswordButton({ person }: { person: Person }) {
  const t = useT();
  const client = useClient();
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState('');
  // The same rules the server holds (length, common, not the username): the button never offers a refusal.
  const problems = passwordProblems(password, person.username);
  const shown = password.length > 0 ? problems : [];
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
      <Modal open={open} title={t('people.resetTitle', { name: person.displayName })} onCancel={() => setOpen(false)} onOk={() => void submit()} okButtonProps={{ disabled: problems.length > 0 }} confirmLoading={busy}>
        <Input.Password value={password} status={shown.length ? 'error' : undefined} onChange={(e) => setPassword(e.target.value)} autoComplete="new-password" placeholder={t('people.password')} />
        {shown.map((p) => (
          <div key={p} style={{ color: '#cf1322', marginTop: 4 }} data-testid="reset-password-problem">
            {t(p)}
          </div>
        ))}
      </Modal>
    </>
  );
}
