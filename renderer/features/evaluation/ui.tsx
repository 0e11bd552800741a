import { defineUi, inboxLines } from '../../app/ui-domain';
import { lazyPage } from '../../app/lazy-page';

const EvaluationPage = lazyPage(() => import('./EvaluationPage').then((m) => m.EvaluationPage));

/**
 * The center evaluation (seeds/000): directors and QA enter and read every unit; a lead reads their team. In the
 * floor group beside the dashboard: a group of its own would push a director's menu past an 800 px window.
 */
export const evaluationUi = defineUi({
  areas: [{ key: 'evaluation', group: 'floor', label: 'nav.evaluation', method: 'evaluation.list', render: () => <EvaluationPage /> }],
  inbox: inboxLines({
    'evaluation.save': { area: 'evaluation', what: ({ t }, a) => `${t('method.evaluation.save')} · ${a.month}` },
  }),
});
