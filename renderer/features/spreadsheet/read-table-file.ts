import { parseCsv } from '../../../shared/roster/csv';
import { decodeSpreadsheetText } from './decode-csv';
import { looksLikeXlsx, readXlsx, XlsxError } from './xlsx-read';

export type TableFormat = 'xlsx' | 'csv-utf8' | 'csv-gb18030';

/** Rows of text from a CSV (UTF-8 or GBK) or .xlsx file, told apart by content, not by file name. */
export function readTableFile(bytes: Uint8Array): { rows: string[][]; format: TableFormat } {
  if (looksLikeXlsx(bytes)) return { rows: readXlsx(bytes), format: 'xlsx' };
  // An old binary .xls (OLE compound file) is a common mistake: say so rather than show garbage.
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) throw new XlsxError('legacy .xls');
  const { text, encoding } = decodeSpreadsheetText(bytes);
  return { rows: parseCsv(text), format: encoding === 'utf-8' ? 'csv-utf8' : 'csv-gb18030' };
}
