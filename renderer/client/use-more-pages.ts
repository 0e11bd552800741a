import { useRef, useState } from 'react';

export interface MorePages<T> {
  /** The first page and every page loaded after it, in order. */
  items: T[];
  /** The last page came full: there may be more. */
  hasMore: boolean;
  loading: boolean;
  loadMore(): Promise<void>;
}

/**
 * A list a page at a time: `first` is the first page (from useQuery; a new one drops the pages after it, as
 * the data changed), `next(last)` fetches the page after the last paged item. Only items `paged` says come in
 * pages count towards a full page (a board's live items come whole beside its first page).
 */
export function useMorePages<T>(first: readonly T[] | undefined, o: { pageSize: number; next: (last: T) => Promise<T[]>; paged?: (item: T) => boolean; onError?: (err: unknown) => void }): MorePages<T> {
  // The pages loaded so far, with the first page they follow: when the first page changes (data or filter
  // changed) they no longer belong to the list and are not shown, and a page still on its way for the old
  // first page is dropped when it lands.
  const [more, setMore] = useState<{ after: readonly T[] | undefined; items: T[]; last: number }>({ after: undefined, items: [], last: 0 });
  const [loading, setLoading] = useState(false);
  const current = useRef(first);
  current.current = first;
  const paged = o.paged ?? (() => true);
  const loaded = more.after === first ? more.items : [];
  const items = [...(first ?? []), ...loaded];
  const lastCount = loaded.length === 0 ? (first ?? []).filter(paged).length : more.last;
  const loadMore = async () => {
    const last = items.filter(paged).at(-1);
    if (!last || loading) return;
    setLoading(true);
    const from = first;
    try {
      const page = await o.next(last);
      if (current.current === from) setMore((m) => ({ after: from, items: [...(m.after === from ? m.items : []), ...page], last: page.length }));
    } catch (err) {
      o.onError?.(err);
    } finally {
      setLoading(false);
    }
  };
  return { items, hasMore: first !== undefined && lastCount >= o.pageSize, loading, loadMore };
}
