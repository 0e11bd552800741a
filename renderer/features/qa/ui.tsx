import type { Actor } from '../../../shared/auth/roles';
import { mayCall } from '../../../shared/api/method';
import { api } from '../../../shared/api/table';
import { defineUi, inboxLines, type Notice } from '../../app/ui-domain';
import { useCenterToday } from '../../client/use-policy';
import { useQuery } from '../../client/use-query';
import { useT } from '../../i18n/i18n-store';
import { EvaluationsPage, useOpenEvaluation } from './EvaluationsPage';
import { scoreText } from './qa-text';
import { lazyPage } from '../../app/lazy-page';

const CalibrationPage = lazyPage(() => import('./CalibrationPage').then((m) => m.CalibrationPage));
const MonitorPage = lazyPage(() => import('./MonitorPage').then((m) => m.MonitorPage));
const QaReportsPage = lazyPage(() => import('./QaReportsPage').then((m) => m.QaReportsPage));
const SummaryPage = lazyPage(() => import('./SummaryPage').then((m) => m.SummaryPage));
const TemplateEditor = lazyPage(() => import('./TemplateEditor').then((m) => m.TemplateEditor));

/** The evaluations waiting for this person: an agent's not yet acknowledged, an arbitrator's open disputes. */
function useQaNotices(actor: Actor): Notice[] {
  const t = useT();
  const open = useOpenEvaluation((s) => s.open);
  const watch = actor.role === 'agent' || actor.role === 'department_director' || actor.role === 'center_director';
  const list = useQuery('qa.list', watch ? {} : null, { tables: ['qa_evaluations'] }).data ?? [];
  if (actor.role === 'agent')
    return list.filter((e) => e.mine.asAgent && !e.acknowledgedAt).map((e) => ({ key: `qa:${e.id}:ack`, text: t('qa.notify.toAcknowledge', { score: scoreText(e.score) }), area: 'qa-evaluations', open: () => open(e.id) }));
  return list
    .filter((e) => e.mine.asArbitrator)
    .flatMap((e) => e.disputes.filter((d) => d.status === 'open').map((d) => ({ key: `qa:${e.id}:dispute:${d.criterionId}`, text: t('qa.notify.dispute', { who: e.agentName }), area: 'qa-evaluations', open: () => open(e.id) })));
}

/** Calibration sessions waiting for this inspector's blind score (qa.calibration). */
function useCalibrationNotices(actor: Actor): Notice[] {
  const t = useT();
  const list = useQuery('qa.calibrations', mayCall(api['qa.calibrations'].access, actor) ? {} : null, { tables: ['qa_calibrations', 'qa_calibration_scores'] }).data ?? [];
  return list.filter((s) => s.mine.mayScore).map((s) => ({ key: `qa:calibration:${s.id}`, text: t('qa.notify.calibration', { who: s.ownerName }), area: 'qa-calibration' }));
}

/** Everything QA waits on this person for: evaluations to acknowledge or rule, calibrations to score. */
function useAllQaNotices(actor: Actor): Notice[] {
  return [...useQaNotices(actor), ...useCalibrationNotices(actor)];
}

/** A QA inspector's badge: the evaluations still owed this month to meet every agent's quota (qa.quota). */
function useQuotaLeft(actor: Actor): number {
  const { today } = useCenterToday();
  return useQuery('qa.progress', actor.role === 'qa_inspector' && mayCall(api['qa.progress'].access, actor) ? { month: today.slice(0, 7) } : null, { tables: ['qa_evaluations', 'calls'] }).data?.left ?? 0;
}

export const qaUi = defineUi({
  areas: [
    { key: 'qa-monitor', group: 'quality', label: 'nav.qaMonitor', method: 'qa.sample', render: () => <MonitorPage /> },
    { key: 'qa-evaluations', group: 'quality', label: 'nav.qaEvaluations', method: 'qa.list', render: () => <EvaluationsPage /> },
    { key: 'qa-summary', group: 'quality', label: 'nav.qaSummary', method: 'qa.summary', render: () => <SummaryPage /> },
    { key: 'qa-calibration', group: 'quality', label: 'nav.qaCalibration', method: 'qa.calibrations', render: () => <CalibrationPage /> },
    { key: 'qa-reports', group: 'quality', label: 'nav.qaReports', method: 'qa.weekly', render: () => <QaReportsPage /> },
    { key: 'qa-templates', group: 'quality', label: 'nav.qaTemplates', method: 'qa.publishTemplate', render: () => <TemplateEditor /> },
  ],
  useBadges: (actor) => ({ 'qa-monitor': useQuotaLeft(actor), 'qa-evaluations': useQaNotices(actor).length, 'qa-calibration': useCalibrationNotices(actor).length }),
  useNotifications: useAllQaNotices,
  inbox: inboxLines({
    'qa.publishTemplate': { area: 'qa-templates', what: ({ t }) => t('method.qa.publishTemplate') },
    'qa.evaluate': { area: 'qa-monitor', what: ({ t }, a) => `${t('method.qa.evaluate')} · ${a.expectedScore}` },
    'qa.acknowledge': { area: 'qa-evaluations', what: ({ t }) => t('method.qa.acknowledge') },
    'qa.dispute': { area: 'qa-evaluations', what: ({ t }) => t('method.qa.dispute') },
    'qa.calibrationOpen': { area: 'qa-calibration', what: ({ t }, a) => `${t('method.qa.calibrationOpen')} · ${a.participants.length}` },
    'qa.calibrationScore': { area: 'qa-calibration', what: ({ t }, a) => `${t('method.qa.calibrationScore')} · ${a.expectedScore}` },
    'qa.calibrationClose': { area: 'qa-calibration', what: ({ t }) => t('method.qa.calibrationClose') },
    'qa.publishWeekly': { area: 'qa-reports', what: ({ t }, a) => `${t('method.qa.publishWeekly')} · ${a.week}` },
    'qa.correctWeekly': { area: 'qa-reports', what: ({ t }) => t('method.qa.correctWeekly') },
    'qa.rule': { area: 'qa-evaluations', what: ({ t }, a) => `${t('method.qa.rule')} · ${t(a.outcome === 'upheld' ? 'qa.detail.uphold' : 'qa.detail.amend')}` },
  }),
});
