import { unzipSync } from 'fflate';

/**
 * The first worksheet of an .xlsx file as rows of text, the shape the CSV parser gives. Only what an
 * import needs: shared, inline and formula-result strings, numbers, booleans. A cell holding a formula
 * comes back as "=<formula>" so the import refuses it by row and column instead of trusting a result
 * Excel computed on someone else's machine.
 */
export function readXlsx(bytes: Uint8Array): string[][] {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes);
  } catch {
    throw new XlsxError('not a zip archive');
  }
  const text = (path: string) => {
    const f = files[path];
    return f ? new TextDecoder('utf-8').decode(f) : null;
  };
  const sheetPath = firstSheetPath(text('xl/workbook.xml'), text('xl/_rels/workbook.xml.rels'));
  const sheet = text(sheetPath);
  if (sheet === null) throw new XlsxError('no worksheet');
  return readSheet(sheet, readSharedStrings(text('xl/sharedStrings.xml')));
}

export class XlsxError extends Error {}

function firstSheetPath(workbook: string | null, rels: string | null): string {
  if (!workbook) throw new XlsxError('no workbook');
  const rid = /<(?:\w+:)?sheet\b[^>]*\br:id="([^"]+)"/.exec(workbook)?.[1];
  const target = rid && rels ? new RegExp(`<Relationship\\b[^>]*\\bId="${rid}"[^>]*>`).exec(rels)?.[0] : undefined;
  const path = target ? /\bTarget="([^"]+)"/.exec(target)?.[1] : undefined;
  if (!path) return 'xl/worksheets/sheet1.xml';
  return path.startsWith('/') ? path.slice(1) : `xl/${path}`;
}

// Some writers (the OpenXML SDK) prefix every element, e.g. <x:row>: `P` matches an optional prefix.
const P = '(?:\\w+:)?';
const tag = (name: string, flags = 'g') => new RegExp(`<${P}${name}\\b([^>]*?)(?:\\/>|>([\\s\\S]*?)<\\/${P}${name}>)`, flags);

function readSharedStrings(xml: string | null): string[] {
  if (!xml) return [];
  return [...xml.matchAll(tag('si'))].map((m) => runsText(m[2] ?? ''));
}

/** Concatenated <t> runs, skipping phonetic (<rPh>) hints that Excel stores for East Asian text. */
function runsText(xml: string): string {
  const body = xml.replace(tag('rPh'), '');
  return [...body.matchAll(tag('t'))].map((m) => unescapeXml(m[2] ?? '')).join('');
}

function readSheet(xml: string, shared: readonly string[]): string[][] {
  const rows: string[][] = [];
  for (const rowMatch of xml.matchAll(tag('row'))) {
    const rowAttr = rowMatch[1]!;
    const r = Number(/\br="(\d+)"/.exec(rowAttr)?.[1] ?? rows.length + 1) - 1;
    const cells: string[] = [];
    for (const c of (rowMatch[2] ?? '').matchAll(tag('c'))) {
      const attr = c[1]!;
      const ref = /\br="([A-Z]+)\d+"/.exec(attr)?.[1];
      const col = ref ? columnIndex(ref) : cells.length;
      cells[col] = cellText(attr, c[2] ?? '', shared);
    }
    // Formatted but empty cells (a bordered template) are not columns of data.
    const row = Array.from(cells, (v) => v ?? '');
    while (row.length > 0 && row[row.length - 1] === '') row.pop();
    rows[r] = row;
  }
  const out = Array.from(rows, (v) => v ?? []);
  while (out.length > 0 && out[out.length - 1]!.length === 0) out.pop();
  return out;
}

function cellText(attr: string, body: string, shared: readonly string[]): string {
  const f = tag('f', '').exec(body);
  if (f) return `=${unescapeXml(f[2] ?? '')}`;
  const type = /\bt="(\w+)"/.exec(attr)?.[1] ?? 'n';
  const v = tag('v', '').exec(body)?.[2];
  if (type === 'inlineStr') return runsText(tag('is', '').exec(body)?.[2] ?? '');
  if (v === undefined) return '';
  if (type === 's') return shared[Number(v)] ?? '';
  if (type === 'b') return v === '1' ? 'TRUE' : 'FALSE';
  return unescapeXml(v);
}

/** "A" → 0, "AF" → 31. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

function unescapeXml(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[e]!;
  });
}

/** Zip files start with "PK\x03\x04"; every .xlsx is one. */
export function looksLikeXlsx(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}
