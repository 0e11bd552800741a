import { PINNED_ENV } from './clock';
import { spawnUntilReady } from './spawn-ready';
import { SERVER_ENTRY } from '../../../build/bundle-node.mjs';

export interface ServerProcess {
  url: string;
  stop(): Promise<void>;
}

/**
 * The real central server (`npm run server`, compiled) on PGlite in `dataDir`, any free port, its clock pinned (to
 * `clock` when given: a spec restarts it on the same data at a later hour, as the day goes on).
 */
export async function startServerProcess(dataDir: string, o: { clock?: string } = {}): Promise<ServerProcess> {
  // Always the embedded store here: a DATABASE_URL meant for the server suite would be shared across runs.
  const { DATABASE_URL: _shared, ...env } = process.env;
  const p = await spawnUntilReady([SERVER_ENTRY, '--port', '0', '--data-dir', dataDir], /ready: (http\S+)/, { ...env, ...PINNED_ENV, ...(o.clock ? { ZHIBAN_FIXED_CLOCK: o.clock } : {}) });
  return { url: p.value, stop: p.stop };
}
