import { App } from 'antd';
import { useState } from 'react';
import { useT } from '../i18n/i18n-store';
import { errorText } from './error-text';

/**
 * One "send this" action: busy while it runs, its success line (if it returns one) or the error in the
 * user's language when it fails. Returns whether it succeeded.
 */
export function useSubmit(): { busy: boolean; submit(action: () => Promise<string | void>): Promise<boolean> } {
  const t = useT();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const submit = async (action: () => Promise<string | void>) => {
    setBusy(true);
    try {
      const done = await action();
      if (done) void message.success(done);
      return true;
    } catch (err) {
      void message.error(errorText(t, err));
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, submit };
}
