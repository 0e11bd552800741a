import { Button, Empty, List, Space, Tag, Typography } from 'antd';
import type { MethodOutput } from '../../../shared/api/table';
import type { Actor } from '../../../shared/auth/roles';
import { useSubmit } from '../../client/use-submit';
import { approverSides } from '../../../shared/swap/rules';
import { useT } from '../../i18n/i18n-store';
import { useClient } from '../../stores/session-store';
import { RuleChecklist } from '../rules/RuleChecklist';
import { useSyncStatus } from '../sync/use-sync-status';

type Item = MethodOutput<'swap.list'>['swaps'][number];

const STATUS_COLOR: Record<Item['status'], string> = { requested: 'gold', accepted: 'blue', approved: 'green', declined: 'default', rejected: 'red', cancelled: 'default' };

/** What waits for this person to act on a swap, if anything. */
export function actionFor(s: Item, actor: Actor): 'respond' | 'decide' | null {
  if (s.status === 'requested' && s.partnerId === actor.userId) return 'respond';
  if (s.status !== 'accepted') return null;
  const sides = approverSides(s, actor);
  return (sides.a && !s.leadA) || (sides.b && !s.leadB) ? 'decide' : null;
}

export function SwapList({ items, actor, onChanged, testId }: { items: readonly Item[]; actor: Actor; onChanged(): void; testId: string }) {
  const t = useT();
  const client = useClient();
  const { submit } = useSubmit();
  const standalone = useSyncStatus()?.state === 'standalone';
  const run = (method: 'swap.respond' | 'swap.decide' | 'swap.cancel', input: never) =>
    submit(async () => {
      await client.call(method, input);
      onChanged();
    });
  if (items.length === 0) return <Empty description={t('swap.none')} />;
  return (
    <List
      data-testid={testId}
      dataSource={[...items]}
      renderItem={(s) => {
        const action = actionFor(s, actor);
        const mine = s.requesterId === actor.userId;
        return (
          <List.Item data-swap={s.id} data-status={s.status}>
            <div style={{ width: '100%' }}>
              <Space wrap>
                <Tag color={STATUS_COLOR[s.status]}>{t(`swap.status.${s.status}`)}</Tag>
                {!s.synced && !standalone && <Tag color="orange">{s.status === 'approved' ? t('swap.approvedHere') : t('swap.pendingSync')}</Tag>}
                <Typography.Text strong>{t('swap.line', { requester: s.requesterName, give: `${s.giveDate} ${s.giveShift ?? ''}`, partner: s.partnerName, take: `${s.takeDate} ${s.takeShift ?? ''}` })}</Typography.Text>
                {s.status === 'approved' && <Tag color={s.paidBack ? 'default' : 'purple'}>{s.paidBack ? t('swap.paidBack') : t('swap.owed', { who: s.requesterName, to: s.partnerName, date: s.takeDate })}</Tag>}
              </Space>
              <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.55)', margin: '4px 0' }}>
                {t('swap.reasonLine', { reason: s.reason })} · {t('swap.leads', { a: s.leadA ? '✓' : '…', b: s.leadB ? '✓' : '…' })}
                {s.decisionRules.length > 0 && ` · ${t('swap.rulesApplied', { rules: s.decisionRules.join(', ') })}`}
              </div>
              {s.checks.length > 0 && <RuleChecklist checks={s.checks} compact={!action} />}
              <Space style={{ marginTop: 6 }}>
                {action === 'respond' && (
                  <>
                    <Button type="primary" size="small" onClick={() => void run('swap.respond', { id: s.id, accept: true } as never)}>
                      {t('swap.accept')}
                    </Button>
                    <Button size="small" onClick={() => void run('swap.respond', { id: s.id, accept: false } as never)}>
                      {t('swap.decline')}
                    </Button>
                  </>
                )}
                {action === 'decide' && (
                  <>
                    <Button type="primary" size="small" disabled={s.checks.some((c) => c.status === 'fail')} onClick={() => void run('swap.decide', { id: s.id, approve: true } as never)} data-testid="swap-approve">
                      {t('swap.approve')}
                    </Button>
                    <Button size="small" danger onClick={() => void run('swap.decide', { id: s.id, approve: false } as never)}>
                      {t('swap.reject')}
                    </Button>
                  </>
                )}
                {mine && (s.status === 'requested' || s.status === 'accepted') && (
                  <Button size="small" onClick={() => void run('swap.cancel', { id: s.id } as never)}>
                    {t('swap.withdraw')}
                  </Button>
                )}
              </Space>
            </div>
          </List.Item>
        );
      }}
    />
  );
}
