import { spawnUntilReady } from './spawn-ready';

export interface DeskProcess {
  url: string;
  stop(): Promise<void>;
}

/** The real web-mode desk as a separate process (`npm run web` without the build step), on a free port. */
export async function startDeskProcess(dataDir: string, serverUrl?: string): Promise<DeskProcess> {
  const extra = serverUrl ? ['--server', serverUrl] : [];
  const p = await spawnUntilReady(['electron/backend/web-entry.ts', '--port', '0', '--data-dir', dataDir, ...extra], /Zhiban web desk ready: (\S+)/);
  return { url: p.value, stop: p.stop };
}
