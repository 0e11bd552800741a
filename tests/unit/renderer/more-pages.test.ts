// @vitest-environment happy-dom
import { createElement, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { describe, expect, it } from 'vitest';
import { useMorePages, type MorePages } from '../../../renderer/client/use-more-pages';
import { until } from '../support/until';

/**
 * "Load more" on a paged list (people, escalations): pages follow the first page in order, and a page that was
 * on its way when the first page changed (someone added, a filter changed) is dropped — appending it would show
 * people twice or under the wrong filter.
 */
describe('a list loaded a page at a time', () => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = false;

  function mount() {
    const pending: { last: string; answer(page: string[]): void }[] = [];
    const seen: { list?: MorePages<string>; setFirst?: (f: string[]) => void } = {};
    function List() {
      const [first, setFirst] = useState<string[]>(['a1', 'a2']);
      seen.setFirst = setFirst;
      seen.list = useMorePages(first, { pageSize: 2, next: (last) => new Promise<string[]>((answer) => pending.push({ last, answer })) });
      return createElement('ul', null, seen.list.items.map((i) => createElement('li', { key: i }, i)));
    }
    document.body.innerHTML = '<div id="root"></div>';
    const root = createRoot(document.getElementById('root')!);
    root.render(createElement(List));
    const shown = () => [...document.querySelectorAll('li')].map((li) => li.textContent);
    return { root, pending, seen, shown };
  }

  it('appends the next page after the last item, in order', async () => {
    const m = mount();
    await until(() => m.shown().length === 2, { what: 'the first page' });
    void m.seen.list!.loadMore();
    await until(() => m.pending.length === 1, { what: 'the next page asked for' });
    expect(m.pending[0]!.last).toBe('a2');
    m.pending[0]!.answer(['a3', 'a4']);
    await until(() => m.shown().length === 4, { what: 'the page appended' });
    expect(m.shown()).toEqual(['a1', 'a2', 'a3', 'a4']);
    m.root.unmount();
  });

  it('drops a page that arrives after the first page changed', async () => {
    const m = mount();
    await until(() => m.shown().length === 2, { what: 'the first page' });
    void m.seen.list!.loadMore();
    await until(() => m.pending.length === 1, { what: 'the next page asked for' });
    m.seen.setFirst!(['b1', 'b2']); // a filter changed: another list
    await until(() => m.shown()[0] === 'b1', { what: 'the new first page' });
    m.pending[0]!.answer(['a3', 'a4']);
    await until(() => m.seen.list!.loading === false, { what: 'the old page answered' });
    expect(m.shown()).toEqual(['b1', 'b2']);
    m.root.unmount();
  });
});
