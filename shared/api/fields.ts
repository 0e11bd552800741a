import { z } from 'zod';

/**
 * The field types every input schema of shared/ is built from (issue #15): text and dates are validated
 * once, here, so nothing a client sends reaches a handler or a database that the database would refuse or
 * store mangled. PostgreSQL refuses NUL in text (a 500 before this), turns lone surrogates into U+FFFD, and
 * a date like 2026-02-30 or 9999-12-31 either broke day arithmetic or ran a loop over millennia.
 * Messages are catalogue keys (`err.*`), translated by the renderer; length limits keep zod's own
 * `too_big` / `too_small`, which the renderer words with the limit.
 */

/** The earliest and latest calendar day any field accepts: history and planning fit, runaway loops do not. */
export const MIN_DAY = '2000-01-01';
export const MAX_DAY = '2100-12-31';
/**
 * Instants reach back to the epoch: "calls since 1970-01-01T00:00:00Z" is how integrators (and tests) ask for
 * everything, and a desk whose clock fell back to 1970 must meet sync.max-offline-age, not a malformed stamp.
 */
const MIN_MS = 0;
const MAX_MS = Date.parse(`${MAX_DAY}T23:59:59.999Z`);

// C0 controls, DEL and C1 controls; a multi-line field keeps tab and line feed.
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/;
const CONTROL_MULTILINE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;
// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Text a database stores as given: no control characters (but tab and line feed when multi-line), no lone surrogates. */
export function isCleanText(v: string, multiline = false): boolean {
  return !(multiline ? CONTROL_MULTILINE : CONTROL).test(v) && !LONE_SURROGATE.test(v);
}

/** The same text with every control character and lone surrogate replaced by U+FFFD: for storing what a client named, refused. */
export function cleanedText(v: string): string {
  return isCleanText(v) ? v : v.replace(UNCLEAN, '\uFFFD');
}
const UNCLEAN = new RegExp(`${CONTROL.source}|${LONE_SURROGATE.source}`, 'g');

export interface TextOptions {
  /** At least one character after trimming (`err.required`). */
  required?: boolean;
  /** A free-text field (summary, reason, note): tab and line breaks allowed, CRLF and CR stored as LF. */
  multiline?: boolean;
  /** Trim surrounding whitespace (default). Spreadsheet cells keep theirs: the import plan reads them as given. */
  trim?: boolean;
}

/** Text of at most `max` characters, trimmed, without control characters or lone surrogates (`err.text`). */
export function Text(max: number, o: TextOptions = {}) {
  let s = z.string();
  if (o.multiline) s = s.overwrite((v) => v.replace(/\r\n?/g, '\n'));
  if (o.trim !== false) s = s.trim();
  if (o.required) s = s.min(1, { error: 'err.required' });
  return s.max(max).refine((v) => isCleanText(v, o.multiline), { error: 'err.text' });
}

/** A record's id or key as clients name it (a user id, a swap id): 1‥max characters, no control characters, not trimmed. */
export function Id(max = 64) {
  return z
    .string()
    .min(1)
    .max(max)
    .refine((v) => isCleanText(v), { error: 'err.text' });
}

const dayInBounds = (v: string) => v >= MIN_DAY && v <= MAX_DAY;
/** A real calendar date that Date reads back unchanged (2026-02-30 is not one). */
const realDay = (v: string) => {
  const t = Date.parse(`${v}T00:00:00.000Z`);
  return Number.isFinite(t) && new Date(t).toISOString().slice(0, 10) === v;
};

/** A real calendar day `YYYY-MM-DD` between MIN_DAY and MAX_DAY (`err.date`, `err.dateOutOfRange`). */
export const CalendarDay = z.iso
  .date({ error: 'err.date' })
  .refine(realDay, { error: 'err.date', abort: true })
  .refine(dayInBounds, { error: 'err.dateOutOfRange' });

/** A month `YYYY-MM` between MIN_DAY's and MAX_DAY's (`err.month`, `err.dateOutOfRange`). */
export const Month = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'err.month', abort: true })
  .refine((v) => v >= MIN_DAY.slice(0, 7) && v <= MAX_DAY.slice(0, 7), { error: 'err.dateOutOfRange' });

/** Whether an instant (ms since the epoch) lies within the bounds every date field keeps to. */
export function instantInBounds(ms: number): boolean {
  return Number.isFinite(ms) && ms >= MIN_MS && ms <= MAX_MS;
}

/** An ISO-8601 UTC instant (`2026-03-11T02:00:00.000Z`) of a real day and time, from the epoch to MAX_DAY's end (`err.field.dateTime`, `err.dateOutOfRange`). */
export const Instant = z.iso
  .datetime({ error: 'err.field.dateTime' })
  .refine((v) => Number.isFinite(Date.parse(v)), { error: 'err.field.dateTime', abort: true })
  .refine((v) => instantInBounds(Date.parse(v)), { error: 'err.dateOutOfRange' });
