import { DeskError } from '../api/errors';
import type { MethodName } from '../api/table';
import { passwordProblems } from '../org/schemas';
import { foldPassword } from './common-passwords';

/**
 * What a session whose password must be changed may still call: the change itself, and signing out.
 * Everything else answers `forbidden` with the field code `err.mustChangePassword`, on the central server
 * (its resolveActor) and on a desk (its session table) alike.
 */
export const ALLOWED_BEFORE_PASSWORD_CHANGE: ReadonlySet<MethodName> = new Set<MethodName>(['session.changePassword', 'session.logout']);

export function mustChangePasswordError(): DeskError {
  return new DeskError({
    code: 'forbidden',
    message: 'Change the initial password first (session.changePassword)',
    fields: [{ path: 'password', code: 'err.mustChangePassword', message: 'Change the initial password first' }],
  });
}

/** Whether a session flagged "must change" may make this call (`method` absent: the sync endpoints, never). */
export function allowedBeforePasswordChange(method: MethodName | undefined): boolean {
  return method !== undefined && ALLOWED_BEFORE_PASSWORD_CHANGE.has(method);
}

/** The current password given to session.changePassword is wrong (not `unauthenticated`: the session stays). */
export function badCurrentPassword(): DeskError {
  return new DeskError({ code: 'invalid_input', message: 'The current password is wrong', fields: [{ path: 'currentPassword', code: 'err.badCurrentPassword', message: 'The current password is wrong' }] });
}

/**
 * The checks of a new password that need more than the schema knows: not the person's username, not the
 * password it replaces. Throws `invalid_input` on `newPassword` (or `password` for a reset).
 */
export function checkNewPassword(o: { newPassword: string; username: string; currentPassword?: string; path?: string }): void {
  const path = o.path ?? 'newPassword';
  if (passwordProblems(o.newPassword, o.username).includes('err.passwordIsUsername'))
    throw new DeskError({ code: 'invalid_input', message: 'The password may not be the username', fields: [{ path, code: 'err.passwordIsUsername', message: 'The password may not be the username' }] });
  if (o.currentPassword !== undefined && foldPassword(o.currentPassword) === foldPassword(o.newPassword))
    throw new DeskError({ code: 'invalid_input', message: 'The new password must differ from the current one', fields: [{ path, code: 'err.passwordUnchanged', message: 'The new password must differ from the current one' }] });
}

/**
 * A sign-in refused before its password was checked: the account is locked after failed guesses, or (the
 * flood guard) its network address failed too often. 429 with the wait in seconds and a sentence key.
 */
export function rateLimitedLogin(retryAfterSeconds: number, reason: 'account' | 'address' = 'account'): DeskError {
  const whose = reason === 'account' ? 'this account' : 'this address';
  return new DeskError({
    code: 'rate_limited',
    message: `Too many failed sign-ins for ${whose}; try again in ${retryAfterSeconds} s`,
    params: { retryAfterSeconds },
    fields: [{ path: 'username', code: reason === 'account' ? 'err.loginLocked' : 'err.loginFlood', message: `Try again in ${retryAfterSeconds} s` }],
  });
}
