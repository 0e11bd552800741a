/**
 * One key per phone number, whatever way it was typed: "+86 138-0013-8000", "0086 13800138000" and
 * "138 0013 8000" are the same caller. The number as typed is kept on the call (people read it back the way
 * the customer said it); the key is what "called before" and the customer directory match on.
 * China's country code is dropped (the center's callers are domestic); after it, a landline's area code
 * gets its trunk 0 back (+86 21 … → 021 …) so it matches the number as dialled at home.
 */
export function phoneKey(raw: string): string {
  const digits = raw.replace(/\D/g, '');
  const international = digits.startsWith('0086') ? digits.slice(4) : raw.trim().startsWith('+86') || (digits.startsWith('86') && digits.length === 13) ? digits.slice(2) : null;
  if (international === null) return digits;
  return international.startsWith('1') || international.startsWith('0') ? international : `0${international}`;
}

/** Shortest key a caller look-up runs on: fewer digits would match half the floor's callers. */
export const MIN_LOOKUP_DIGITS = 5;
