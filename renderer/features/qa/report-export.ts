import type { Analysis, PlanItemView, WeeklySummary } from '../../../shared/qa/report-schemas';
import type { T } from '../../i18n/i18n-store';
import type { XlsxCell } from '../spreadsheet/xlsx-write';
import { nameIn } from './qa-text';

/** What an export names besides the words: teams as the reader calls them, names in the UI language. */
export interface QaExportWords {
  t: T;
  locale: string;
  team(id: string | null): string;
}

const avg = (v: number | null): XlsxCell => (v === null ? '' : v);

function planRows(items: readonly PlanItemView[], w: QaExportWords): XlsxCell[][] {
  const { t } = w;
  return [
    [t('qa.rep.plan.scope'), t('qa.detail.criterion'), t('qa.rep.plan.who'), t('qa.summary.average')],
    ...items.map((p): XlsxCell[] => [t(`qa.rep.plan.${p.scope}`), nameIn(p.names, w.locale), p.agentNames.join(', '), p.average]),
  ];
}

/**
 * The weekly QA summary as the screen shows it: the figures (item, value), the six-week trend, the criteria
 * weakest first, each agent, then the training plan. Blank rows between the blocks.
 */
export function weeklyRows(s: WeeklySummary, w: QaExportWords): XlsxCell[][] {
  const { t } = w;
  return [
    [t('rep.col.item'), t('rep.col.value')],
    [t('rep.team'), w.team(s.teamId)],
    [t('qa.rep.week'), { date: s.week }],
    [t('qa.rep.weekEnd'), { date: s.weekEnd }],
    [t('qa.rep.done'), s.done],
    [t('qa.rep.monthDone', { month: s.month }), s.monthDone],
    [t('qa.rep.monthQuota'), s.monthQuota],
    [t('qa.summary.average'), avg(s.average)],
    [t('qa.rep.previous'), avg(s.previousAverage)],
    [t('qa.rep.critical'), s.criticalFails],
    [t('qa.rep.evaluatedAgents'), s.evaluatedAgents],
    [],
    [t('qa.rep.week'), t('qa.summary.average'), t('qa.rep.count')],
    ...s.trend.map((x): XlsxCell[] => [{ date: x.week }, avg(x.average), x.count]),
    [],
    [t('qa.detail.criterion'), t('qa.summary.average'), t('qa.rep.weakAgents')],
    ...s.criteria.map((c): XlsxCell[] => [nameIn(c.names, w.locale), c.average, c.weak.map((x) => `${x.agentName} ${x.average}`).join(', ')]),
    [],
    [t('qa.list.agent'), t('qa.rep.count'), t('qa.summary.average'), t('qa.rep.critical')],
    ...s.perAgent.map((a): XlsxCell[] => [a.agentName, a.count, avg(a.average), a.criticalFails]),
    [],
    ...planRows(s.plan, w),
  ];
}

/** The director's monthly analysis: teams, team × criterion, criteria with their trend, disputes, common problems. */
export function analysisRows(a: Analysis, w: QaExportWords): XlsxCell[][] {
  const { t } = w;
  const criteria = a.criteria;
  return [
    [t('rep.team'), t('qa.rep.count'), t('qa.summary.average'), t('qa.rep.critical'), ...a.months],
    ...a.teams.map((x): XlsxCell[] => [w.team(x.teamId), x.count, avg(x.average), x.criticalFails, ...x.trend.map((m) => avg(m.average))]),
    [],
    [t('rep.team'), ...criteria.map((c) => nameIn(c.names, w.locale))],
    ...a.teams.map((x): XlsxCell[] => [w.team(x.teamId), ...criteria.map((c) => avg(x.criteria.find((y) => y.criterionId === c.criterionId)?.average ?? null))]),
    [],
    [t('qa.detail.criterion'), ...a.months],
    ...criteria.map((c): XlsxCell[] => [nameIn(c.names, w.locale), ...c.trend.map((m) => avg(m.average))]),
    [],
    [t('qa.detail.criterion'), t('qa.dispute.open'), t('qa.dispute.upheld'), t('qa.rep.amended')],
    ...a.disputes.byCriterion.map((d): XlsxCell[] => [nameIn(d.names, w.locale), d.open, d.upheld, d.amended]),
    [t('rep.total'), a.disputes.open, a.disputes.upheld, a.disputes.amended],
    [],
    ...planRows(a.common, w),
  ];
}
