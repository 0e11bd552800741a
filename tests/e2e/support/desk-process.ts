import { PINNED_ENV } from './clock';
import { spawnUntilReady } from './spawn-ready';
import { WEB_ENTRY } from '../../../build/bundle-node.mjs';

export interface DeskProcess {
  url: string;
  stop(): Promise<void>;
}

/**
 * The real web-mode desk as a separate process (`npm run web` without the build step), on a free port, its
 * clock pinned to the E2E instant (or to `clock`, for a desk whose clock is off).
 */
export async function startDeskProcess(dataDir: string, serverUrl?: string, o: { clock?: string } = {}): Promise<DeskProcess> {
  const extra = serverUrl ? ['--server', serverUrl] : [];
  const env = { ...process.env, ...PINNED_ENV, ...(o.clock ? { ZHIBAN_FIXED_CLOCK: o.clock } : {}) };
  const p = await spawnUntilReady([WEB_ENTRY, '--port', '0', '--data-dir', dataDir, ...extra], /Zhiban web desk ready: (\S+)/, env);
  return { url: p.value, stop: p.stop };
}
