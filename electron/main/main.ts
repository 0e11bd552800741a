import { app, dialog, session } from 'electron';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { startDeskHost, type DeskHost } from '../backend/desk-host';
import { DEMO_PASSWORD } from '../../db/demo/demo-center';
import { serveIpc } from './ipc';
import { createMainWindow } from './window';

/** out/ holds main.cjs (in out/electron), preload.cjs and the built renderer. */
const OUT_DIR = join(__dirname, '..');

/** better-sqlite3 built for Electron's ABI lives beside the app, so node_modules keeps Node's build for tests. */
function electronSqliteBinding(): string | undefined {
  const candidates = [process.env.ZHIBAN_SQLITE_BINDING, join(process.resourcesPath ?? '', 'native', 'better_sqlite3.node')];
  return candidates.find((p): p is string => Boolean(p && existsSync(p)));
}

function hardenContents(): void {
  app.on('web-contents-created', (_e, contents) => {
    contents.on('will-navigate', (e) => e.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
  session.defaultSession.setPermissionRequestHandler((_wc, _perm, cb) => cb(false));
}

async function main(): Promise<void> {
  if (!app.requestSingleInstanceLock()) return app.quit();
  await app.whenReady();
  hardenContents();
  let host: DeskHost;
  try {
    // ZHIBAN_DATA_DIR lets the _electron tests use a throwaway profile.
    host = await startDeskHost({
      dataDir: process.env.ZHIBAN_DATA_DIR ?? app.getPath('userData'),
      demo: true,
      serverUrl: process.env.ZHIBAN_SERVER_URL,
      nativeBinding: electronSqliteBinding(),
    });
  } catch (err) {
    dialog.showErrorBox('Zhiban', err instanceof Error ? err.message : String(err));
    return app.quit();
  }
  if (host.demoLogins.length > 0)
    console.log(`Demo center created (password "${DEMO_PASSWORD}"): ${host.demoLogins.map((l) => l.username).join(', ')}`);
  const { win, rendererUrl } = createMainWindow(OUT_DIR);
  const stop = serveIpc(host, win, rendererUrl);
  app.on('second-instance', () => win.isMinimized() ? win.restore() : win.focus());
  app.on('window-all-closed', () => {
    stop();
    void host.close().finally(() => app.quit());
  });
}

void main();
