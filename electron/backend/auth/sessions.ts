import { randomBytes } from 'node:crypto';
import type { Actor } from '../../../shared/auth/roles';

export interface SessionRecord {
  userId: string;
  /** Who signed in, as the server said; used until the first sync brings the person's row here. */
  actor: Actor | null;
  expiresAt: number;
}

/** A desk session lasts a long shift; the user signs in again after that or after a restart. */
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

/** In-memory on purpose: a desk restart ends every session, and nothing secret is left on disk. */
export class SessionTable {
  private readonly sessions = new Map<string, SessionRecord>();
  constructor(private readonly clock: () => number = Date.now) {}

  open(userId: string, actor: Actor | null = null): { token: string; expiresAt: number } {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = this.clock() + SESSION_TTL_MS;
    this.sessions.set(token, { userId, actor, expiresAt });
    return { token, expiresAt };
  }

  resolve(token: string | undefined): SessionRecord | null {
    if (!token) return null;
    const s = this.sessions.get(token);
    if (!s) return null;
    if (s.expiresAt <= this.clock()) {
      this.sessions.delete(token);
      return null;
    }
    return s;
  }

  close(token: string | undefined): void {
    if (token) this.sessions.delete(token);
  }

  /** Ends every session of one person (their password was reset). */
  closeUser(userId: string): void {
    for (const [token, s] of this.sessions) if (s.userId === userId) this.sessions.delete(token);
  }
}
