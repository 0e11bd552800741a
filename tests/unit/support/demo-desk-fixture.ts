import { afterAll, beforeAll } from 'vitest';
import type { DeskHost } from '../../../electron/backend/desk-host';
import { startDemoDesk } from './desks';
import { Fixture, FIXED_NOW } from './fixture';
import { tempDir } from './tmp';

/**
 * A file's standalone demo desk (its own center, SQLite on disk, the pinned clock) and a Fixture on it: opened
 * before the file's tests, closed after them. `host` and `fx` are there once beforeAll has run.
 */
export function demoDeskFixture(clock: () => Date = () => FIXED_NOW): { readonly host: DeskHost; readonly fx: Fixture } {
  const dir = tempDir();
  let host: DeskHost | undefined;
  let fx: Fixture | undefined;
  beforeAll(async () => {
    host = await startDemoDesk({ dataDir: dir.path, clock });
    fx = new Fixture(host.dispatch);
  });
  afterAll(async () => {
    await host?.close();
    dir.remove();
  });
  const opened = <T>(x: T | undefined): T => {
    if (x === undefined) throw new Error('the demo desk opens in beforeAll');
    return x;
  };
  return {
    get host() {
      return opened(host);
    },
    get fx() {
      return opened(fx);
    },
  };
}
