import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { BrowserWindow, IpcMainInvokeEvent } from 'electron';
import type { DeskHost } from '../../electron/backend/desk-host';
import { toneWav } from '../../shared/recordings/audio';
import type { RecordingRecord } from '../../shared/recordings/schemas';
import { DEMO_PASSWORD } from '../../db/demo/demo-center';
import { startDemoDesk } from './support/desks';
import { FIXED_NOW } from './support/fixture';
import { tempDir } from './support/tmp';

/**
 * The Electron shell's IPC doors (electron/main/ipc.ts) on a real standalone desk. The Electron binary cannot
 * run on this machine, so `ipcMain` alone is stood in for by a registry of the handlers ipc.ts installs; every
 * call goes through ipc.ts's own checks into the real DeskHost. The `_electron` E2E covers the real shell
 * where a binary exists.
 */
type Handler = (e: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>;
const handlers = new Map<string, Handler>();
vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, h: Handler) => handlers.set(channel, h),
    removeHandler: (channel: string) => handlers.delete(channel),
  },
}));
const { serveIpc } = await import('../../electron/main/ipc');

const PAGE = 'app://desk/index.html';
const mainFrame = { url: `${PAGE}#/calls` };
const webContents = { mainFrame, send: () => undefined };
const win = { webContents, isDestroyed: () => false } as unknown as BrowserWindow;
/** An invoke from our window's main frame, or from another frame in it (an injected iframe). */
const ours = { sender: webContents, senderFrame: mainFrame } as unknown as IpcMainInvokeEvent;
const injected = { sender: webContents, senderFrame: { url: PAGE } } as unknown as IpcMainInvokeEvent;
const invoke = (e: IpcMainInvokeEvent, channel: string, ...args: unknown[]) => handlers.get(channel)!(e, ...args) as Promise<{ ok: boolean; value?: unknown; error?: { code: string; fields?: { code: string }[] } }>;

const CALL1 = '00000000-0000-4000-8000-000000000001';
const dir = tempDir();
let host: DeskHost;
let session: string;
let stop: () => void;
beforeAll(async () => {
  host = await startDemoDesk({ dataDir: join(dir.path, 'desk'), clock: () => FIXED_NOW });
  stop = serveIpc(host, win, PAGE);
  const r = await host.dispatch('session.login', { username: 'agent01', password: DEMO_PASSWORD });
  if (!r.ok) throw new Error(r.error.message);
  session = (r.value as { token: string }).token;
});
afterAll(async () => {
  stop();
  await host.close();
  dir.remove();
});

describe('Electron IPC doors', () => {
  it('attaches a recording through desk:recording-attach and reads the same bytes back through desk:recording-read', async () => {
    const wav = toneWav({ seconds: 1 });
    const attached = await invoke(ours, 'desk:recording-attach', { callId: CALL1, fileName: 'a.wav', bytes: wav }, session);
    expect(attached).toMatchObject({ ok: true, value: { callId: CALL1, state: 'stored', durationSec: 1 } });
    const read = await invoke(ours, 'desk:recording-read', (attached.value as RecordingRecord).id, session);
    expect(read.ok).toBe(true);
    expect(new Uint8Array((read.value as { bytes: Uint8Array }).bytes)).toEqual(wav);
    expect((read.value as { mime: string }).mime).toBe('audio/wav');
  });

  it('refuses a frame that is not our window\'s main frame on our page, and writes nothing', async () => {
    const before = await host.db.selectFrom('recordings').select('id').execute();
    const refused = async (e: IpcMainInvokeEvent) => {
      expect(await invoke(e, 'desk:recording-attach', { callId: CALL1, fileName: 'b.wav', bytes: toneWav({ seconds: 1, hz: 500 }) }, session)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(await invoke(e, 'desk:call', 'calls.list', {}, session)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    };
    await refused(injected);
    // Our main frame, navigated away from our page.
    mainFrame.url = 'https://evil.example/';
    try {
      await refused(ours);
    } finally {
      mainFrame.url = `${PAGE}#/calls`;
    }
    expect(await host.db.selectFrom('recordings').select('id').execute()).toEqual(before);
  });

  it('answers bad input with an error, never a crash: no bytes, not audio, no session', async () => {
    expect(await invoke(ours, 'desk:recording-attach', { callId: CALL1, bytes: 'not bytes' }, session)).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(await invoke(ours, 'desk:recording-attach', null, session)).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    const notAudio = await invoke(ours, 'desk:recording-attach', { callId: CALL1, fileName: 'x.txt', bytes: new TextEncoder().encode('not audio') }, session);
    expect(notAudio).toMatchObject({ ok: false, error: { fields: [{ code: 'err.notAudio' }] } });
    expect((await invoke(ours, 'desk:recording-read', 'no-such-id', undefined)).ok).toBe(false);
  });

  it('removes its handlers when the window goes', () => {
    expect([...handlers.keys()].sort()).toEqual(['desk:call', 'desk:recording-attach', 'desk:recording-read']);
    stop();
    expect(handlers.size).toBe(0);
  });
});
