import type { Actor } from '../../../shared/auth/roles';
import { mayCall } from '../../../shared/api/method';
import { api } from '../../../shared/api/table';
import type { EscalationView } from '../../../shared/escalation/schemas';
import { defineUi, inboxLines, type Notice } from '../../app/ui-domain';
import { useQuery } from '../../client/use-query';
import { useT } from '../../i18n/i18n-store';
import { categoryText } from './escalation-text';
import { useOpenReport } from './open-report';
import { useRaiseHandKey } from './raise-hand';
import { lazyPage } from '../../app/lazy-page';

const EscalationsPage = lazyPage(() => import('./EscalationsPage').then((m) => m.EscalationsPage));

function useReports(actor: Actor): EscalationView[] {
  // Notices come from live reports only, and those come whole: one settled report is all the page needs to carry.
  return useQuery('escalation.list', mayCall(api['escalation.list'].access, actor) ? { limit: 1 } : null, { tables: ['escalations'] }).data ?? [];
}

/** Reports waiting for this person: at their level, an instruction to acknowledge, or a skipped level to be informed. */
const waits = (e: EscalationView) => (e.turn === 'holder' && e.mine.asHolder) || (e.turn === 'reporter' && e.mine.asReporter) || e.mine.followUps.length > 0;

function useEscalationNotices(actor: Actor): Notice[] {
  const t = useT();
  const open = useOpenReport((s) => s.open);
  return useReports(actor)
    .filter(waits)
    .map((e) => {
      const category = categoryText(t, e.category);
      const kind = e.mine.followUps.length > 0 && !e.mine.asHolder ? 'followUp' : e.turn === 'reporter' ? 'ack' : 'turn';
      // A new key per step: the same report at a new level, or with a new instruction, arrives again.
      return { key: `escalation:${e.id}:${kind}:${e.holderLevel}:${e.timeline.length}`, text: t(`escalation.notify.${kind}`, { who: e.reporterName, category }), area: 'escalations', open: () => open(e.id) };
    });
}

/** Raised hands: the team's lead is told at once; the agent, when the lead answers. */
function useHelpNotices(actor: Actor): Notice[] {
  const t = useT();
  const mine = actor.role === 'agent' || actor.role === 'team_lead';
  const hands = useQuery('help.list', mine ? {} : null, { tables: ['help_requests'] }).data ?? [];
  if (actor.role === 'team_lead') return hands.filter((h) => h.status === 'raised' && h.teamId === actor.teamId).map((h) => ({ key: `help:${h.id}:raised`, text: t('help.notify.raised', { who: h.agentName }), area: 'escalations' }));
  return hands.filter((h) => h.agentId === actor.userId && (h.status === 'acknowledged' || h.status === 'taken-over')).map((h) => ({ key: `help:${h.id}:${h.status}`, text: t('help.notify.answered'), area: 'escalations' }));
}

function useAllNotices(actor: Actor): Notice[] {
  return [...useHelpNotices(actor), ...useEscalationNotices(actor)];
}

export const escalationUi = defineUi({
  areas: [{ key: 'escalations', group: 'floor', label: 'nav.escalations', method: 'escalation.list', render: () => <EscalationsPage /> }],
  // The badge counts what the bell lists for this domain: reports at your turn, follow-ups, raised hands.
  useBadges: (actor) => ({ escalations: useAllNotices(actor).length }),
  useNotifications: useAllNotices,
  useShortcuts: useRaiseHandKey,
  inbox: inboxLines({
    'escalation.report': { area: 'escalations', what: ({ t, person }, a) => `${t('method.escalation.report')} · ${categoryText(t, a.category)} · ${person(a.toId)}` },
    'escalation.instruct': { area: 'escalations', what: ({ t }) => t('method.escalation.instruct') },
    'escalation.acknowledge': { area: 'escalations', what: ({ t }) => t('method.escalation.acknowledge') },
    'escalation.forward': { area: 'escalations', what: ({ t, person }, a) => `${t('method.escalation.forward')} · ${person(a.toId)}` },
    'escalation.informed': { area: 'escalations', what: ({ t }, a) => `${t('method.escalation.informed')} · ${t(`role.${a.level}`)}` },
    'escalation.resolve': { area: 'escalations', what: ({ t }) => t('method.escalation.resolve') },
    'escalation.close': { area: 'escalations', what: ({ t }) => t('method.escalation.close') },
    'help.raise': { area: 'escalations', what: ({ t }) => t('method.help.raise') },
    'help.answer': { area: 'escalations', what: ({ t }, a) => `${t('method.help.answer')} · ${t(a.takeOver ? 'help.inbox.answer' : 'help.inbox.ack')}` },
    'help.close': { area: 'escalations', what: ({ t }) => t('method.help.close') },
  }),
});
