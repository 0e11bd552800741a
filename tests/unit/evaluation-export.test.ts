import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../shared/evaluation/rules';
import type { Evaluation } from '../../shared/evaluation/schemas';
import { POLICY_DEFAULTS } from '../../shared/policy/defaults';
import { evaluationRows } from '../../renderer/features/evaluation/export-rows';
import { surveyCountsFromRows } from '../../renderer/features/evaluation/survey-import';
import { writeXlsx } from '../../renderer/features/spreadsheet/xlsx-write';
import { en } from '../../renderer/i18n/locales/en';
import { evaluationMessages } from '../../renderer/features/evaluation/messages';

const EN: Record<string, string> = { ...en, ...evaluationMessages.en };
const t = ((key: string, params: Record<string, unknown> = {}) => (EN[key] ?? key).replace(/\{(\w+)\}/g, (_m, k: string) => String(params[k]))) as never;

function record(teamId: string, month: string, o: Partial<Evaluation> = {}): Evaluation {
  const base = {
    id: `eval:${teamId}:${month}`,
    teamId,
    month,
    surveyScale: 5,
    surveyCounts: [1, 2, 5, 12, 20],
    complaintSource: 'manual' as const,
    complaints: 1,
    complaintsResolved: 1,
    suggestions: 2,
    suggestionsResolved: 1,
    plansRated: 4,
    plansSatisfied: 3,
    incidents: [],
    enteredBy: 'u',
    enteredByName: '马建国',
    updatedAt: '2026-03-11T02:00:00.000Z',
    synced: true,
    ...o,
  };
  return { ...base, result: evaluate(base, POLICY_DEFAULTS) };
}

describe('the evaluation export, read back by a real xlsx parser', () => {
  it('one row per unit and month with the indicators and composite as the desk shows them', async () => {
    const list = [record('team-a', '2026-03'), record('team-b', '2026-03', { incidents: [{ kind: 'valuablesSecurity', date: '2026-03-09', description: '票证保管失误，含逗号,与"引号"' }] })];
    const rows = evaluationRows(t, list, (id) => (id === 'team-a' ? '一组' : '二组'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(writeXlsx(rows, 'Service evaluation')) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const back: string[][] = [];
    ws.eachRow((r) => back.push(Array.from(r.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
    expect(back).toEqual(rows);
    const col = (name: string) => back[0]!.indexOf(name);
    expect(back[0]).toContain('Composite');
    // Team A: 80% − 1 point = 79; (79·50 + 66.67·30 + 75·20)/100 = 74.5
    expect([back[1]![col('Unit')], back[1]![col('Survey satisfaction')], back[1]![col('Satisfaction (after deductions)')], back[1]![col('Composite')]]).toEqual(['一组', '80.0', '79.0', '74.5']);
    // Team B: the incident zeroes satisfaction; (0 + 2000 + 1500)/100 = 35
    expect([back[2]![col('Satisfaction (after deductions)')], back[2]![col('Composite')]]).toEqual(['0.0', '35.0']);
    expect(back[2]![col('Major incidents')]).toContain('Security incident with valuables');
  });
});

describe('survey answers imported from a sheet (point, count)', () => {
  it('reads a header and the counts per point', () => {
    expect(surveyCountsFromRows([['分值', '人数'], ['5', '20'], ['4', '12'], ['', ''], ['1', '1']], 5)).toEqual({ counts: [1, 0, 0, 12, 20], problems: [], found: 3 });
  });
  it.each([
    ['a point outside the scale', [['6', '3']], 'err.likertPoint'],
    ['a negative count', [['3', '-2']], 'err.count'],
    ['a point twice', [['3', '2'], ['3', '1']], 'err.likertPointTwice'],
  ])('%s is reported by row and nothing is taken', (_l, rows, code) => {
    const r = surveyCountsFromRows(rows, 5);
    expect(r.problems.map((p) => p.code)).toContain(code);
    expect(r.counts).toEqual([0, 0, 0, 0, 0]);
  });
});
