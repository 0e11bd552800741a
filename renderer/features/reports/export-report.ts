import type { FollowupRow, Meeting, Report, WeeklyReport } from '../../../shared/reports/schemas';
import { REPORT_SECTIONS } from '../../../shared/reports/schemas';
import type { T } from '../../i18n/i18n-store';
import type { XlsxCell } from '../spreadsheet/xlsx-write';
import { FIGURE_LINES, figureValue, WEEKLY_LINES, type FigureLine } from './figure-lines';

/** What an export names besides the words: teams and people as the reader calls them, times on the center's clock. */
export interface ExportWords {
  t: T;
  team(id: string | null): string;
  dateTime(iso: string): string;
}

/** A figure as a spreadsheet cell: a number, the rate as a percentage, empty when there is nothing to divide. */
function figureCell(v: number | null, line: FigureLine): XlsxCell {
  if (v === null) return '';
  return line === 'resolutionRate' ? { percent: v } : v;
}

/** The label of a figure line (the same words the screen shows). */
export const lineLabel = (t: T, line: FigureLine) => t(`rep.fig.${line}`);

/**
 * A daily or monthly report as two columns (item, value): the header, then who and when, the figures as
 * numbers, the text sections and any corrections. The screen's figure table reads the same rows.
 */
export function reportRows(r: Report, w: ExportWords): XlsxCell[][] {
  const { t } = w;
  const rows: XlsxCell[][] = [
    [t('rep.col.item'), t('rep.col.value')],
    [t('rep.kind'), t(`rep.kind.${r.kind}`)],
    [t('rep.team'), w.team(r.teamId)],
    [t('rep.period'), r.kind === 'daily' ? { date: r.period } : r.period],
    [t('rep.status'), t(r.saved ? `rep.status.${r.status}` : 'rep.status.new')],
  ];
  if (r.saved) rows.push([t('rep.author'), r.authorName]);
  if (r.submittedAt) rows.push([t('rep.submittedAt'), w.dateTime(r.submittedAt)]);
  for (const line of FIGURE_LINES[r.kind]) rows.push([lineLabel(t, line), figureCell(figureValue(r.figures, line), line)]);
  for (const key of REPORT_SECTIONS[r.kind]) rows.push([t(`rep.section.${key}`), r.sections[key] ?? '']);
  for (const c of r.corrections) rows.push([t('rep.correction'), `${w.dateTime(c.at)} ${c.byName}: ${c.text}`]);
  return rows;
}

/** The week: one row per day (empty figures where no daily was submitted), then the totals. */
export function weeklyRows(wk: WeeklyReport, w: ExportWords): XlsxCell[][] {
  const { t } = w;
  return [
    [t('rep.col.date'), ...WEEKLY_LINES.map((l) => lineLabel(t, l)), t('rep.status')],
    ...wk.days.map((d): XlsxCell[] => [{ date: d.date }, ...WEEKLY_LINES.map((l) => (d.figures ? figureCell(figureValue(d.figures, l), l) : '')), t(d.status ? `rep.status.${d.status}` : 'rep.status.missing')]),
    [t('rep.total'), ...WEEKLY_LINES.map((l) => figureCell(figureValue(wk.totals, l), l)), ''],
  ];
}

/** The director's follow-up statistics: one row per week and team. */
export function followupRows(rows: readonly FollowupRow[], w: ExportWords): XlsxCell[][] {
  const { t } = w;
  return [
    [t('fu.col.week'), t('rep.team'), t('fu.supervised'), t('fu.feedback'), t('fu.callbacks'), t('rep.fig.cb.satisfied'), t('rep.fig.cb.unsatisfied'), t('rep.fig.cb.unreachable')],
    ...rows.map((r): XlsxCell[] => [{ date: r.week }, w.team(r.teamId), r.supervised, r.feedback, r.callbacks, r.callbacksByOutcome.satisfied, r.callbacksByOutcome.unsatisfied, r.callbacksByOutcome.unreachable]),
  ];
}

/** The monthly meeting: when, the month's figures, the notes, then rewards and penalties one per row. */
export function meetingRows(m: Meeting, w: ExportWords): XlsxCell[][] {
  const { t } = w;
  return [
    [t('rep.col.item'), t('rep.col.value'), ''],
    [t('meet.month'), m.month, ''],
    [t('meet.heldOn'), { date: m.heldOn }, ''],
    ...FIGURE_LINES.meeting.map((l): XlsxCell[] => [lineLabel(t, l), figureCell(figureValue(m.figures, l), l), '']),
    [t('meet.notes'), m.notes, ''],
    [t('meet.qa'), t('meet.qaPending'), ''],
    [],
    [t('meet.award.kind'), t('meet.award.person'), t('meet.award.reason')],
    ...m.awards.map((a): XlsxCell[] => [t(`meet.award.${a.kind}`), a.personName, a.reason]),
  ];
}
