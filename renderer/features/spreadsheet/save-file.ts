import { toCsv } from '../../../shared/roster/csv';
import { writeXlsx, type XlsxCell } from './xlsx-write';

/** Hands bytes to the browser (or Electron's) download. */
export function saveFile(name: string, data: BlobPart, type: string): void {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  URL.revokeObjectURL(url);
}

/** A cell as CSV text: numbers as written, a day as YYYY-MM-DD, a share as "50%" (Excel reads all three back as values). */
export function csvText(v: XlsxCell): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  if ('date' in v) return v.date;
  return `${Math.round(v.percent * 1000) / 10}%`;
}

/** The same rows as CSV (UTF-8 with BOM, opens in Excel) or .xlsx. */
export function saveTable(baseName: string, rows: readonly (readonly XlsxCell[])[], format: 'csv' | 'xlsx'): void {
  if (format === 'csv') saveFile(`${baseName}.csv`, toCsv(rows.map((r) => r.map(csvText))), 'text/csv;charset=utf-8');
  else saveFile(`${baseName}.xlsx`, writeXlsx(rows, baseName) as Uint8Array<ArrayBuffer>, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
}
