/**
 * Cells a spreadsheet would read as a formula (= + - @), or whose leading tab or carriage return some programs
 * drop before doing so (OWASP's CSV-injection list), behind any number of apostrophes: each of these gets one
 * more on export and loses it on import, so every cell reads back exactly as it was.
 */
const GUARDED = /^'*[=+\-@\t\r]/;

/** A cell as our export writes it: one that would start a formula gets a leading apostrophe, so it stays text. */
export function neutraliseCell(v: string): string {
  return GUARDED.test(v) ? `'${v}` : v;
}

/** The cell again as it was before neutraliseCell: an apostrophe in front of a (guarded) formula start is ours. */
export function restoreCell(v: string): string {
  return v.startsWith("'") && GUARDED.test(v.slice(1)) ? v.slice(1) : v;
}

/**
 * RFC 4180 CSV: quoted fields, doubled quotes, CRLF or LF, as Excel and WPS write it. Our own exports read
 * back as they were written (restoreCell): `'=SUM(1)` is `=SUM(1)` again, and an import refuses it as a formula.
 */
export function parseCsv(text: string): string[][] {
  return parseCsvRaw(text).map((row) => row.map(restoreCell));
}

function parseCsvRaw(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const src = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && src[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

const quote = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** CSV with a BOM, so Excel opens Chinese text as UTF-8; no cell starts a formula (neutraliseCell). */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return '\uFEFF' + rows.map((r) => r.map((v) => quote(neutraliseCell(v))).join(',')).join('\r\n') + '\r\n';
}
