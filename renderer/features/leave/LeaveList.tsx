import { Button, Empty, List, Space, Steps, Tag, Typography } from 'antd';
import type { MethodOutput } from '../../../shared/api/table';
import type { Actor } from '../../../shared/auth/roles';
import { useSubmit } from '../../client/use-submit';
import { useT } from '../../i18n/i18n-store';
import { useClient } from '../../stores/session-store';
import { RuleChecklist } from '../rules/RuleChecklist';
import { RuleBasis } from '../rules/RuleCitation';
import { actedOfflineLine, dayText } from '../swap/swap-text';
import { useCenterToday } from '../../client/use-policy';
import { describeRule } from '../../../shared/rules/describe';
import { ruleReader } from '../../client/rule-line';
import { useI18n } from '../../i18n/i18n-store';
import { useSyncStatus } from '../sync/use-sync-status';
import { readCertificate } from './read-certificate';

export type LeaveItem = MethodOutput<'leave.list'>[number];

const STATUS_COLOR = { requested: 'blue', approved: 'green', rejected: 'red', cancelled: 'default' } as const;

/** Whether this person is the next level of the request's chain (leave.chain). */
export function waitsFor(l: LeaveItem, actor: Actor): boolean {
  if (l.status !== 'requested' || l.userId === actor.userId) return false;
  const next = l.chain[l.approvals.length];
  return next === actor.role && (next !== 'team_lead' || actor.teamId === l.teamId);
}

export function LeaveList({ items, actor, onChanged, testId }: { items: readonly LeaveItem[]; actor: Actor; onChanged(): void; testId: string }) {
  const t = useT();
  const locale = useI18n((s) => s.locale);
  const { zone } = useCenterToday();
  const client = useClient();
  const { submit } = useSubmit();
  const standalone = useSyncStatus()?.state === 'standalone';
  const run = (f: () => Promise<unknown>) =>
    submit(async () => {
      await f();
      onChanged();
    });
  if (items.length === 0) return <Empty description={t('leave.none')} />;
  return (
    <List
      data-testid={testId}
      dataSource={[...items]}
      renderItem={(l) => {
        const decide = waitsFor(l, actor);
        const own = l.userId === actor.userId || l.filedBy === actor.userId;
        return (
          <List.Item data-leave={l.id} data-status={l.status}>
            <div style={{ width: '100%' }}>
              <Space wrap>
                <Tag color={STATUS_COLOR[l.status]}>{t(`leave.status.${l.status}`)}</Tag>
                {!l.synced && !standalone && <Tag color="orange">{l.approvals.length > 0 ? t('leave.approvedHere') : t('leave.pendingSync')}</Tag>}
                <Typography.Text strong>{t('leave.line', { name: l.userName, type: t(`leave.type.${l.type}`), from: dayText(locale, l.fromDate), to: dayText(locale, l.toDate) })}</Typography.Text>
                {l.actedOfflineAt && <Tag color="volcano">{actedOfflineLine(t, locale, l.actedOfflineAt, zone)}</Tag>}
                {l.certificateState !== 'none' && <Tag color={l.certificateState === 'ok' ? 'green' : l.certificateState === 'due' ? 'gold' : 'red'}>{t(`leave.cert.${l.certificateState}`)}</Tag>}
              </Space>
              <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.55)', margin: '4px 0' }}>
                {t('leave.reasonLine', { reason: l.reason })}
                {l.filedBy !== l.userId && ` · ${t('leave.proxy', { name: l.filedByName })}`}
                {l.flags.length > 0 && ` · ${t('leave.flagged', { rules: l.flags.map((r) => describeRule(ruleReader(t), { ruleId: r, status: 'warn' }).statement).join('；') })}`}
                {l.decisionRules.length > 0 && (
                  <>
                    {' · '}
                    <RuleBasis ruleIds={l.decisionRules} />
                  </>
                )}
              </div>
              {l.chain.length > 0 && (
                <Steps
                  size="small"
                  style={{ maxWidth: 560, margin: '6px 0' }}
                  current={l.approvals.length}
                  status={l.status === 'rejected' ? 'error' : l.status === 'approved' ? 'finish' : 'process'}
                  items={l.chain.map((level) => ({ title: t(`leave.level.${level}`) }))}
                />
              )}
              {l.checks.length > 0 && <RuleChecklist checks={l.checks} compact={!decide} />}
              <Space style={{ marginTop: 6 }}>
                {decide && (
                  <>
                    <Button type="primary" size="small" disabled={l.checks.some((c) => c.status === 'fail')} onClick={() => void run(() => client.call('leave.decide', { id: l.id, approve: true }))} data-testid="leave-approve">
                      {t('leave.approve')}
                    </Button>
                    <Button size="small" danger onClick={() => void run(() => client.call('leave.decide', { id: l.id, approve: false }))}>
                      {t('leave.reject')}
                    </Button>
                  </>
                )}
                {own && l.status === 'requested' && (
                  <Button size="small" onClick={() => void run(() => client.call('leave.cancel', { id: l.id }))}>
                    {t('leave.withdraw')}
                  </Button>
                )}
                {(own || actor.role === 'team_lead') && (l.certificateState === 'due' || l.certificateState === 'overdue' || l.certificateState === 'gap') && (
                  <label>
                    <Button size="small" onClick={(e) => (e.currentTarget.nextElementSibling as HTMLInputElement | null)?.click()}>
                      {t('leave.attach')}
                    </Button>
                    <input type="file" hidden accept="image/png,image/jpeg,application/pdf" onChange={(e) => e.target.files?.[0] && void run(async () => client.call('leave.attachCertificate', { id: l.id, certificate: await readCertificate(e.target.files![0]!, l.fromDate, l.toDate) }))} />
                  </label>
                )}
              </Space>
            </div>
          </List.Item>
        );
      }}
    />
  );
}
