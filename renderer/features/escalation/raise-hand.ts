import { App } from 'antd';
import { useEffect } from 'react';
import type { Actor } from '../../../shared/auth/roles';
import { errorText } from '../../client/error-text';
import { useT } from '../../i18n/i18n-store';
import { useClient, useSession } from '../../stores/session-store';
import { useCallDraft } from '../calls/call-draft-store';

/** Raising a hand: one key, on any screen, mid-call (F2 starts a call, F3 searches; F9 is far from both). */
export const RAISE_HAND_KEY = 'F9';

/** Raises a hand for the signed-in agent, naming the call being logged if there is one. */
export function useRaiseHand(): () => Promise<void> {
  const me = useSession((s) => s.actor?.userId);
  const t = useT();
  const client = useClient();
  const { message } = App.useApp();
  return async () => {
    const open = useCallDraft.getState().draft;
    const draft = open?.ownerId === me ? open : null;
    try {
      await client.call('help.raise', { id: crypto.randomUUID(), callId: draft?.id ?? null, note: draft?.summary ?? '' });
      void message.success(t('help.raised'));
    } catch (err) {
      void message.error(errorText(t, err));
    }
  };
}

/** The key, for agents, on every screen (installed once by the shell through the domain's declaration). */
export function useRaiseHandKey(actor: Actor): void {
  const raise = useRaiseHand();
  const agent = actor.role === 'agent';
  useEffect(() => {
    if (!agent) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== RAISE_HAND_KEY) return;
      e.preventDefault();
      void raise();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [agent, raise]);
}
