/** Calendar months as `YYYY-MM`: one helper for every screen and handler (no time zone involved). */

export function monthOf(date: string): string {
  return date.slice(0, 7);
}

/** The month `delta` months after `month` (negative: before). */
export function addMonths(month: string, delta: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + delta, 1));
  return d.toISOString().slice(0, 7);
}

export function firstDay(month: string): string {
  return `${month}-01`;
}

export function lastDay(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

export function monthBounds(month: string): { from: string; to: string } {
  return { from: firstDay(month), to: lastDay(month) };
}
