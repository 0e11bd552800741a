import { randomBytes } from 'node:crypto';
import type { Actor } from '../../../shared/auth/roles';
import type { MethodName } from '../../../shared/api/table';
import { allowedBeforePasswordChange, mustChangePasswordError } from '../../../shared/auth/password-change';

export interface SessionRecord {
  userId: string;
  /** Who signed in, as the server said; used until the first sync brings the person's row here. */
  actor: Actor | null;
  expiresAt: number;
  /** The password must be changed before anything else: only session.changePassword and logout pass. */
  mustChangePassword: boolean;
  /**
   * While the password must be changed on a synced desk: the server's token, kept only here in memory (the
   * desk stores no credential for a password it is about to replace), for forwarding the change.
   */
  server: { token: string; expiresAt: string } | null;
}

export interface OpenOptions {
  mustChangePassword?: boolean;
  server?: { token: string; expiresAt: string } | null;
}

/** A desk session lasts a long shift; the user signs in again after that or after a restart. */
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

/** In-memory on purpose: a desk restart ends every session, and nothing secret is left on disk. */
export class SessionTable {
  private readonly sessions = new Map<string, SessionRecord>();
  constructor(private readonly clock: () => number = Date.now) {}

  open(userId: string, actor: Actor | null = null, o: OpenOptions = {}): { token: string; expiresAt: number } {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = this.clock() + SESSION_TTL_MS;
    this.sessions.set(token, { userId, actor, expiresAt, mustChangePassword: o.mustChangePassword ?? false, server: o.server ?? null });
    return { token, expiresAt };
  }

  /**
   * The live session of `token`, or null. With `method` (the dispatch's call): a session whose password
   * must be changed throws `forbidden` (err.mustChangePassword) for anything but the change and logout.
   */
  resolve(token: string | undefined, method?: MethodName): SessionRecord | null {
    if (!token) return null;
    const s = this.sessions.get(token);
    if (!s) return null;
    if (s.expiresAt <= this.clock()) {
      this.sessions.delete(token);
      return null;
    }
    if (method !== undefined && s.mustChangePassword && !allowedBeforePasswordChange(method)) throw mustChangePasswordError();
    return s;
  }

  /** The password of `token`'s person was changed there: this session is free, their other ones end. */
  passwordChanged(token: string): void {
    const s = this.sessions.get(token);
    if (!s) return;
    this.closeUser(s.userId, token);
    s.mustChangePassword = false;
    s.server = null;
  }

  close(token: string | undefined): void {
    if (token) this.sessions.delete(token);
  }

  /** Ends every session of one person (their password was reset), but `exceptToken`'s. */
  closeUser(userId: string, exceptToken?: string): void {
    for (const [token, s] of this.sessions) if (s.userId === userId && token !== exceptToken) this.sessions.delete(token);
  }
}
