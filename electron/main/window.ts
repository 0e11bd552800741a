import { BrowserWindow } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface MainWindow {
  win: BrowserWindow;
  rendererUrl: string;
}

export function createMainWindow(outDir: string): MainWindow {
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
      spellcheck: false,
    },
  });
  const indexHtml = join(outDir, 'renderer', 'index.html');
  const rendererUrl = pathToFileURL(indexHtml).href;
  win.once('ready-to-show', () => win.show());
  void win.loadFile(indexHtml);
  return { win, rendererUrl };
}
