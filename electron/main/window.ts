import { BrowserWindow } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface MainWindow {
  win: BrowserWindow;
  rendererUrl: string;
}

export interface MainWindowOptions {
  /** Development only: an installed desk has no DevTools (main.ts passes !app.isPackaged). */
  devTools: boolean;
}

export function createMainWindow(outDir: string, opts: MainWindowOptions): MainWindow {
  const win = new BrowserWindow({
    width: 1366,
    height: 860,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    title: 'Zhiban',
    webPreferences: {
      preload: join(outDir, 'electron', 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      devTools: opts.devTools,
      // Middle-click must not open windows. The guard that holds is the window-open handler in main.ts, which
      // denies every disposition (middle-click arrives there as 'background-tab'); this flag is the classic
      // belt and braces (it may be a no-op in today's Chromium, which shipped auxclick long ago).
      disableBlinkFeatures: 'Auxclick',
      spellcheck: false,
    },
  });
  const indexHtml = join(outDir, 'renderer', 'index.html');
  const rendererUrl = pathToFileURL(indexHtml).href;
  win.once('ready-to-show', () => win.show());
  void win.loadFile(indexHtml);
  return { win, rendererUrl };
}
