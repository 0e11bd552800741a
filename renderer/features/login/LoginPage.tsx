import { Alert, Badge, Button, Card, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { errorText } from '../../client/error-text';
import { CallError } from '../../client/desk-client';
import type { T } from '../../i18n/i18n-store';
import { useT } from '../../i18n/i18n-store';
import { useSession } from '../../stores/session-store';
import { LanguageSwitch } from '../../app/LanguageSwitch';
import { useServerConnection, type ServerConnection } from './server-connection';
import { ChangePasswordPage } from './ChangePasswordPage';
import { lockedText } from './login-error';

const DOT: Record<ServerConnection, 'success' | 'processing' | 'warning' | 'default'> = {
  online: 'success',
  checking: 'processing',
  offline: 'warning',
  standalone: 'default',
};

/** One line under the title: is the central server there (and what that means for signing in). */
function ServerLine() {
  const t = useT();
  const connection = useServerConnection();
  return (
    <div data-testid="login-server" data-state={connection}>
      <Badge status={DOT[connection]} text={t(`login.server.${connection}`)} />
      {connection === 'offline' && (
        <div>
          <Typography.Text type="secondary">{t('login.server.offlineHint')}</Typography.Text>
        </div>
      )}
    </div>
  );
}

/** Why a sign-in failed, in the reader's language: a locked account says for how long, not "wrong password". */
function failureText(t: T, err: unknown): string {
  return (err instanceof CallError ? lockedText(t, err.wire) : null) ?? errorText(t, err);
}

export function LoginPage() {
  const t = useT();
  const signIn = useSession((s) => s.signIn);
  const passwordChange = useSession((s) => s.passwordChange);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (v: { username: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      await signIn(v.username, v.password);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: '#f5f6f8' }}>
      <Card style={{ width: 380 }}>
        <Space direction="vertical" size="large" style={{ width: '100%' }}>
          <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
            <div>
              <Typography.Title level={3} style={{ margin: 0 }}>
                {t('login.title')}
              </Typography.Title>
              <Typography.Text type="secondary">{t('app.tagline')}</Typography.Text>
            </div>
            <LanguageSwitch />
          </div>
          {passwordChange ? (
            <ChangePasswordPage due={passwordChange} />
          ) : (
            <>
              <ServerLine />
              {error !== null && <Alert type="error" showIcon message={t('login.failed')} description={failureText(t, error)} data-testid="login-error" />}
              <Form layout="vertical" onFinish={(v: { username: string; password: string }) => void submit(v)} requiredMark={false}>
                <Form.Item name="username" label={t('login.username')} rules={[{ required: true, message: t('err.required') }]}>
                  <Input autoFocus autoComplete="username" />
                </Form.Item>
                <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('err.required') }]}>
                  <Input.Password autoComplete="current-password" />
                </Form.Item>
                <Button type="primary" htmlType="submit" block loading={busy}>
                  {t('login.submit')}
                </Button>
              </Form>
            </>
          )}
        </Space>
      </Card>
    </div>
  );
}
