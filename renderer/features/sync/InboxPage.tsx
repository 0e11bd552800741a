import { Button, Card, Empty, List, Space, Tag, Typography } from 'antd';
import type { InboxItem } from '../../../shared/sync/methods';
import { useActionWords } from '../../app/action-words';
import type { AreaContext } from '../../app/ui-domain';
import { useI18n, useT } from '../../i18n/i18n-store';
import { dateFormat } from '../../i18n/date-format';
import { useClient } from '../../stores/session-store';
import { useCenterToday } from '../../client/use-policy';
import { actionTitle, refusalReasons } from './inbox-text';
import { useInbox } from './use-inbox';

/**
 * Actions the server refused after this desk had applied them: persistent until the person dismisses them.
 * Each says what it was (partner, dates, shift: its domain's inbox line), why, and opens the screen where
 * it can be tried again.
 */
export function InboxPage({ ctx }: { ctx: AreaContext }) {
  const t = useT();
  const locale = useI18n((s) => s.locale);
  const client = useClient();
  const [items, setItems] = useInbox();
  const words = useActionWords();
  const dismiss = async (i: InboxItem) => {
    await client.call('sync.dismiss', { clientId: i.clientId, mutationId: i.mutationId });
    setItems((items ?? []).filter((x) => x !== i));
  };
  // When it was done, on the center's clock like every other time on the desk (not the browser's zone).
  const { zone } = useCenterToday();
  const when = (iso: string) => dateFormat(locale, { dateStyle: 'short', timeStyle: 'short', timeZone: zone }).format(new Date(iso.split('#')[0]!));
  return (
    <Card title={t('inbox.title')} data-testid="inbox">
      <Typography.Paragraph type="secondary">{t('inbox.intro')}</Typography.Paragraph>
      <List
        loading={items === null}
        dataSource={items ?? []}
        locale={{ emptyText: <Empty description={t('inbox.empty')} /> }}
        renderItem={(item) => {
          const line = ctx.actionLine(item.name, item.args, words);
          const open = line && (
            <Button key="open" type="primary" onClick={() => ctx.show(line.area)} data-testid="inbox-open">
              {t('inbox.open')}
            </Button>
          );
          const dismissButton = (
            <Button key="dismiss" onClick={() => void dismiss(item)}>
              {t('inbox.dismiss')}
            </Button>
          );
          return (
            <List.Item data-testid="inbox-item" actions={open ? [open, dismissButton] : [dismissButton]}>
              <List.Item.Meta
                title={<span data-testid="inbox-what">{line?.what ?? actionTitle(t, item)}</span>}
                description={
                  <Space direction="vertical" size={2}>
                    <Typography.Text type="secondary">{t('inbox.actedAt', { time: when(item.actedAt) })}</Typography.Text>
                    <Space wrap>
                      <Typography.Text strong>{t('inbox.reason')}</Typography.Text>
                      {refusalReasons(t, item).map((r) => (
                        <Tag color="red" key={r}>
                          {r}
                        </Tag>
                      ))}
                    </Space>
                  </Space>
                }
              />
            </List.Item>
          );
        }}
      />
    </Card>
  );
}
