import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { MethodInput, MethodName, MethodOutput } from '../../../shared/api/table';
import { ENGINE_CASES, startCentral, type RunningCentral } from './central';
import { openDesk, type TestDesk } from './desks';
import { FIXED_NOW } from './fixture';
import { tempDir } from './tmp';

/**
 * A file's central server (PGlite, demo center) and the desks it opens, all on one pinned clock: started before
 * the file's tests, closed after them. `desk()` returns a desk signed in and past its first pull.
 */
export function centralWithDesks(clock: () => Date = () => FIXED_NOW) {
  const dir = tempDir();
  let central: RunningCentral | undefined;
  const desks: TestDesk[] = [];
  beforeAll(async () => {
    central = await startCentral(ENGINE_CASES[0]!, join(dir.path, 'server'), { clock });
  });
  afterAll(async () => {
    for (const d of desks) await d.host.close();
    await central?.stop();
    dir.remove();
  });
  const running = (): RunningCentral => {
    if (!central) throw new Error('the central server starts in beforeAll');
    return central;
  };
  return {
    central: running,
    /** The server's data directory (its database and recordings' bytes). */
    serverDir: join(dir.path, 'server'),
    async desk(username: string): Promise<TestDesk> {
      // A folder of its own per desk: a test may open a second desk for the same person.
      const d = await openDesk(running().url, join(dir.path, `${username}-${desks.length}`), username, { clock });
      desks.push(d);
      return d;
    },
  };
}

/** A method on a desk as its signed-in person; a refusal throws with the wire error. */
export async function deskCall<M extends MethodName>(d: TestDesk, m: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const r = await d.host.dispatch(m, input, d.token);
  if (!r.ok) throw new Error(`${m}: ${JSON.stringify(r.error)}`);
  return r.value as MethodOutput<M>;
}
