import { create } from 'zustand';
import type { Actor } from '../../shared/auth/roles';
import { createDeskClient, pickTransport, type DeskClient } from '../client/desk-client';

const SESSION_KEY = 'zhiban.session';

interface SessionState {
  /** null when no backend could be reached at start-up (web mode opened without its token). */
  client: DeskClient | null;
  actor: Actor | null;
  /** True until a kept session has been checked at start-up. */
  restoring: boolean;
  signIn(username: string, password: string): Promise<void>;
  signOut(): Promise<void>;
}

export const useSession = create<SessionState>((set, get) => {
  const transport = pickTransport();
  const forget = () => {
    window.sessionStorage.removeItem(SESSION_KEY);
    client?.setSession(null);
    set({ actor: null });
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
    restoring: Boolean(client && kept),
    async signIn(username, password) {
      if (!client) return;
      const { token, actor } = await client.call('session.login', { username, password });
      window.sessionStorage.setItem(SESSION_KEY, token);
      client.setSession(token);
      set({ actor });
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
