import type { Role } from '../auth/roles';
import { phoneKey } from '../calls/phone';

/**
 * Who sees customers' numbers and names in full (安全保密制度 一, rule `customer.confidential`): the people who
 * talk to and call back customers — agents and team leads. QA inspectors and directors judge and count calls;
 * they see them masked and reveal one with a reason when their work needs it (the reveal is recorded).
 * The admin sees no calls at all.
 */
export const UNMASKED_ROLES: readonly Role[] = ['agent', 'team_lead'];

export function masksCustomers(role: Role): boolean {
  return !UNMASKED_ROLES.includes(role);
}

/**
 * A number with its middle digits hidden, from its normalised digits (separators would hint at the hidden
 * part; +86 138… reads as 138…): 138 0013 8000 → 138****8000; 021-6234 5678 → 021****5678; 95588 → 9***8.
 * At least the middle third is always hidden, so a masked number never holds the full one.
 */
export function maskPhone(raw: string): string {
  const d = phoneKey(raw);
  const [head, tail] = d.length >= 11 ? [3, 4] : d.length >= 7 ? [2, 2] : d.length >= 3 ? [1, 1] : [0, 0];
  return `${d.slice(0, head)}${'*'.repeat(d.length - head - tail)}${d.slice(d.length - tail)}` || '*';
}

/** A name with all but its first character hidden: 赵先生 → 赵**; a one-character name → *. */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length === 0) return '';
  return chars.length === 1 ? '*' : `${chars[0]}${'*'.repeat(chars.length - 1)}`;
}
