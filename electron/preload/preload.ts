import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';

/** The renderer's only door to the desk: call a method, hear change events, hand over or fetch a recording's bytes. Nothing else crosses. */
contextBridge.exposeInMainWorld('desk', {
  call: (method: string, args: unknown, session?: string) => ipcRenderer.invoke('desk:call', method, args, session),
  attachRecording: (input: { callId: string; fileName: string; replaces?: string; bytes: Uint8Array }, session?: string) => ipcRenderer.invoke('desk:recording-attach', input, session),
  readRecording: (id: string, session?: string) => ipcRenderer.invoke('desk:recording-read', id, session),
  on: (event: string, cb: (payload: unknown) => void) => {
    const listener = (_e: IpcRendererEvent, payload: { type?: string }) => {
      if (payload?.type === event) cb(payload);
    };
    ipcRenderer.on('desk:event', listener);
    return () => ipcRenderer.removeListener('desk:event', listener);
  },
});
