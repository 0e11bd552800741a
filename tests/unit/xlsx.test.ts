import ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readTableFile } from '../../renderer/features/spreadsheet/read-table-file';
import { columnIndex, readXlsx, XlsxError } from '../../renderer/features/spreadsheet/xlsx-read';
import { columnName, writeXlsx } from '../../renderer/features/spreadsheet/xlsx-write';
import { planRosterImport } from '../../shared/roster/import';
import { DEFAULT_SHIFT_TYPES } from '../../shared/roster/schemas';

/** Workbooks made by an independent writer (ExcelJS), the way Excel and WPS files reach us. */
async function workbook(rows: unknown[][], tweak?: (ws: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('排班');
  rows.forEach((r) => ws.addRow(r));
  tweak?.(ws);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('XLSX reader', () => {
  it('reads shared strings, Chinese text, numbers, booleans and gaps as rows of text', async () => {
    const bytes = await workbook(
      [
        ['用户名', 1, 2, 3],
        ['agent01', 'D', null, 'N'],
        ['王芳 & "李" <x>', true, 3.5, ''],
      ],
    );
    expect(readXlsx(bytes)).toEqual([
      ['用户名', '1', '2', '3'],
      ['agent01', 'D', '', 'N'],
      ['王芳 & "李" <x>', 'TRUE', '3.5'], // a trailing empty cell is not a column
    ]);
  });

  it('returns a formula cell as "=<formula>", never its cached result', async () => {
    const bytes = await workbook([['agent01', 'D']], (ws) => {
      ws.getCell('C1').value = { formula: 'HYPERLINK("http://x","D")', result: 'D' };
    });
    expect(readXlsx(bytes)[0]).toEqual(['agent01', 'D', '=HYPERLINK("http://x","D")']);
  });

  it('keeps rich text as its plain characters', async () => {
    const bytes = await workbook([[{ richText: [{ text: '早' }, { font: { bold: true }, text: '班' }] }]]);
    expect(readXlsx(bytes)).toEqual([['早班']]);
  });

  it('ignores formatted but empty cells and rows at the end (a bordered template)', async () => {
    const bytes = await workbook([['agent01', 'D']], (ws) => {
      for (const ref of ['C1', 'AH1', 'A5']) ws.getCell(ref).border = { top: { style: 'thin' } };
    });
    expect(readXlsx(bytes)).toEqual([['agent01', 'D']]);
  });

  it('reads sheets whose elements carry a namespace prefix (OpenXML SDK exports)', () => {
    const files = unzipSync(writeXlsx([['用户名', '1'], ['agent01', 'D']]));
    const sheet = strFromU8(files['xl/worksheets/sheet1.xml']!)
      .replace('<worksheet xmlns=', '<x:worksheet xmlns:x=')
      .replace(/<(\/?)(worksheet|sheetData|row|c|is|t)\b/g, '<$1x:$2');
    files['xl/worksheets/sheet1.xml'] = strToU8(sheet);
    expect(sheet).toContain('<x:row');
    expect(readXlsx(zipSync(files))).toEqual([['用户名', '1'], ['agent01', 'D']]);
  });

  it('refuses bytes that are not a workbook', () => {
    expect(() => readXlsx(new Uint8Array([0x50, 0x4b, 3, 4, 9, 9, 9]))).toThrow(XlsxError);
  });

  it('numbers columns the way spreadsheets do', () => {
    expect([0, 25, 26, 31, 701].map(columnName)).toEqual(['A', 'Z', 'AA', 'AF', 'ZZ']);
    expect(['A', 'Z', 'AA', 'AF', 'ZZ'].map(columnIndex)).toEqual([0, 25, 26, 31, 701]);
  });
});

describe('XLSX writer', () => {
  const rows = [
    ['用户名', '1', '2'],
    ['007', 'D', ''],
    ['a<b>&"c"', '=SUM(1)', '夜班'],
  ];

  it('writes a file ExcelJS opens with every value as text', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(writeXlsx(rows, 'roster-2026-11')) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe('roster-2026-11');
    expect(ws.getCell('A2').value).toBe('007'); // a leading zero survives
    expect(ws.getCell('B3').value).toBe('=SUM(1)'); // written as text, not as a live formula
    expect(ws.getCell('C3').value).toBe('夜班');
  });

  it('round-trips through our own reader (trailing empty cells aside)', () => {
    expect(readXlsx(writeXlsx(rows))).toEqual([['用户名', '1', '2'], ['007', 'D'], ['a<b>&"c"', '=SUM(1)', '夜班']]);
  });
});

describe('import files by content', () => {
  const people = [{ userId: 'u1', username: 'agent01', name: '王芳', teamId: 'team-a', jobType: 'voice', skillLevel: 1 }];
  const header = ['用户名', ...Array.from({ length: 30 }, (_, i) => i + 1)];
  const plan = (rows: string[][]) => planRosterImport({ month: '2026-11', rows }, { people, shiftTypes: DEFAULT_SHIFT_TYPES, teamId: null, timeZone: 'Asia/Shanghai' });

  it('an Excel roster with numeric day headers imports clean', async () => {
    const { rows, format } = readTableFile(await workbook([header, ['agent01', 'D', 'E', null, 'N']]));
    expect(format).toBe('xlsx');
    const p = plan(rows);
    expect(p.issues).toEqual([]);
    expect(p.entries.filter((e) => e.shiftCode)).toEqual([
      { userId: 'u1', date: '2026-11-01', shiftCode: 'D' },
      { userId: 'u1', date: '2026-11-02', shiftCode: 'E' },
      { userId: 'u1', date: '2026-11-04', shiftCode: 'N' },
    ]);
    // The row ends at day 4 (Excel drops trailing empty cells): days 5–30 are rest days, cleared on import.
    expect(p.entries).toHaveLength(30);
    expect(p.entries.at(-1)).toEqual({ userId: 'u1', date: '2026-11-30', shiftCode: null });
  });

  it('an Excel roster with a formula and an unknown shift reports both cells, by row and column', async () => {
    const bytes = await workbook([header, ['agent01', 'D', 'X']], (ws) => {
      ws.getCell('E2').value = { formula: 'B2', result: 'D' };
    });
    expect(plan(readTableFile(bytes).rows).issues).toEqual([
      { row: 2, column: 3, code: 'err.unknownShift', value: 'X' },
      { row: 2, column: 5, code: 'err.formula', value: '=B2' },
    ]);
  });

  it('tells a GBK CSV, a UTF-8 CSV and an old .xls apart', () => {
    const gbk = new Uint8Array([0xd3, 0xc3, 0xbb, 0xa7, 0xc3, 0xfb, 0x2c, 0x31, 0x0a]); // "用户名,1\n" in GBK
    expect(readTableFile(gbk)).toEqual({ rows: [['用户名', '1']], format: 'csv-gb18030' });
    expect(readTableFile(new TextEncoder().encode('用户名,1\n')).format).toBe('csv-utf8');
    expect(() => readTableFile(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1]))).toThrow('legacy .xls');
  });
});
