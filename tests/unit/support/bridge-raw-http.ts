import { connect } from 'node:net';

export interface RawReply {
  /** 0 when the connection ended without a status line (reset, refused, or nothing sent back). */
  status: number;
  head: string;
  body: string;
  /** Socket error code, if any (ECONNRESET, ECONNREFUSED…). */
  error: string | null;
}

/** Whether `raw` holds a whole response: its head and all of a Content-Length or chunked body. */
function responseComplete(raw: Buffer): boolean {
  const split = raw.indexOf('\r\n\r\n');
  if (split < 0) return false;
  const head = raw.subarray(0, split).toString('latin1');
  if (/^HTTP\/1\.[01] 1\d\d/.test(head)) return false; // an interim reply: the real one follows
  const length = /\r\ncontent-length:\s*(\d+)/i.exec(head);
  if (length) return raw.length - (split + 4) >= Number(length[1]);
  if (/\r\ntransfer-encoding:\s*chunked/i.test(head)) {
    const body = raw.subarray(split + 4).toString('latin1');
    return body.startsWith('0\r\n\r\n') || body.includes('\r\n0\r\n\r\n');
  }
  return false; // a body that runs to the close
}

/**
 * Writes exact bytes to the bridge and reads until the response is complete or the server closes, so
 * tests can send what no HTTP client would (un-normalised `..`, bad percent-encoding, NUL, garbage request
 * lines). A server may keep the connection open after answering (it still expects the body the request
 * announced): the reply is read as soon as it is whole, not after an idle timeout. A connection that
 * stays silent is ended after `idleMs` rather than hanging the test.
 */
export function rawHttp(port: number, request: string | Buffer, idleMs = 10_000): Promise<RawReply> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let error: string | null = null;
    const socket = connect(port, '127.0.0.1', () => socket.write(request));
    socket.setTimeout(idleMs, () => socket.destroy());
    socket.on('data', (c: Buffer) => {
      chunks.push(c);
      if (responseComplete(Buffer.concat(chunks))) socket.destroy();
    });
    socket.on('error', (e: NodeJS.ErrnoException) => (error = e.code ?? e.message));
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('latin1');
      const split = text.indexOf('\r\n\r\n');
      const head = split < 0 ? text : text.slice(0, split);
      const m = /^HTTP\/1\.[01] (\d{3})/.exec(head);
      resolve({ status: m ? Number(m[1]) : 0, head, body: split < 0 ? '' : Buffer.from(text.slice(split + 4), 'latin1').toString('utf8'), error });
    });
  });
}

/** A one-shot request with our Host (unless `headers.host` says otherwise), closing the connection so rawHttp sees the end. */
export function rawGet(port: number, target: string, headers: Record<string, string> = {}): Promise<RawReply> {
  const all = { host: `127.0.0.1:${port}`, connection: 'close', ...headers };
  const lines = [`GET ${target} HTTP/1.1`, ...Object.entries(all).map(([k, v]) => `${k}: ${v}`)];
  return rawHttp(port, `${lines.join('\r\n')}\r\n\r\n`);
}

/** The raw WebSocket handshake, so the status line of a refusal can be asserted exactly. */
export function rawUpgrade(port: number, target: string, headers: Record<string, string>): Promise<RawReply> {
  const lines = [
    `GET ${target} HTTP/1.1`,
    'Connection: Upgrade',
    'Upgrade: websocket',
    'Sec-WebSocket-Version: 13',
    'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
    ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
  ];
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(`${lines.join('\r\n')}\r\n\r\n`));
    let text = '';
    const done = (error: string | null) => {
      socket.destroy();
      const m = /^HTTP\/1\.[01] (\d{3})/.exec(text);
      resolve({ status: m ? Number(m[1]) : 0, head: text.split('\r\n\r\n')[0] ?? '', body: '', error });
    };
    socket.setTimeout(10_000, () => done('timeout'));
    // An accepted upgrade never closes by itself: the status line is all we need.
    socket.on('data', (c: Buffer) => {
      text += c.toString('latin1');
      if (text.includes('\r\n\r\n')) done(null);
    });
    socket.on('error', (e: NodeJS.ErrnoException) => done(e.code ?? e.message));
    socket.on('close', () => done(null));
  });
}
