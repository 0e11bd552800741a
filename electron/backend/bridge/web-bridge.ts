import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import type { WireError } from '../../../shared/api/errors';
import type { Dispatch } from '../../../db/dispatch';
import type { DeskEvents } from '../events';
import { HTTP_STATUS } from '../../../shared/api/http-status';
import { serveStatic } from './static-files';

export const MAX_BODY_BYTES = 1024 * 1024;
const LOOPBACK = '127.0.0.1';

export interface BridgeOptions {
  dispatch: Dispatch;
  events: DeskEvents;
  /** Built renderer (index.html and assets). */
  staticDir: string;
  port?: number;
  /** Per-launch secret; a fresh random one unless a test pins it. */
  token?: string;
}

export interface RunningBridge {
  /** Open this in a browser: the token travels in the fragment, which is never sent to a server. */
  url: string;
  origin: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(text);
}

function sendError(res: ServerResponse, status: number, error: WireError): void {
  sendJson(res, status, { ok: false, error });
}

/** The body as text, or null when it exceeds the limit (the rest is drained, not stored, so the reply still arrives). */
function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= MAX_BODY_BYTES) chunks.push(c);
    });
    req.on('end', () => resolve(size > MAX_BODY_BYTES ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * Loopback-only HTTP + WebSocket face of the dispatch, so the same renderer runs in a browser.
 * Defences: bound to 127.0.0.1; Host must be our loopback name (DNS rebinding); a browser's Origin
 * must be ours (CSRF / other sites); every call and socket carries the per-launch token.
 */
export async function startWebBridge(opts: BridgeOptions): Promise<RunningBridge> {
  const token = opts.token ?? randomBytes(24).toString('base64url');
  let port = 0;
  const allowedHosts = () => new Set([`${LOOPBACK}:${port}`, `localhost:${port}`]);
  const allowedOrigins = () => new Set([`http://${LOOPBACK}:${port}`, `http://localhost:${port}`]);

  const guard = (req: IncomingMessage): WireError | null => {
    if (!allowedHosts().has(req.headers.host ?? '')) return { code: 'forbidden', message: 'Unexpected Host header' };
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedOrigins().has(origin)) return { code: 'forbidden', message: 'Cross-origin requests are refused' };
    return null;
  };

  const handleRpc = async (req: IncomingMessage, res: ServerResponse) => {
    const given = req.headers['x-desk-token'];
    if (typeof given !== 'string' || !sameSecret(given, token))
      return sendError(res, 403, { code: 'forbidden', message: 'Missing or wrong desk token' });
    if (!(req.headers['content-type'] ?? '').toLowerCase().startsWith('application/json'))
      return sendError(res, 415, { code: 'bad_request', message: 'Content-Type must be application/json' });
    if (Number(req.headers['content-length'] ?? 0) > MAX_BODY_BYTES) {
      res.setHeader('connection', 'close');
      return sendError(res, 413, { code: 'bad_request', message: `Body exceeds ${MAX_BODY_BYTES} bytes` });
    }
    const raw = await readBody(req);
    if (raw === null) return sendError(res, 413, { code: 'bad_request', message: `Body exceeds ${MAX_BODY_BYTES} bytes` });
    let body: unknown;
    try {
      body = JSON.parse(raw);
    } catch {
      return sendError(res, 400, { code: 'bad_request', message: 'Body is not valid JSON' });
    }
    if (typeof body !== 'object' || body === null || typeof (body as { method?: unknown }).method !== 'string')
      return sendError(res, 400, { code: 'bad_request', message: 'Body must be {"method": string, "args": object}' });
    const { method, args } = body as { method: string; args?: unknown };
    const auth = req.headers.authorization;
    const session = auth?.startsWith('Bearer ') ? auth.slice(7) : undefined;
    const result = await opts.dispatch(method, args, session);
    sendJson(res, result.ok ? 200 : HTTP_STATUS[result.error.code], result);
  };

  const server = createServer((req, res) => {
    const refused = guard(req);
    if (refused) return sendError(res, 403, refused);
    const path = (req.url ?? '/').split('?')[0]!;
    if (path === '/rpc') {
      if (req.method !== 'POST') return sendError(res, 405, { code: 'bad_request', message: 'Use POST' });
      handleRpc(req, res).catch((err: unknown) => {
        console.error('bridge request failed', err);
        if (!res.headersSent) sendError(res, 500, { code: 'internal', message: 'Internal error' });
      });
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendError(res, 405, { code: 'bad_request', message: 'Use GET' });
    serveStatic(opts.staticDir, path, res);
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: 4096 });
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', `http://${LOOPBACK}`);
    const given = url.searchParams.get('token') ?? '';
    if (guard(req) || url.pathname !== '/events' || !sameSecret(given, token)) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      const off = opts.events.on((e) => ws.send(JSON.stringify(e)));
      ws.on('close', off);
      ws.on('error', off);
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, LOOPBACK, () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const origin = `http://${LOOPBACK}:${port}`;
  return {
    url: `${origin}/#token=${token}`,
    origin,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        for (const c of wss.clients) c.terminate();
        wss.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
