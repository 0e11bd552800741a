/**
 * The one spelling of a username that sign-in, lookups and the login limiter compare: NFKC (full-width
 * ａｇｅｎｔ０１ and compatibility forms fold to ASCII), trimmed (any Unicode space, U+3000 included) and
 * lower-cased. Accounts are created with ASCII `[A-Za-z0-9._-]` names (NewPersonSchema), so this is a
 * case-insensitive match; a name that still holds anything else after folding names no account.
 */
export function normaliseUsername(raw: string): string {
  return raw.normalize('NFKC').trim().toLowerCase();
}

/** What a created username may look like once normalised (NewPersonSchema, lower-cased). */
export const USERNAME_SHAPE = /^[a-z0-9._-]{2,32}$/;

/** True when the normalised name could belong to an account (anything else never matches one). */
export function couldBeUsername(normalised: string): boolean {
  return USERNAME_SHAPE.test(normalised);
}
