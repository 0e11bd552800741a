import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import type { DeskHost } from '../backend/desk-host';

/**
 * One channel in, one channel out. Only our own window's main frame, showing our own page,
 * may call; anything else (an injected frame, a navigated page) is refused.
 */
export function serveIpc(host: DeskHost, win: BrowserWindow, rendererUrl: string): () => void {
  const trusted = (e: IpcMainInvokeEvent) =>
    e.sender === win.webContents && e.senderFrame !== null && e.senderFrame === win.webContents.mainFrame && e.senderFrame.url.split('#')[0] === rendererUrl;

  ipcMain.handle('desk:call', async (e, method: unknown, args: unknown, session: unknown) => {
    if (!trusted(e)) return { ok: false, error: { code: 'forbidden', message: 'Untrusted sender' } };
    return host.dispatch(method, args, typeof session === 'string' ? session : undefined);
  });
  const off = host.events.on((ev) => {
    if (!win.isDestroyed()) win.webContents.send('desk:event', ev);
  });
  return () => {
    ipcMain.removeHandler('desk:call');
    off();
  };
}
