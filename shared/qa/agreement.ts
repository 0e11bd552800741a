/**
 * Inter-rater agreement for QA calibration: several inspectors score the same calls blind, and the desk
 * shows how far they agree. Pure functions, no I/O — the same numbers on desk and server.
 *
 * - Krippendorff's alpha (Krippendorff 2011, "Computing Krippendorff's Alpha-Reliability"): any number of
 *   coders, missing values allowed, nominal / ordinal / interval metrics. Computed through the coincidence
 *   matrix, so a unit scored by only one inspector simply drops out.
 * - ICC(2,1) and ICC(3,1) (Shrout & Fleiss 1979): complete data only (every inspector scored every call),
 *   from the two-way ANOVA mean squares.
 */

export type AlphaLevel = 'nominal' | 'ordinal' | 'interval';
export type IccForm = '2,1' | '3,1';

/**
 * units[u][c] is coder c's value for unit u; null is missing. Units with fewer than two values are not
 * pairable and are ignored. Returns null when alpha is undefined: fewer than two pairable values, or no
 * variation at all (expected disagreement 0 — alpha would be 0/0).
 */
export function krippendorffAlpha(units: ReadonlyArray<ReadonlyArray<number | null>>, level: AlphaLevel): number | null {
  const pairable = units
    .map((u) => u.filter((v): v is number => v !== null && Number.isFinite(v)))
    .filter((u) => u.length >= 2);
  if (pairable.length === 0) return null;

  // Distinct values in ascending order; the coincidence matrix is indexed by them.
  const values = [...new Set(pairable.flat())].sort((a, b) => a - b);
  const index = new Map(values.map((v, i) => [v, i]));
  const V = values.length;
  const o: number[][] = Array.from({ length: V }, () => new Array<number>(V).fill(0));
  for (const u of pairable) {
    const w = 1 / (u.length - 1);
    for (let i = 0; i < u.length; i++) {
      for (let j = 0; j < u.length; j++) {
        if (i === j) continue;
        o[index.get(u[i]!)!]![index.get(u[j]!)!]! += w;
      }
    }
  }
  const nc = o.map((row) => row.reduce((s, x) => s + x, 0));
  const n = nc.reduce((s, x) => s + x, 0);
  if (n < 2) return null;

  const delta2 = distanceFor(level, values, nc);
  let observed = 0;
  let expected = 0;
  for (let c = 0; c < V; c++) {
    for (let k = 0; k < V; k++) {
      const d = delta2(c, k);
      observed += o[c]![k]! * d;
      expected += nc[c]! * nc[k]! * d;
    }
  }
  if (expected === 0) return null;
  return 1 - ((n - 1) * observed) / expected;
}

/** Squared difference δ²(c, k) between the c-th and k-th distinct values (Krippendorff 2011, section E). */
function distanceFor(level: AlphaLevel, values: readonly number[], nc: readonly number[]): (c: number, k: number) => number {
  if (level === 'nominal') return (c, k) => (c === k ? 0 : 1);
  if (level === 'interval') return (c, k) => (values[c]! - values[k]!) ** 2;
  // Ordinal: the distance is how many pairable values lie between c and k (ranks, not magnitudes).
  const cumulative = [0];
  for (const x of nc) cumulative.push(cumulative[cumulative.length - 1]! + x);
  return (c, k) => {
    if (c === k) return 0;
    const lo = Math.min(c, k);
    const hi = Math.max(c, k);
    const between = cumulative[hi + 1]! - cumulative[lo]!;
    return (between - (nc[c]! + nc[k]!) / 2) ** 2;
  };
}

/**
 * matrix[t][j] is judge j's score for target t; complete data (every row the same length, ≥ 2 targets and
 * ≥ 2 judges). ICC(2,1): judges a random sample, absolute agreement. ICC(3,1): fixed judges, consistency.
 * Returns null when the data are incomplete or the statistic is undefined (no variance at all).
 */
export function icc(matrix: ReadonlyArray<ReadonlyArray<number>>, form: IccForm): number | null {
  const n = matrix.length;
  if (n < 2) return null;
  const k = matrix[0]!.length;
  if (k < 2 || matrix.some((row) => row.length !== k || row.some((x) => !Number.isFinite(x)))) return null;

  const grand = matrix.flat().reduce((s, x) => s + x, 0) / (n * k);
  const rowMeans = matrix.map((row) => row.reduce((s, x) => s + x, 0) / k);
  const colMeans = Array.from({ length: k }, (_, j) => matrix.reduce((s, row) => s + row[j]!, 0) / n);
  const ssTotal = matrix.flat().reduce((s, x) => s + (x - grand) ** 2, 0);
  const ssRows = k * rowMeans.reduce((s, m) => s + (m - grand) ** 2, 0);
  const ssCols = n * colMeans.reduce((s, m) => s + (m - grand) ** 2, 0);
  const ssError = Math.max(0, ssTotal - ssRows - ssCols);

  const bms = ssRows / (n - 1);
  const jms = ssCols / (k - 1);
  const ems = ssError / ((n - 1) * (k - 1));
  const denominator = form === '2,1' ? bms + (k - 1) * ems + (k * (jms - ems)) / n : bms + (k - 1) * ems;
  if (denominator <= 0 || !Number.isFinite(denominator)) return null;
  return (bms - ems) / denominator;
}

/** Each inspector's signed deviation from the reference score (score − reference): positive scored higher. */
export function deviationsFromReference(scores: Readonly<Record<string, number>>, reference: number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [rater, score] of Object.entries(scores)) out[rater] = score - reference;
  return out;
}
