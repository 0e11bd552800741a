import type { Evaluation } from '../../../shared/evaluation/schemas';
import type { T } from '../../i18n/i18n-store';

/** A rate as a cell: one decimal, or a dash where nothing was measured. */
export const rateCell = (v: number | null, dash = '—') => (v === null ? dash : v.toFixed(1));

/** The evaluations as spreadsheet rows: a header in the reader's language, one row per unit and month. */
export function evaluationRows(t: T, list: readonly Evaluation[], teamName: (id: string) => string): string[][] {
  const header = [
    t('ev.team'),
    t('ev.month'),
    t('ev.col.surveyed'),
    t('ev.col.satisfied'),
    t('ev.surveyRate'),
    t('ev.complaints'),
    t('ev.col.deduction'),
    t('ev.incidents'),
    t('ev.satisfaction'),
    t('ev.col.received'),
    t('ev.col.resolved'),
    t('ev.resolution'),
    t('ev.col.plansRated'),
    t('ev.col.plansSatisfied'),
    t('ev.plan'),
    t('ev.composite'),
  ];
  const rows = list.map((e) => [
    teamName(e.teamId),
    e.month,
    String(e.result.surveyed),
    String(e.result.satisfied),
    rateCell(e.result.surveyRate),
    String(e.complaints),
    e.result.surveyRate === null ? '0' : String(e.result.deduction),
    e.incidents.map((i) => t('ev.incidentLine', { date: i.date, kind: t(`ev.incident.${i.kind}`), description: i.description })).join('\n'),
    rateCell(e.result.satisfactionRate),
    String(e.complaints + e.suggestions),
    String(e.complaintsResolved + e.suggestionsResolved),
    rateCell(e.result.resolutionRate),
    String(e.plansRated),
    String(e.plansSatisfied),
    rateCell(e.result.planRate),
    rateCell(e.result.composite),
  ]);
  return [header, ...rows];
}
