import { Card, Empty, Table, Tag } from 'antd';
import { create } from 'zustand';
import { LoadError } from '../../client/LoadError';
import { useCenterToday } from '../../client/use-policy';
import { useQuery } from '../../client/use-query';
import { useI18n, useT } from '../../i18n/i18n-store';
import { useSession } from '../../stores/session-store';
import { formatDateTime } from '../calls/history-range';
import { EvaluationDetail } from './EvaluationDetail';
import { scoreText, statusOf } from './qa-text';

/** Which evaluation is open (a notification opens one from anywhere). */
export const useOpenEvaluation = create<{ openId: string | null; open(id: string | null): void }>((set) => ({ openId: null, open: (openId) => set({ openId }) }));

const STATUS_COLOR = { new: 'blue', acknowledged: 'default', disputed: 'orange', ruled: 'green' } as const;

/**
 * Evaluations in the reader's scope: an agent their own (to acknowledge or dispute), a lead the team's,
 * QA inspectors and directors all (directors rule on disputes). Open disputes and unacknowledged ones first.
 */
export function EvaluationsPage() {
  const t = useT();
  const locale = useI18n((s) => s.locale);
  const { zone } = useCenterToday();
  const actor = useSession((s) => s.actor)!;
  const list = useQuery('qa.list', {}, { tables: ['qa_evaluations'] });
  const { openId, open } = useOpenEvaluation();
  const rank = { disputed: 0, new: 1, ruled: 2, acknowledged: 3 } as const;
  const items = [...(list.data ?? [])].sort((a, b) => rank[statusOf(a)] - rank[statusOf(b)] || b.createdAt.localeCompare(a.createdAt));
  return (
    <Card title={actor.role === 'agent' ? t('qa.list.mine') : t('qa.list.title')} data-testid="qa-evaluations">
      <LoadError error={list.error} onRetry={list.reload} />
      <Table
        size="small"
        rowKey="id"
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        dataSource={items}
        locale={{ emptyText: <Empty description={t('qa.list.none')} /> }}
        onRow={(e) => ({ onClick: () => open(e.id), style: { cursor: 'pointer' }, 'data-testid': 'qa-evaluation-row' }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('qa.list.agent'), dataIndex: 'agentName', width: 110 },
          { title: t('qa.list.callAt'), key: 'at', width: 150, render: (_, e) => formatDateTime(e.callStartedAt, locale, zone) },
          {
            title: t('qa.list.score'),
            key: 'score',
            width: 150,
            render: (_, e) => (
              <span data-testid="qa-row-score">
                {scoreText(e.score)} {e.critical !== 'none' && <Tag color="red">{t('qa.flagged')}</Tag>}
              </span>
            ),
          },
          { title: t('qa.list.inspector'), dataIndex: 'inspectorName', width: 110 },
          { title: t('qa.list.status'), key: 'status', width: 100, render: (_, e) => <Tag color={STATUS_COLOR[statusOf(e)]}>{t(`qa.status.${statusOf(e)}`)}</Tag> },
        ]}
      />
      <EvaluationDetail evaluation={items.find((e) => e.id === openId) ?? null} onClose={() => open(null)} onChanged={list.reload} />
    </Card>
  );
}
