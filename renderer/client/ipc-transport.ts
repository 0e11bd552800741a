import type { DeskBridge } from './desk-global';
import type { Transport } from './transport';

export function ipcTransport(desk: DeskBridge): Transport {
  return {
    kind: 'ipc',
    call: (method, args, session) => desk.call(method, args, session),
    onEvent: (cb) => desk.on('changed', cb),
  };
}
