import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { DeskEvents } from '../events';

export interface EventSocketOptions {
  events: DeskEvents;
  /** Path, Host/Origin and token check; a refused upgrade gets a 403 and no socket. */
  admit(req: IncomingMessage, url: URL): boolean;
}

function refuse(socket: Duplex, status: string): void {
  if (socket.writable) socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  else socket.destroy();
}

/** `GET /events` upgrades to a socket that receives every desk event; any other upgrade is refused. */
export function attachEventSocket(server: Server, o: EventSocketOptions): { close(): void } {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 4096 });
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    // An upgraded socket is no longer the HTTP server's: a reset on it must not be an unhandled 'error'.
    socket.on('error', () => socket.destroy());
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://loopback');
    } catch {
      return refuse(socket, '400 Bad Request');
    }
    if (!o.admit(req, url)) return refuse(socket, '403 Forbidden');
    wss.handleUpgrade(req, socket, head, (ws) => {
      const off = o.events.on((e) => ws.send(JSON.stringify(e)));
      ws.on('close', off);
      ws.on('error', off);
    });
  });
  return {
    close() {
      for (const c of wss.clients) c.terminate();
      wss.close();
    },
  };
}
