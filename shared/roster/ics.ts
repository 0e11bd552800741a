/** My shifts as an iCalendar (RFC 5545) feed any calendar app can import or subscribe to. */
export interface IcsShift {
  uid: string;
  startsAt: string;
  endsAt: string;
  summary: string;
  description?: string;
}

const utcStamp = (iso: string) => iso.replace(/[-:]/g, '').replace(/\.\d{3}/, '');

/** TEXT values escape backslash, semicolon, comma and newlines. */
function escapeText(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

const utf8Length = (cp: number) => (cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4);

/** Lines longer than 75 octets fold onto continuation lines, never splitting a character (Chinese is 3 octets). */
function fold(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const n = utf8Length(ch.codePointAt(0)!);
    if (octets + n > (out.length === 0 ? 75 : 74)) {
      out.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += n;
  }
  out.push(current);
  return out.join('\r\n ');
}

export function shiftsToIcs(shifts: readonly IcsShift[], o: { calendarName: string; now: string }): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Zhiban//Desk//ZH', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH', `X-WR-CALNAME:${escapeText(o.calendarName)}`];
  for (const s of shifts) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${s.uid}`,
      `DTSTAMP:${utcStamp(o.now)}`,
      `DTSTART:${utcStamp(s.startsAt)}`,
      `DTEND:${utcStamp(s.endsAt)}`,
      `SUMMARY:${escapeText(s.summary)}`,
      ...(s.description ? [`DESCRIPTION:${escapeText(s.description)}`] : []),
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(fold).join('\r\n') + '\r\n';
}
