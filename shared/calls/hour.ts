const formats = new Map<string, Intl.DateTimeFormat>();

/** The hour (0–23) of an instant on a zone's clock: calls by hour are counted on the center's day, not UTC's. */
export function hourInZone(iso: string, timeZone: string): number {
  let f = formats.get(timeZone);
  if (!f) formats.set(timeZone, (f = new Intl.DateTimeFormat('en-US', { hour: 'numeric', hourCycle: 'h23', timeZone })));
  return Number(f.format(new Date(iso))) % 24;
}
