import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parseCsv, toCsv } from '../../shared/roster/csv';
import { countFigures } from '../../shared/reports/rules';
import type { FollowupRow, Meeting, Report, WeeklyReport } from '../../shared/reports/schemas';
import { followupRows, meetingRows, reportRows, weeklyRows, type ExportWords } from '../../renderer/features/reports/export-report';
import { csvText } from '../../renderer/features/spreadsheet/save-file';
import { excelDay, writeXlsx, type XlsxCell } from '../../renderer/features/spreadsheet/xlsx-write';
import { translate } from '../../renderer/i18n/catalogues';

/** Every report's export, read back with a real parser (ExcelJS): numbers as numbers, days as dates, headers in Chinese. */
const words: ExportWords = { t: (k, p) => translate('zh-CN', k, p), team: (id) => (id === 'team-a' ? '一组' : '二组'), dateTime: (iso) => iso.slice(0, 16).replace('T', ' ') };

const figures = countFigures(
  {
    calls: [
      { category: 'consultation', startedAt: '2026-03-12T01:00:00.000Z', followUp: false },
      { category: 'consultation', startedAt: '2026-03-12T02:00:00.000Z', followUp: true },
      { category: 'query', startedAt: '2026-03-12T03:00:00.000Z', followUp: false },
    ],
    workOrders: [
      { type: 'complaint', createdAt: '2026-03-12T02:00:00.000Z', closedAt: null, supervisedAt: null, callbackAt: '2026-03-12T05:00:00.000Z', callbackOutcome: 'satisfied', steps: [{ step: 'apologise', at: '', by: '', note: '' }, { step: 'resolve', at: '', by: '', note: '' }] },
      { type: 'complaint', createdAt: '2026-03-12T02:30:00.000Z', closedAt: null, supervisedAt: null, callbackAt: null, callbackOutcome: null, steps: [] },
    ],
    escalations: [],
  },
  '2026-03-11T16:00:00.000Z',
  '2026-03-12T16:00:00.000Z',
);
const report: Report = {
  id: 'daily:team-a:2026-03-12',
  kind: 'daily',
  teamId: 'team-a',
  period: '2026-03-12',
  authorId: 'user-lead01',
  authorName: '郑伟',
  status: 'submitted',
  figures,
  sections: { systemProblems: '=1+1 工单系统卡顿', difficultIssues: '滞纳金减免', notes: '' },
  corrections: [],
  submittedAt: '2026-03-12T10:00:00.000Z',
  createdAt: '2026-03-12T09:00:00.000Z',
  updatedAt: '2026-03-12T10:00:00.000Z',
  saved: true,
  synced: true,
  ruleIds: ['report.daily'],
};

async function readBack(rows: XlsxCell[][]): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(writeXlsx(rows, '报表')) as never);
  return wb.worksheets[0]!;
}
const row = (ws: ExcelJS.Worksheet, label: string) => {
  let found: ExcelJS.Row | undefined;
  ws.eachRow((r) => {
    if (r.getCell(1).value === label) found = r;
  });
  if (!found) throw new Error(`no row ${label}`);
  return found;
};

describe('report exports read back with a real parser', () => {
  it('report.daily: the daily report — Chinese labels, counts as numbers, the day as a date, the rate as a percentage', async () => {
    const ws = await readBack(reportRows(report, words));
    expect([ws.getCell('A1').value, ws.getCell('B1').value]).toEqual(['项目', '内容']);
    expect(row(ws, '日期').getCell(2).value).toEqual(new Date('2026-03-12T00:00:00.000Z'));
    expect(row(ws, '日期').getCell(2).numFmt).toBe('yyyy-mm-dd');
    expect(row(ws, '咨询').getCell(2).value).toBe(2);
    expect(row(ws, '查询').getCell(2).value).toBe(1);
    expect(row(ws, '主动服务（回访）').getCell(2).value).toBe(1);
    expect(row(ws, '投诉办结率').getCell(2).value).toBe(0.5);
    expect(row(ws, '投诉办结率').getCell(2).numFmt).toBe('0%');
    // Text that looks like a formula stays text.
    expect(row(ws, '系统问题').getCell(2).value).toBe('=1+1 工单系统卡顿');
    expect(row(ws, '班组').getCell(2).value).toBe('一组');
  });

  it('report.daily (周报): one row per day with dates, empty where no daily was sent, and the totals', async () => {
    const week: WeeklyReport = {
      teamId: 'team-a',
      from: '2026-03-09',
      to: '2026-03-15',
      days: ['2026-03-09', '2026-03-10', '2026-03-11', '2026-03-12', '2026-03-13', '2026-03-14', '2026-03-15'].map((date) => ({ date, figures: date === '2026-03-12' ? figures : null, status: date === '2026-03-12' ? 'submitted' : null })),
      totals: figures,
      texts: [],
      ruleIds: ['report.daily'],
    };
    const ws = await readBack(weeklyRows(week, words));
    expect(ws.getRow(1).values).toEqual([undefined, '日期', '来电总数', '咨询', '查询', '主动服务（回访）', '投诉来电', '新建工单', '办结工单', '投诉工单', '回访', '上报事项', '状态']);
    expect(ws.getCell('A5').value).toEqual(new Date('2026-03-12T00:00:00.000Z'));
    expect([ws.getCell('B5').value, ws.getCell('C5').value, ws.getCell('L5').value]).toEqual([3, 2, '已提交']);
    expect([ws.getCell('B2').value, ws.getCell('L2').value]).toEqual([null, '未提交']);
    expect([ws.getCell('A9').value, ws.getCell('B9').value]).toEqual(['合计', 3]);
  });

  it('report.weekly-followups: one row per week and team, the week as a date', async () => {
    const rows: FollowupRow[] = [{ week: '2026-03-09', teamId: 'team-a', supervised: 1, feedback: 2, callbacks: 2, callbacksByOutcome: { satisfied: 1, unsatisfied: 0, unreachable: 1 } }];
    const ws = await readBack(followupRows(rows, words));
    expect(ws.getRow(1).values).toEqual([undefined, '周', '班组', '督办', '反馈（办结）', '回访', '回访满意', '回访不满意', '回访未接通']);
    expect(ws.getRow(2).values).toEqual([undefined, new Date('2026-03-09T00:00:00.000Z'), '一组', 1, 2, 2, 1, 0, 1]);
  });

  it('meeting.monthly: figures, the QA place, and one row per reward or penalty', async () => {
    const m: Meeting = { id: 'meeting:2026-03', month: '2026-03', heldOn: '2026-03-20', figures, notes: '通报三月工作', awards: [{ personId: 'u1', personName: '王芳', kind: 'reward', reason: '零投诉' }], qaResults: null, recordedBy: 'u', recordedAt: '', updatedAt: '', synced: true, ruleIds: ['meeting.monthly'] };
    const ws = await readBack(meetingRows(m, words));
    expect(row(ws, '召开日期').getCell(2).value).toEqual(new Date('2026-03-20T00:00:00.000Z'));
    expect(row(ws, '来电总数').getCell(2).value).toBe(3);
    expect(row(ws, '质检结果').getCell(2).value).toContain('质检评分表尚未启用');
    expect(row(ws, '奖励').values).toEqual([undefined, '奖励', '王芳', '零投诉']);
  });

  it('the CSV holds the same cells: numbers and dates as Excel reads them, formulas neutralised and restored', () => {
    const rows = reportRows(report, words);
    const back = parseCsv(toCsv(rows.map((r) => r.map(csvText))));
    expect(back.find((r) => r[0] === '咨询')).toEqual(['咨询', '2']);
    expect(back.find((r) => r[0] === '日期')).toEqual(['日期', '2026-03-12']);
    expect(back.find((r) => r[0] === '投诉办结率')).toEqual(['投诉办结率', '50%']);
    expect(back.find((r) => r[0] === '系统问题')).toEqual(['系统问题', '=1+1 工单系统卡顿']);
  });

  it('Excel day numbers: 1900-03-01 is 61, 2026-03-12 is 46093', () => {
    expect([excelDay('1900-03-01'), excelDay('2026-03-12')]).toEqual([61, 46093]);
  });
});
