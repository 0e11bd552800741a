import { useEffect } from 'react';
import type { Actor } from '../../../shared/auth/roles';
import { mayCall } from '../../../shared/api/method';
import { api } from '../../../shared/api/table';
import { defineUi, inboxLines, type Notice } from '../../app/ui-domain';
import { useT } from '../../i18n/i18n-store';
import { ANSWERS_KEY, useAnswersPanel } from './panel-store';
import { toAck, useAnswers } from './use-answers';
import { lazyPage } from '../../app/lazy-page';

const AnswersPage = lazyPage(() => import('./AnswersPage').then((m) => m.AnswersPage));

/** One line per answer version an agent has still to acknowledge: a revision arrives as a new line. */
function useAnswerNotices(actor: Actor): Notice[] {
  const t = useT();
  const answers = useAnswers(actor).data?.answers ?? [];
  return answers
    .filter((a) => toAck(a, actor))
    .map((a) => ({ key: `answer:${a.id}:${a.revision}`, text: a.revision > 1 ? t('answers.notify.revised', { title: a.title, revision: a.revision }) : t('answers.notify.new', { title: a.title }), area: 'answers' }));
}

/** F4 on any screen: the call screen with the answers panel open and its search box focused. */
function useAnswersKey(actor: Actor, show: (area: string) => void): void {
  const allowed = mayCall(api['answer.list'].access, actor) && mayCall(api['calls.log'].access, actor);
  useEffect(() => {
    if (!allowed) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== ANSWERS_KEY || e.altKey || e.ctrlKey || e.metaKey) return;
      e.preventDefault();
      show('calls');
      useAnswersPanel.getState().show();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [allowed, show]);
}

export const answersUi = defineUi({
  areas: [{ key: 'answers', group: 'floor', label: 'nav.answers', method: 'answer.list', render: () => <AnswersPage /> }],
  useBadges: (actor) => ({ answers: useAnswerNotices(actor).length }),
  useNotifications: useAnswerNotices,
  useShortcuts: useAnswersKey,
  inbox: inboxLines({
    'answer.publish': { area: 'answers', what: ({ t }, a) => `${t('method.answer.publish')} · ${a.title}` },
    'answer.revise': { area: 'answers', what: ({ t }, a) => `${t('method.answer.revise')} · ${a.title}` },
    'answer.withdraw': { area: 'answers', what: ({ t }) => t('method.answer.withdraw') },
    'answer.ack': { area: 'answers', what: ({ t }) => t('method.answer.ack') },
  }),
});
