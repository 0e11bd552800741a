/** One problem of an imported survey file, by 1-based row. */
export interface SurveyImportProblem {
  row: number;
  code: 'err.likertPoint' | 'err.count' | 'err.likertPointTwice';
}

/**
 * Survey answers from a spreadsheet: two columns, the Likert point and how many answered it (a header row
 * and blank rows are skipped). Points off the scale and counts that are not whole numbers are reported by
 * row, and then nothing is taken.
 */
export function surveyCountsFromRows(rows: readonly (readonly string[])[], scale: number): { counts: number[]; problems: SurveyImportProblem[]; found: number } {
  const counts = Array.from({ length: scale }, () => 0);
  const seen = new Set<number>();
  const problems: SurveyImportProblem[] = [];
  let found = 0;
  rows.forEach((cells, i) => {
    const [a = '', b = ''] = cells.map((c) => c.trim());
    if (a === '' && b === '') return;
    // A header (point and count, in Chinese or English): text in the first cell of the first row.
    if (i === 0 && !/^\d/.test(a)) return;
    found++;
    const point = Number(a);
    const count = Number(b);
    if (!Number.isInteger(point) || point < 1 || point > scale) problems.push({ row: i + 1, code: 'err.likertPoint' });
    else if (!/^\d+$/.test(b) || !Number.isSafeInteger(count)) problems.push({ row: i + 1, code: 'err.count' });
    else if (seen.has(point)) problems.push({ row: i + 1, code: 'err.likertPointTwice' });
    else {
      seen.add(point);
      counts[point - 1] = count;
    }
  });
  return { counts: problems.length ? Array.from({ length: scale }, () => 0) : counts, problems, found };
}
