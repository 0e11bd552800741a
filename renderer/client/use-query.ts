import { useCallback, useEffect, useRef, useState } from 'react';
import type { SyncedTable } from '../../shared/sync/registry';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/api/table';
import { useT } from '../i18n/i18n-store';
import { useClient } from '../stores/session-store';
import { errorText } from './error-text';
import { sharedRead } from './shared-reads';

export interface Query<T> {
  /** The last answer (kept while a refresh runs, so screens do not flash); undefined before the first. */
  data: T | undefined;
  /** Why the last load failed, in the user's language; null when it did not. */
  error: string | null;
  loading: boolean;
  reload(): void;
}

export interface QueryOptions {
  /** Reload when a change touches any of these tables ('any': every change, e.g. the inbox after a sync). */
  tables?: readonly SyncedTable[] | 'any';
  /** Wait this long after the arguments change (typing in a search box). */
  debounceMs?: number;
}

/**
 * The one way a screen loads data: call a method, show loading, show a failure in the user's language with
 * a retry, and load again when a write touches the tables the screen shows. `args` null: not ready yet.
 */
export function useQuery<M extends MethodName>(method: M, args: MethodInput<M> | null, opts: QueryOptions = {}): Query<MethodOutput<M>> {
  const t = useT();
  const client = useClient();
  const [data, setData] = useState<MethodOutput<M>>();
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(args !== null);
  const [nonce, setNonce] = useState(0);
  const key = args === null ? null : JSON.stringify(args);
  const tables = opts.tables === undefined ? '' : opts.tables === 'any' ? '*' : opts.tables.join(',');
  // The latest translate function without making every language switch reload the data.
  const tRef = useRef(t);
  tRef.current = t;

  useEffect(() => {
    if (key === null) {
      setLoading(false);
      return;
    }
    let alive = true;
    // The first load may share a call already in flight (sharedRead); a reload for a change or a retry asks anew.
    const load = (fresh: boolean) => {
      setLoading(true);
      sharedRead(client, method, key, fresh).then(
        (v) => {
          if (!alive) return;
          setData(v);
          setError(null);
          setLoading(false);
        },
        (err: unknown) => {
          if (!alive) return;
          setError(errorText(tRef.current, err));
          setLoading(false);
        },
      );
    };
    const timer = window.setTimeout(() => load(nonce > 0), opts.debounceMs ?? 0);
    const watched = tables === '*' ? null : new Set(tables.split(',').filter(Boolean));
    const off = client.onEvent((e) => {
      if (e.type !== 'changed') return;
      if (watched === null || e.tables.some((x) => watched.has(x))) load(true);
    });
    return () => {
      alive = false;
      window.clearTimeout(timer);
      off();
    };
    // `opts.debounceMs` is read once per key on purpose.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client, method, key, tables, nonce]);

  const reload = useCallback(() => setNonce((n) => n + 1), []);
  return { data, error, loading, reload };
}
