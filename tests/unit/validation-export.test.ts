import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { neutraliseCell, parseCsv, toCsv } from '../../shared/roster/csv';
import { planRosterImport } from '../../shared/roster/import';
import { DEFAULT_SHIFT_TYPES } from '../../shared/roster/schemas';
import { readTableFile } from '../../renderer/features/spreadsheet/read-table-file';
import { readXlsx } from '../../renderer/features/spreadsheet/xlsx-read';
import { writeXlsx } from '../../renderer/features/spreadsheet/xlsx-write';

/**
 * Issue #15, item 6: an exported cell never starts a formula in the spreadsheet that opens it (CSV
 * injection: `=HYPERLINK(…)`, `@SUM(…)`, `+cmd|…`, `-2+3`, and a leading tab or CR), and our importers read
 * our own exports back exactly.
 */
const DANGEROUS = ['=HYPERLINK("http://evil","点我")', '+1+1', '-2+3', '@SUM(A1:A9)', '\t=1+1', '\r=1+1', "'=1", "''+x"];

describe('CSV export', () => {
  it('puts an apostrophe before every cell that would start a formula, and only there', () => {
    const text = toCsv([['用户名', '备注'], ...DANGEROUS.map((d) => ['agent01', d]), ['agent02', 'D'], ['agent03', '1-2']]);
    const lines = text.replace(/^\uFEFF/, '').split('\r\n');
    // Each dangerous cell is written as the apostrophe and the text, quoted as RFC 4180 needs (quotes, CR, comma).
    const field = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
    for (const d of DANGEROUS) expect(text, JSON.stringify(d)).toContain(`agent01,${field(`'${d}`)}\r\n`);
    expect(lines).toContain('agent02,D');
    expect(lines).toContain('agent03,1-2');
    expect(neutraliseCell('王芳')).toBe('王芳');
    expect(neutraliseCell('=1')).toBe("'=1");
  });

  it('reads back exactly what it wrote, whatever the cells hold (property)', () => {
    const cell = fc.oneof(fc.string(), fc.constantFrom(...DANGEROUS, "'", "'''", '=', '-', '"', ',', '\r\n', ''), fc.tuple(fc.constantFrom("'", "''", '=', '+', '-', '@', '\t', '\r'), fc.string()).map(([a, b]) => a + b));
    // A file always has at least one cell a row; a row of one empty cell is a blank line, as RFC 4180 has it.
    const row = fc.array(cell, { minLength: 1, maxLength: 6 }).filter((r) => !(r.length === 1 && r[0] === ''));
    fc.assert(fc.property(fc.array(row, { minLength: 1, maxLength: 5 }), (rows) => JSON.stringify(parseCsv(toCsv(rows))) === JSON.stringify(rows)), { numRuns: 300 });
  });

  it('a roster exported and imported again: its formula cells are still refused by row and column, the rest imports', () => {
    const people = [{ userId: 'u1', username: 'agent01', name: '王芳', teamId: 'team-a', jobType: 'voice', skillLevel: 1 }];
    const rows = [
      ['用户名', '1', '2', '3'],
      ['agent01', 'D', '=HYPERLINK("http://x","D")', 'N'],
    ];
    const { rows: back } = readTableFile(new TextEncoder().encode(toCsv(rows)));
    expect(back).toEqual(rows);
    const plan = planRosterImport({ month: '2026-11', rows: back }, { people, shiftTypes: DEFAULT_SHIFT_TYPES, teamId: null, timeZone: 'Asia/Shanghai' });
    expect(plan.issues).toEqual([expect.objectContaining({ row: 2, column: 3, code: 'err.formula' })]);
  });
});

describe('XLSX export', () => {
  // Decision: no apostrophe in .xlsx. Every cell is an inline string (t="inlineStr"); Excel, WPS and LibreOffice
  // evaluate only <f> elements, never a string's text, and an apostrophe would be shown as part of the value.
  it('writes formula-looking cells as inline strings, never as formulas, and reads them back as they were', async () => {
    const rows = [['用户名', '备注'], ...DANGEROUS.filter((d) => !d.includes('\r')).map((d) => ['agent01', d])];
    const bytes = writeXlsx(rows);
    const sheet = strFromU8(unzipSync(bytes)['xl/worksheets/sheet1.xml']!);
    expect(sheet).not.toMatch(/<f[\s>]/);
    expect([...sheet.matchAll(/<c [^>]*>/g)].every((m) => m[0].includes('t="inlineStr"'))).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    const values = wb.worksheets[0]!.getColumn(2).values.filter((v) => v !== undefined);
    expect(values).toEqual(rows.map((r) => r[1]));
    expect(readXlsx(bytes)).toEqual(rows);
  });
});
