import { useEffect } from 'react';
import { mayCall } from '../../../shared/api/method';
import { api } from '../../../shared/api/table';
import type { Actor } from '../../../shared/auth/roles';
import { useNav } from '../../app/nav-store';
import { useIntent } from '../../app/shortcuts';
import { useClient } from '../../stores/session-store';
import { useCallDraft } from './call-draft-store';
import { applyTelephony } from './telephony-draft';

/**
 * Screen pop: while someone who logs calls is signed in, a ringing call from the phone system opens the call
 * log with the number filled in (whatever screen is open), and "ended" stops its timer.
 */
export function useTelephony(actor: Actor): void {
  const client = useClient();
  const mayLog = mayCall(api['calls.log'].access, actor);
  useEffect(() => {
    if (!mayLog) return;
    return client.onEvent((e) => {
      if (e.type !== 'telephony') return;
      const store = useCallDraft.getState();
      const r = applyTelephony(store.draft, e, actor.userId, crypto.randomUUID());
      if (r.draft !== store.draft) store.set(r.draft);
      if (r.pop) {
        useNav.getState().show('calls');
        useIntent.getState().request('startCall');
      }
    });
  }, [client, mayLog, actor.userId]);
}
