import { lazy, type ComponentType } from 'react';

const loaders: (() => Promise<unknown>)[] = [];

/**
 * A screen loaded when it is first opened (its own chunk in the build): the login page and the shell do not
 * wait for thirty screens' code. The shell shows the loading line while the chunk arrives (Suspense), unless
 * prefetchPages() has fetched it already.
 */
export function lazyPage<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  loaders.push(load);
  return lazy(() => load().then((component) => ({ default: component })));
}

/**
 * Fetches every screen's chunk, one per idle moment of the browser: called once the login page is up, so the
 * first screen after sign-in is not a chunk away. A chunk that fails here is fetched again when opened.
 */
export function prefetchPages(): void {
  const idle = window.requestIdleCallback ?? ((f: () => void) => window.setTimeout(f, 50));
  const next = (i: number) => {
    if (i >= loaders.length) return;
    idle(() => void loaders[i]!().catch(() => undefined).finally(() => next(i + 1)));
  };
  next(0);
}
