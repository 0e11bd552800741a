import { Alert, Button, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { PASSWORD_RULES, passwordProblems } from '../../../shared/org/schemas';
import { CallError } from '../../client/desk-client';
import { errorText } from '../../client/error-text';
import { isMessageKey, type MessageKey } from '../../i18n/catalogues';
import { useT } from '../../i18n/i18n-store';
import { useSession, type PasswordChangeDue } from '../../stores/session-store';

/** Each rule of PasswordSchema as the checklist states it (positively: what the new password is). */
const RULE_LINE: Record<(typeof PASSWORD_RULES)[number], MessageKey> = {
  'err.passwordTooShort': 'login.passwordRule.length',
  'err.passwordBlank': 'login.passwordRule.notBlank',
  'err.passwordCommon': 'login.passwordRule.notCommon',
  'err.passwordIsUsername': 'login.passwordRule.notUsername',
};

interface Values {
  currentPassword: string;
  newPassword: string;
  repeat: string;
}

function Rule({ ok, text, testId }: { ok: boolean; text: string; testId: string }) {
  return (
    <div data-testid={testId} data-ok={ok ? 'yes' : 'no'} style={{ display: 'flex', gap: 6, alignItems: 'center' }}>
      <span aria-hidden style={{ color: ok ? '#389e0d' : '#bfbfbf', width: 14, textAlign: 'center' }}>
        {ok ? '✓' : '○'}
      </span>
      <Typography.Text type={ok ? undefined : 'secondary'}>{text}</Typography.Text>
    </div>
  );
}

/**
 * The first screen after signing in with a password an administrator chose (a new person, an import, a
 * reset, a center's demo): nothing else opens until it is changed. The rules are the shared PasswordSchema's,
 * ticked off as the person types; the server (or a standalone desk) checks them again.
 */
export function ChangePasswordPage({ due }: { due: PasswordChangeDue }) {
  const t = useT();
  const changePassword = useSession((s) => s.changePassword);
  const signOut = useSession((s) => s.signOut);
  const [form] = Form.useForm<Values>();
  const newPassword = Form.useWatch('newPassword', form) ?? '';
  const repeat = Form.useWatch('repeat', form) ?? '';
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const problems = passwordProblems(newPassword, due.actor.username);
  const matches = newPassword !== '' && newPassword === repeat;
  const ready = problems.length === 0 && matches;

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      await changePassword(v.currentPassword, v.newPassword);
    } catch (err) {
      setError(err);
      // The refused field (a wrong current password, a rule the server holds) is marked where it is.
      const field = err instanceof CallError ? err.wire.fields?.[0] : undefined;
      const name = field?.path === 'currentPassword' ? 'currentPassword' : field?.path === 'newPassword' ? 'newPassword' : null;
      if (name && field) form.setFields([{ name, errors: [isMessageKey(field.code) ? t(field.code) : errorText(t, err)] }]);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="change-password">
      <div>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('login.changePassword.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('login.changePassword.intro', { name: due.actor.displayName })}</Typography.Text>
      </div>
      {error !== null && <Alert type="error" showIcon message={errorText(t, error)} data-testid="change-password-error" />}
      <Form form={form} layout="vertical" requiredMark={false} onFinish={(v: Values) => void submit(v)}>
        <Form.Item name="currentPassword" label={t('login.changePassword.current')} rules={[{ required: true, message: t('err.required') }]}>
          <Input.Password autoFocus autoComplete="current-password" data-testid="change-password-current" />
        </Form.Item>
        <Form.Item name="newPassword" label={t('login.changePassword.new')} rules={[{ required: true, message: t('err.required') }]}>
          <Input.Password autoComplete="new-password" data-testid="change-password-new" />
        </Form.Item>
        <Form.Item name="repeat" label={t('login.changePassword.repeat')} rules={[{ required: true, message: t('err.required') }]} validateStatus={repeat !== '' && !matches ? 'error' : undefined} help={repeat !== '' && !matches ? t('err.passwordMismatch') : undefined}>
          <Input.Password autoComplete="new-password" data-testid="change-password-repeat" />
        </Form.Item>
        <div style={{ marginBottom: 16 }} aria-live="polite">
          <Typography.Text strong>{t('login.changePassword.rules')}</Typography.Text>
          {PASSWORD_RULES.map((rule) => (
            <Rule key={rule} ok={newPassword !== '' && !problems.includes(rule)} text={t(RULE_LINE[rule])} testId={`password-rule-${rule.slice('err.password'.length)}`} />
          ))}
          <Rule ok={matches} text={t('login.passwordRule.repeat')} testId="password-rule-Repeat" />
        </div>
        <Space style={{ width: '100%', justifyContent: 'space-between' }}>
          <Button onClick={() => void signOut()}>{t('login.changePassword.cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={busy} disabled={!ready} data-testid="change-password-submit">
            {t('login.changePassword.submit')}
          </Button>
        </Space>
      </Form>
    </Space>
  );
}
