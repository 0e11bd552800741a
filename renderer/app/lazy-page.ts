import { lazy, type ComponentType } from 'react';

/**
 * A screen loaded when it is first opened (its own chunk in the build): the login page and the shell do not
 * wait for thirty screens' code. The shell shows the loading line while the chunk arrives (Suspense).
 */
export function lazyPage<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  return lazy(() => load().then((component) => ({ default: component })));
}
