import { app, dialog, Menu, safeStorage, session } from 'electron';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { startDeskHost, type DeskHost } from '../backend/desk-host';
import { startTelephonyFromEnv } from '../backend/telephony-hook';
import { keychainBox, type SecretBox } from '../backend/auth/secret-box';
import { DEMO_PASSWORD } from '../../db/demo/demo-center';
import { serveIpc } from './ipc';
import { launchOptions } from './launch-options';
import { createMainWindow } from './window';

/** out/ holds main.cjs (in out/electron), preload.cjs and the built renderer. */
const OUT_DIR = join(__dirname, '..');

/** better-sqlite3 built for Electron's ABI lives beside the app, so node_modules keeps Node's build for tests. */
function electronSqliteBinding(devOverride: string | undefined): string | undefined {
  const candidates = [devOverride, join(process.resourcesPath ?? '', 'native', 'better_sqlite3.node')];
  return candidates.find((p): p is string => Boolean(p && existsSync(p)));
}

/**
 * The page never leaves our renderer: no navigation (any frame), no redirect, no new window (window.open,
 * target=_blank, shift- or middle-click all come through the window-open handler), no <webview>, and no
 * permission granted or even reported as granted (the check handler answers the synchronous queries
 * the request handler never sees). The renderer needs none: it talks to the desk through the preload only.
 */
function hardenContents(): void {
  app.on('web-contents-created', (_e, contents) => {
    contents.on('will-navigate', (e) => e.preventDefault());
    contents.on('will-frame-navigate', (e) => e.preventDefault());
    contents.on('will-redirect', (e) => e.preventDefault());
    contents.on('will-attach-webview', (e) => e.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
  session.defaultSession.setPermissionRequestHandler((_wc, _perm, cb) => cb(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
}

/**
 * An installed desk shows no menu: the default one offers Reload (which drops every sign-in on the desk)
 * and Toggle Developer Tools. macOS is the exception: there Cmd+C/V/X/A and Cmd+Q only work through
 * menu items, and agents copy phone numbers and summaries all day, so it keeps the app and Edit menus.
 * (On Windows and Linux Chromium handles Ctrl+C/V in text fields without any menu.) Development keeps
 * Electron's default menu, DevTools included.
 */
function installMenu(): void {
  if (!app.isPackaged) return;
  Menu.setApplicationMenu(process.platform === 'darwin' ? Menu.buildFromTemplate([{ role: 'appMenu' }, { role: 'editMenu' }]) : null);
}

/**
 * Server tokens sealed by the OS keychain when there is a real one. Linux without a keyring reports
 * "basic_text" (a fixed, public key): no better than the desk key file, which is then used instead.
 */
function osSecretBox(): SecretBox | undefined {
  if (!safeStorage.isEncryptionAvailable()) return undefined;
  if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') return undefined;
  return keychainBox(safeStorage);
}

async function main(): Promise<void> {
  if (!app.requestSingleInstanceLock()) return app.quit();
  await app.whenReady();
  hardenContents();
  installMenu();
  let host: DeskHost;
  let clock: () => Date = () => new Date();
  try {
    // ZHIBAN_* (throwaway profile, Electron-ABI sqlite, server) count only in development; the demo center is
    // seeded only in development or with --demo, never into an installed desk (see launch-options.ts).
    const opts = launchOptions(process.env, process.argv, app.isPackaged);
    if (opts.clock) clock = opts.clock;
    host = await startDeskHost({
      dataDir: opts.dataDir ?? app.getPath('userData'),
      demo: opts.demo,
      serverUrl: opts.serverUrl,
      nativeBinding: electronSqliteBinding(opts.sqliteBinding),
      secretBox: osSecretBox(),
      clock: opts.clock,
      // An installed desk trusts the answers its handlers give (checked in development and by the test suites).
      outputs: app.isPackaged ? 'trust' : 'check',
    });
  } catch (err) {
    dialog.showErrorBox('Zhiban', err instanceof Error ? err.message : String(err));
    return app.quit();
  }
  if (host.demoLogins.length > 0)
    console.log(`Demo center created (password "${DEMO_PASSWORD}"): ${host.demoLogins.map((l) => l.username).join(', ')}`);
  // The phone system's screen pop, as in web mode (README, "Telephony hook"): only with the center's token.
  const telephony = await startTelephonyFromEnv(process.env, host.events, clock).catch((err: unknown) => {
    console.error(`Zhiban telephony hook not started: ${err instanceof Error ? err.message : String(err)}`);
    return null;
  });
  const { win, rendererUrl } = createMainWindow(OUT_DIR, { devTools: !app.isPackaged });
  const stop = serveIpc(host, win, rendererUrl);
  app.on('second-instance', () => win.isMinimized() ? win.restore() : win.focus());
  app.on('window-all-closed', () => {
    stop();
    void Promise.resolve(telephony?.close())
      .then(() => host.close())
      .finally(() => app.quit());
  });
}

void main();
