import { create } from 'zustand';
import type { Actor } from '../../shared/auth/roles';
import { createDeskClient, pickTransport, type DeskClient } from '../client/desk-client';

const SESSION_KEY = 'zhiban.session';

/** Signed in with a password an administrator chose: nothing but changing it until it is changed. */
export interface PasswordChangeDue {
  actor: Actor;
  token: string;
}

interface SessionState {
  /** null when no backend could be reached at start-up (web mode opened without its token). */
  client: DeskClient | null;
  actor: Actor | null;
  /** Set (and `actor` null) while the signed-in person must change their password first. */
  passwordChange: PasswordChangeDue | null;
  /** True until a kept session has been checked at start-up. */
  restoring: boolean;
  signIn(username: string, password: string): Promise<void>;
  /** The due change (or a voluntary one): on success the person is signed in for real. */
  changePassword(currentPassword: string, newPassword: string): Promise<void>;
  signOut(): Promise<void>;
}

export const useSession = create<SessionState>((set, get) => {
  const transport = pickTransport();
  const forget = () => {
    window.sessionStorage.removeItem(SESSION_KEY);
    client?.setSession(null);
    set({ actor: null, passwordChange: null });
  };
  const client = transport ? createDeskClient(transport, forget) : null;

  const kept = window.sessionStorage.getItem(SESSION_KEY);
  if (client && kept) {
    client.setSession(kept);
    client
      .call('session.me', {})
      .then((actor) => set({ actor, restoring: false }))
      .catch(() => {
        forget();
        set({ restoring: false });
      });
  }

  return {
    client,
    actor: null,
    passwordChange: null,
    restoring: Boolean(client && kept),
    async signIn(username, password) {
      if (!client) return;
      const { token, actor, mustChangePassword } = await client.call('session.login', { username, password });
      client.setSession(token);
      // Not kept across a reload until the password is changed: a reload starts again at sign-in.
      if (mustChangePassword) return set({ passwordChange: { actor, token } });
      window.sessionStorage.setItem(SESSION_KEY, token);
      set({ actor });
    },
    async changePassword(currentPassword, newPassword) {
      if (!client) return;
      await client.call('session.changePassword', { currentPassword, newPassword });
      const due = get().passwordChange;
      if (!due) return;
      window.sessionStorage.setItem(SESSION_KEY, due.token);
      set({ actor: due.actor, passwordChange: null });
    },
    async signOut() {
      await get().client?.call('session.logout', {}).catch(() => undefined);
      forget();
    },
  };
});

/** For screens that only render when signed in. */
export function useClient(): DeskClient {
  const client = useSession((s) => s.client);
  if (!client) throw new Error('desk client used before a transport was found');
  return client;
}
