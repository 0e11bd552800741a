import type { WireError } from '../../../shared/api/errors';
import type { T } from '../../i18n/i18n-store';

/** A wait the way people say it: seconds under a minute and a half, else whole minutes (rounded up). */
export function waitText(t: T, seconds: number): string {
  return seconds < 90 ? t('login.wait.seconds', { n: Math.max(1, Math.ceil(seconds)) }) : t('login.wait.minutes', { n: Math.ceil(seconds / 60) });
}

/**
 * A refused sign-in because of failed guesses, as one sentence in the reader's language with the wait —
 * the account is locked, or this network tried too often. null for any other failure.
 */
export function lockedText(t: T, wire: WireError): string | null {
  if (wire.code !== 'rate_limited') return null;
  const seconds = Number(wire.params?.retryAfterSeconds);
  if (!Number.isFinite(seconds) || seconds <= 0) return t('err.rate_limited');
  const flood = wire.fields?.some((f) => f.code === 'err.loginFlood') ?? false;
  return t(flood ? 'login.flood' : 'login.locked', { wait: waitText(t, seconds) });
}
