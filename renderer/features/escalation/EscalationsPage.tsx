import { App, Button, Card, Select } from 'antd';
import { useEffect, useState } from 'react';
import { mayCall } from '../../../shared/api/method';
import { api } from '../../../shared/api/table';
import { ESCALATION_PAGE, ESCALATION_STATUS_FILTERS, isLiveReport } from '../../../shared/escalation/schemas';
import { errorText } from '../../client/error-text';
import { useMorePages } from '../../client/use-more-pages';
import { LoadError } from '../../client/LoadError';
import { useQuery } from '../../client/use-query';
import { useT } from '../../i18n/i18n-store';
import { useClient, useSession } from '../../stores/session-store';
import { EscalationBoard } from './EscalationBoard';
import { EscalationDetail } from './EscalationDetail';
import { ReportForm } from './ReportForm';
import { HelpPanel } from './HelpPanel';
import { useOpenReport } from './open-report';

/** Time left is shown against this clock, refreshed each half minute (the desk's own answers carry the holder). */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = window.setInterval(() => setNow(Date.now()), 30_000);
    return () => window.clearInterval(id);
  }, []);
  return now;
}

/** What waits for me first (my turn, follow-ups to record), then the report form, then the board of everything I see. */
export function EscalationsPage() {
  const t = useT();
  const actor = useSession((s) => s.actor)!;
  const now = useNow();
  const client = useClient();
  const { message } = App.useApp();
  // Live reports come whole; settled ones a page at a time, newest first, filtered by status where they are.
  const [status, setStatus] = useState<(typeof ESCALATION_STATUS_FILTERS)[number]>('any');
  const list = useQuery('escalation.list', { status }, { tables: ['escalations'] });
  const pages = useMorePages(list.data, {
    pageSize: ESCALATION_PAGE,
    paged: (e) => !isLiveReport(e),
    next: (last) => client.call('escalation.list', { status, after: { createdAt: last.createdAt, id: last.id } }),
    onError: (err) => void message.error(errorText(t, err)),
  });
  const chain = useQuery('escalation.chain', mayCall(api['escalation.chain'].access, actor) ? {} : null, { tables: ['users'] });
  const directory = useQuery('org.directory', {}, { tables: ['users'] });
  const { openId, open } = useOpenReport();
  const items = pages.items;
  const waiting = items.filter((e) => (e.turn === 'holder' && e.mine.asHolder) || (e.turn === 'reporter' && e.mine.asReporter));
  const followUps = items.filter((e) => e.mine.followUps.length > 0);
  // The board: open reports first, the nearest deadline first; then settled ones, newest first.
  const due = (e: (typeof items)[number]) => Math.min(Date.parse(e.resolveBy), e.respondBy ? Date.parse(e.respondBy) : Infinity);
  const rest = items
    .filter((e) => !waiting.includes(e) && !followUps.includes(e))
    .sort((a, b) => (a.status === 'open') !== (b.status === 'open') ? (a.status === 'open' ? -1 : 1) : a.status === 'open' ? due(a) - due(b) : b.createdAt.localeCompare(a.createdAt));
  const reload = () => list.reload();
  return (
    <Card title={t('escalation.title')}>
      <LoadError error={list.error ?? chain.error} onRetry={() => (list.reload(), chain.reload())} />
      {mayCall(api['help.list'].access, actor) && actor.role !== 'department_director' && actor.role !== 'center_director' && <HelpPanel actor={actor} />}
      {waiting.length > 0 && (
        <Card size="small" title={t('escalation.waitingForYou', { count: waiting.length })} style={{ marginBottom: 16 }}>
          <EscalationBoard items={waiting} now={now} onOpen={open} testId="escalation-waiting" />
        </Card>
      )}
      {followUps.length > 0 && (
        <Card size="small" title={t('escalation.followUpsForYou', { count: followUps.length })} style={{ marginBottom: 16 }}>
          <EscalationBoard items={followUps} now={now} onOpen={open} testId="escalation-followups-list" />
        </Card>
      )}
      {chain.data && chain.data.length > 0 && <ReportForm chain={chain.data} onSent={reload} />}
      <Card
        size="small"
        title={actor.role === 'agent' ? t('escalation.all') : t('escalation.board')}
        extra={<Select size="small" style={{ width: 130 }} value={status} onChange={setStatus} options={ESCALATION_STATUS_FILTERS.map((s) => ({ value: s, label: t(`escalation.status.${s}`) }))} data-testid="escalation-status-filter" />}
      >
        <EscalationBoard items={rest} now={now} onOpen={open} testId="escalation-board" />
        {pages.hasMore && (
          <Button style={{ marginTop: 8 }} loading={pages.loading} onClick={() => void pages.loadMore()} data-testid="escalation-more">
            {t('escalation.more')}
          </Button>
        )}
      </Card>
      <EscalationDetail report={items.find((e) => e.id === openId) ?? null} directory={directory.data ?? []} now={now} onClose={() => open(null)} onChanged={reload} />
    </Card>
  );
}
