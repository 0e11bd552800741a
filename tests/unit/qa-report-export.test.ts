import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Analysis, WeeklySummary } from '../../shared/qa/report-schemas';
import { qaReportMessages } from '../../renderer/features/qa/report-messages';
import { qaMessages } from '../../renderer/features/qa/messages';
import { analysisRows, weeklyRows } from '../../renderer/features/qa/report-export';
import { reportsMessages } from '../../renderer/features/reports/messages';
import { writeXlsx, type XlsxCell } from '../../renderer/features/spreadsheet/xlsx-write';
import { en } from '../../renderer/i18n/locales/en';

const EN: Record<string, string> = { ...en, ...reportsMessages.en, ...qaMessages.en, ...qaReportMessages.en };
const t = ((key: string, params: Record<string, unknown> = {}) => (EN[key] ?? key).replace(/\{(\w+)\}/g, (_m, k: string) => String(params[k]))) as never;
const words = { t, locale: 'en', team: (id: string | null) => (id === 'team-a' ? 'Team 1' : String(id)) };

const TONE = { 'zh-CN': '语气语调', 'zh-TW': '語氣語調', en: 'Tone' };
const NEEDS = { 'zh-CN': '客户需求的归纳能力', 'zh-TW': '客戶需求的歸納能力', en: "Grasp of the customer's need" };

const WEEKLY: WeeklySummary = {
  teamId: 'team-a',
  week: '2026-03-09',
  weekEnd: '2026-03-15',
  agents: 6,
  evaluatedAgents: 2,
  done: 3,
  month: '2026-03',
  monthDone: 4,
  monthQuota: 18,
  average: 83.5,
  previousAverage: null,
  trend: [
    { week: '2026-03-02', average: null, count: 0 },
    { week: '2026-03-09', average: 83.5, count: 3 },
  ],
  criticalFails: 1,
  criteria: [
    { criterionId: 'tone', names: TONE, average: 50, agents: 2, weak: [{ agentId: 'u1', agentName: '王芳', average: 50 }, { agentId: 'u2', agentName: '李娜', average: 50 }] },
    { criterionId: 'needs', names: NEEDS, average: 87.5, agents: 2, weak: [] },
  ],
  perAgent: [{ agentId: 'u1', agentName: '王芳', count: 2, average: 80, criticalFails: 1 }],
  plan: [{ scope: 'team', criterionId: 'tone', names: TONE, agentIds: ['u1', 'u2'], agentNames: ['王芳', '李娜'], average: 50 }],
  weakBelow: 70,
  teamShare: 1 / 3,
  published: null,
};

const ANALYSIS: Analysis = {
  month: '2026-03',
  months: ['2026-02', '2026-03'],
  teams: [{ teamId: 'team-a', count: 3, average: 83.5, criticalFails: 1, trend: [{ month: '2026-02', average: null }, { month: '2026-03', average: 83.5 }], criteria: [{ criterionId: 'tone', names: TONE, average: 50 }] }],
  criteria: [{ criterionId: 'tone', names: TONE, average: 50, trend: [{ month: '2026-02', average: null }, { month: '2026-03', average: 50 }] }],
  disputes: { total: 2, open: 1, upheld: 1, amended: 0, byCriterion: [{ criterionId: 'tone', names: TONE, open: 1, upheld: 1, amended: 0 }] },
  common: [{ scope: 'team', criterionId: 'tone', names: TONE, agentIds: ['u1', 'u2'], agentNames: ['王芳', '李娜'], average: 50 }],
  evaluatedAgents: 2,
};

/** The sheet as a real xlsx parser reads it back: days as YYYY-MM-DD, numbers and text as text. */
async function readBack(rows: XlsxCell[][]): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(writeXlsx(rows, 'QA')) as unknown as ArrayBuffer);
  const out: string[][] = [];
  wb.worksheets[0]!.eachRow({ includeEmpty: true }, (r) => out.push(Array.from(r.values as unknown[]).slice(1).map((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v ?? '')))));
  return out;
}
const asText = (rows: XlsxCell[][]) => rows.map((r) => r.map((c) => (typeof c === 'object' ? ('date' in c ? c.date : String(c.percent)) : String(c))));
const trimmed = (rows: string[][]) => rows.map((r) => { const x = [...r]; while (x.length && x[x.length - 1] === '') x.pop(); return x; });

describe('QA reports export, read back with ExcelJS', () => {
  it('qa.weekly: the weekly summary — figures, trend, criteria, agents and the training plan — as the screen shows them', async () => {
    const rows = weeklyRows(WEEKLY, words);
    const back = await readBack(rows);
    expect(trimmed(back)).toEqual(trimmed(asText(rows)));
    const value = (label: string) => back.find((r) => r[0] === label)?.[1];
    expect([value('Team'), value('Week (Monday)'), value('Evaluations this week'), value('Evaluations in 2026-03 so far'), value('Due this month (agents × quota)'), value('Average'), value('Critical fails')]).toEqual(['Team 1', '2026-03-09', '3', '4', '18', '83.5', '1']);
    expect(back).toContainEqual(['Tone', '50', '王芳 50, 李娜 50']);
    expect(back).toContainEqual(['Whole team', 'Tone', '王芳, 李娜', '50']);
  });

  it('qa.weekly: the director’s analysis — team × criterion, trends, disputes, common problems', async () => {
    const rows = analysisRows(ANALYSIS, words);
    const back = await readBack(rows);
    expect(trimmed(back)).toEqual(trimmed(asText(rows)));
    expect(back[0]).toEqual(['Team', 'Evaluations', 'Average', 'Critical fails', '2026-02', '2026-03']);
    expect(back[1]).toEqual(['Team 1', '3', '83.5', '1', '', '83.5']);
    expect(back).toContainEqual(['Total', '1', '1', '0']);
    expect(back.at(-1)).toEqual(['Whole team', 'Tone', '王芳, 李娜', '50']);
  });
});
