import { Tabs } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { mayCall } from '../../../shared/api/method';
import { api } from '../../../shared/api/table';
import { useIntent } from '../../app/shortcuts';
import { useT } from '../../i18n/i18n-store';
import { useSession } from '../../stores/session-store';
import { CallHistoryPage } from './CallHistoryPage';
import { CallList } from './CallList';
import { CallLogPanel } from './CallLogPanel';
import { AnswersPanel } from '../answers/AnswersPanel';
import { NoticeGate } from '../handover/NoticeGate';
import { useNoticeGate } from '../handover/notice-gate-store';
import { openCallLog } from './start-call';

type Tab = 'today' | 'history';

/**
 * The call log: logging, today's calls and the history, one menu entry (a menu that fits a 800 px screen for
 * every role matters more than one more entry). Only the open tab is mounted, so F3 always reaches today's
 * search box, which mounts afresh and takes the request.
 */
export function CallsPage() {
  const t = useT();
  const actor = useSession((s) => s.actor)!;
  const [tab, setTab] = useState<Tab>('today');
  // handover.read-notices: unread notices stand in front of the log the agent asked for (F2, new call).
  const holding = useNoticeGate((s) => s.holding);
  const mayLog = mayCall(api['calls.log'].access, actor);
  const done = useCallback(() => openCallLog(actor.userId), [actor.userId]);
  const search = useIntent((s) => (s.pending === 'searchCalls' ? s.seq : 0));
  useEffect(() => {
    if (search) setTab('today');
  }, [search]);
  const main = (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 16, minWidth: 0, flex: '999 1 480px' }}>
      {mayLog && <NoticeGate onDone={done} />}
      {mayLog && !holding && <CallLogPanel />}
      <Tabs
        activeKey={tab}
        onChange={(k) => setTab(k as Tab)}
        data-testid="calls-tabs"
        items={[
          { key: 'today', label: t('calls.list.title'), children: tab === 'today' ? <CallList /> : null },
          ...(mayCall(api['calls.history'].access, actor) ? [{ key: 'history', label: <span data-testid="tab-history">{t('calls.history.title')}</span>, children: tab === 'history' ? <CallHistoryPage /> : null }] : []),
        ]}
      />
    </div>
  );
  // Beside the call form: the unified answers (F4), searched while the caller waits (meeting.weekly).
  if (!mayLog || !mayCall(api['answer.list'].access, actor)) return main;
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: 16, alignItems: 'flex-start', minWidth: 0 }}>
      {main}
      <AnswersPanel />
    </div>
  );
}
