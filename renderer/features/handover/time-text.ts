/** "08:00" on the center's clock: the shift screens name times of today, so the day would be noise. */
const formats = new Map<string, Intl.DateTimeFormat>();

export function hhmm(iso: string, timeZone: string): string {
  let f = formats.get(timeZone);
  if (!f) formats.set(timeZone, (f = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hour12: false, timeZone })));
  return f.format(new Date(iso));
}
