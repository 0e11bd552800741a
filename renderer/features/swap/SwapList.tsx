import { Button, Empty, List, Space, Tag, Typography } from 'antd';
import type { MethodOutput } from '../../../shared/api/table';
import type { Actor } from '../../../shared/auth/roles';
import { useSubmit } from '../../client/use-submit';
import { useQuery } from '../../client/use-query';
import { approverSides } from '../../../shared/swap/rules';
import { useI18n, useT } from '../../i18n/i18n-store';
import { useClient } from '../../stores/session-store';
import { useNames } from '../../client/names';
import { RuleChecklist } from '../rules/RuleChecklist';
import { RuleBasis } from '../rules/RuleCitation';
import { useSyncStatus } from '../sync/use-sync-status';
import { actedOfflineLine, owedLine, swapSideLine } from './swap-text';
import { useCenterToday } from '../../client/use-policy';

type Item = MethodOutput<'swap.list'>['swaps'][number];

const STATUS_COLOR: Record<Item['status'], string> = { requested: 'gold', accepted: 'blue', approved: 'green', declined: 'default', rejected: 'red', cancelled: 'default' };

/** What waits for this person to act on a swap, if anything. */
export function actionFor(s: Item, actor: Actor): 'respond' | 'decide' | null {
  if (s.status === 'requested' && s.partnerId === actor.userId) return 'respond';
  if (s.status !== 'accepted') return null;
  const sides = approverSides(s, actor);
  return (sides.a && !s.leadA) || (sides.b && !s.leadB) ? 'decide' : null;
}

/**
 * What the colleague or an approver acts on: the checks are the server's, from its whole store, when the desk
 * can reach it (the other team's roster, everyone's swaps), this desk's own otherwise; an approval a rule
 * refuses cannot be given (the server would refuse it a second later).
 */
function ActingOn({ item, action, run }: { item: Item; action: 'respond' | 'decide'; run(method: 'swap.respond' | 'swap.decide', input: never): void }) {
  const t = useT();
  const q = useQuery('swap.judge', { id: item.id }, { tables: ['swaps', 'roster', 'leave_requests'] });
  const checks = q.data?.checks ?? item.checks;
  const failing = checks.some((c) => c.status === 'fail');
  return (
    <>
      {checks.length > 0 && <RuleChecklist checks={checks} />}
      <Space style={{ marginTop: 6 }}>
        {action === 'respond' ? (
          <>
            <Button type="primary" size="small" disabled={failing} onClick={() => run('swap.respond', { id: item.id, accept: true } as never)}>
              {t('swap.accept')}
            </Button>
            <Button size="small" onClick={() => run('swap.respond', { id: item.id, accept: false } as never)}>
              {t('swap.decline')}
            </Button>
          </>
        ) : (
          <>
            <Button type="primary" size="small" disabled={failing} onClick={() => run('swap.decide', { id: item.id, approve: true } as never)} data-testid="swap-approve">
              {t('swap.approve')}
            </Button>
            <Button size="small" danger onClick={() => run('swap.decide', { id: item.id, approve: false } as never)}>
              {t('swap.reject')}
            </Button>
          </>
        )}
      </Space>
    </>
  );
}

export function SwapList({ items, actor, onChanged, testId }: { items: readonly Item[]; actor: Actor; onChanged(): void; testId: string }) {
  const t = useT();
  const locale = useI18n((s) => s.locale);
  const client = useClient();
  useNames();
  const { submit } = useSubmit();
  const status = useSyncStatus()?.state;
  const { zone } = useCenterToday();
  const run = (method: 'swap.respond' | 'swap.decide' | 'swap.cancel', input: never) =>
    submit(async () => {
      await client.call(method, input);
      onChanged();
    });
  if (items.length === 0) return <Empty description={t('swap.none')} />;
  const mark = (done: boolean) => t(done ? 'swap.lead.done' : 'swap.lead.waiting');
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
                {!s.synced && status !== 'standalone' && <Tag color="orange">{s.status === 'approved' ? t('swap.approvedHere') : t('swap.pendingSync')}</Tag>}
                <Typography.Text strong>{swapSideLine(t, locale, s, actor.userId)}</Typography.Text>
                {s.actedOfflineAt && <Tag color="volcano">{actedOfflineLine(t, locale, s.actedOfflineAt, zone)}</Tag>}
                {s.status === 'approved' && <Tag color={s.paidBack ? 'default' : 'purple'}>{s.paidBack ? t('swap.paidBack') : owedLine(t, locale, s, actor.userId)}</Tag>}
              </Space>
              <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.55)', margin: '4px 0' }}>
                {t('swap.reasonLine', { reason: s.reason })} · {t('swap.leads', { requester: s.requesterName, partner: s.partnerName, a: mark(s.leadA !== null), b: mark(s.leadB !== null) })}
                {s.decisionRules.length > 0 && (
                  <>
                    {' · '}
                    <RuleBasis ruleIds={s.decisionRules} />
                  </>
                )}
              </div>
              {action ? <ActingOn item={s} action={action} run={(m, i) => void run(m, i)} /> : s.checks.length > 0 && <RuleChecklist checks={s.checks} compact />}
              {mine && (s.status === 'requested' || s.status === 'accepted') && (
                <Button size="small" style={{ marginTop: 6 }} onClick={() => void run('swap.cancel', { id: s.id } as never)}>
                  {t('swap.withdraw')}
                </Button>
              )}
            </div>
          </List.Item>
        );
      }}
    />
  );
}
