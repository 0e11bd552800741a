import { toCsv } from '../../../shared/roster/csv';
import { writeXlsx } from './xlsx-write';

/** Hands bytes to the browser (or Electron's) download. */
export function saveFile(name: string, data: BlobPart, type: string): void {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  URL.revokeObjectURL(url);
}

/** The same rows as CSV (UTF-8 with BOM, opens in Excel) or .xlsx. */
export function saveTable(baseName: string, rows: readonly (readonly string[])[], format: 'csv' | 'xlsx'): void {
  if (format === 'csv') saveFile(`${baseName}.csv`, toCsv(rows), 'text/csv;charset=utf-8');
  else saveFile(`${baseName}.xlsx`, writeXlsx(rows, baseName) as Uint8Array<ArrayBuffer>, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
}
