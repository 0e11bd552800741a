import type { DeskBridge } from './desk-global';
import type { Transport } from './transport';

export function ipcTransport(desk: DeskBridge): Transport {
  return {
    kind: 'ipc',
    call: (method, args, session) => desk.call(method, args, session),
    onEvent: (cb) => desk.on('changed', cb),
    async attachRecording(input, session, onProgress) {
      const bytes = new Uint8Array(await input.file.arrayBuffer());
      const r = await desk.attachRecording({ callId: input.callId, fileName: input.fileName, replaces: input.replaces, bytes }, session);
      onProgress?.(1);
      return r;
    },
    async readRecording(id, session) {
      const r = await desk.readRecording(id, session);
      if (!r.ok) return r;
      const { bytes } = r.value;
      return { ok: true, value: { mime: r.value.mime, bytes: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer } };
    },
  };
}
