/**
 * One formatter per zone: building an Intl.DateTimeFormat costs far more than using one, and rule checks
 * and imports ask for dates thousands of times. Only zones Intl accepted are kept, and the map is emptied
 * if a caller ever passes many spellings, so it stays small.
 */
const dateFormats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(timeZone: string): Intl.DateTimeFormat {
  let f = dateFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    if (dateFormats.size >= 64) dateFormats.clear();
    dateFormats.set(timeZone, f);
  }
  return f;
}

/** The calendar date (YYYY-MM-DD) an instant falls on in a time zone: all rule arithmetic is in the center's zone. */
export function dateInZone(instant: string | number | Date, timeZone: string): string {
  const parts = dateFormat(timeZone).formatToParts(new Date(instant));
  const get = (t: string) => parts.find((p) => p.type === t)!.value;
  return `${get('year')}-${get('month')}-${get('day')}`;
}
