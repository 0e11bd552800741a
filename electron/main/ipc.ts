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
  // Recordings: the file's bytes in, the recording's bytes out, through the same backend code as the web bridge.
  ipcMain.handle('desk:recording-attach', async (e, input: unknown, session: unknown) => {
    if (!trusted(e)) return { ok: false, error: { code: 'forbidden', message: 'Untrusted sender' } };
    const i = (input ?? {}) as { callId?: unknown; fileName?: unknown; replaces?: unknown; bytes?: unknown };
    if (!(i.bytes instanceof Uint8Array)) return { ok: false, error: { code: 'bad_request', message: 'bytes must be a Uint8Array' } };
    return host.recordings.attach(typeof session === 'string' ? session : undefined, {
      callId: String(i.callId ?? ''),
      fileName: String(i.fileName ?? ''),
      replaces: typeof i.replaces === 'string' && i.replaces ? i.replaces : undefined,
      bytes: i.bytes,
    });
  });
  ipcMain.handle('desk:recording-read', async (e, id: unknown, session: unknown) => {
    if (!trusted(e)) return { ok: false, error: { code: 'forbidden', message: 'Untrusted sender' } };
    return host.recordings.readAll(typeof session === 'string' ? session : undefined, String(id ?? ''));
  });
  const off = host.events.on((ev) => {
    if (!win.isDestroyed()) win.webContents.send('desk:event', ev);
  });
  return () => {
    ipcMain.removeHandler('desk:call');
    ipcMain.removeHandler('desk:recording-attach');
    ipcMain.removeHandler('desk:recording-read');
    off();
  };
}
