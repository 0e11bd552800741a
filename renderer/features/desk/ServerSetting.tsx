import { App, Button, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { CallError } from '../../client/desk-client';
import { errorText, fieldMessages } from '../../client/error-text';
import { useT } from '../../i18n/i18n-store';
import { useClient } from '../../stores/session-store';
import { useSyncStatus } from '../sync/use-sync-status';

/** Admin-only: which central server this desk syncs with. */
export function ServerSetting() {
  const t = useT();
  const client = useClient();
  const { message } = App.useApp();
  const status = useSyncStatus();
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | undefined>();
  const value = draft ?? status?.serverUrl ?? '';
  const save = async () => {
    try {
      await client.call('sync.setServer', { url: value.trim() || null });
      setError(undefined);
      setDraft(null);
      void message.success(t('desk.serverSaved'));
    } catch (err) {
      setError(err instanceof CallError && err.wire.fields ? fieldMessages(t, err.wire.fields).url : errorText(t, err));
    }
  };
  return (
    <Form layout="vertical" onFinish={() => void save()}>
      <Form.Item label={t('desk.server')} validateStatus={error ? 'error' : undefined} help={error ?? t('desk.serverHint')}>
        <Space.Compact style={{ width: '100%', maxWidth: 520 }}>
          <Input value={value} placeholder={t('desk.serverNone')} onChange={(e) => setDraft(e.target.value)} data-testid="server-url" />
          <Button type="primary" htmlType="submit">
            {t('desk.serverSave')}
          </Button>
        </Space.Compact>
      </Form.Item>
      {status && <Typography.Text type="secondary">{t(`sync.state.${status.state}`)}</Typography.Text>}
    </Form>
  );
}
