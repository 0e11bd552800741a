/**
 * Wall-clock time in a center's zone ↔ instants, with no library: Intl knows every zone's offsets.
 * All shift arithmetic goes through here so shifts crossing midnight or a DST change come out right.
 */

/**
 * One formatter per zone, built on first use: constructing an Intl.DateTimeFormat costs far more than
 * formatting with it, and a month's import asks for tens of thousands of offsets. Only zones Intl accepted
 * are kept, and the map is emptied if it ever holds many spellings, so it stays small.
 */
const wallFormats = new Map<string, Intl.DateTimeFormat>();
function wallFormat(timeZone: string): Intl.DateTimeFormat {
  let f = wallFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    if (wallFormats.size >= 64) wallFormats.clear();
    wallFormats.set(timeZone, f);
  }
  return f;
}

/** The zone's UTC offset (ms) at an instant. */
export function zoneOffsetMs(instantMs: number, timeZone: string): number {
  const parts = wallFormat(timeZone).formatToParts(new Date(instantMs));
  const n = (t: string) => Number(parts.find((p) => p.type === t)!.value);
  const wall = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second'));
  return wall - Math.floor(instantMs / 1000) * 1000;
}

/**
 * The instant a local date and time stand for in a zone. A time that does not exist (skipped when the
 * clocks go forward) moves forward by the gap; a time that happens twice (clocks go back) takes the
 * earlier instant. Offsets are read a day either side, so any zone with at most one change a day works.
 */
export function zonedToInstant(date: string, time: string, timeZone: string): number {
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  const [h, mi] = time.split(':').map(Number) as [number, number];
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  const candidates = [wall - zoneOffsetMs(wall - 86_400_000, timeZone), wall - zoneOffsetMs(wall + 86_400_000, timeZone)];
  const valid = candidates.filter((c) => c + zoneOffsetMs(c, timeZone) === wall);
  return valid.length > 0 ? Math.min(...valid) : Math.max(...candidates);
}
