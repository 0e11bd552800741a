import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import Fastify, { type FastifyError, type FastifyReply } from 'fastify';
import type { WireError } from '../../../shared/api/errors';
import { httpError, routeNotFound } from '../../../shared/api/http-error';
import type { Dispatch } from '../../../db/dispatch';
import type { DeskEvents } from '../events';
import { HTTP_STATUS } from '../../../shared/api/http-status';
import { lookupStatic, UNBUILT_TEXT } from './static-files';
import { attachEventSocket } from './event-socket';
import { answerClientError } from './client-error';
import { bridgeRecordingRoutes } from './recording-routes';
import type { DeskRecordings } from '../recordings/desk-recordings';

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
  /** The desk's recordings: attach (raw file POST) and play (GET with Range). */
  recordings?: DeskRecordings;
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

function sendJson(reply: FastifyReply, status: number, body: unknown): FastifyReply {
  return reply.code(status).headers({ 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' }).send(body);
}

function sendError(reply: FastifyReply, status: number, error: WireError): FastifyReply {
  return sendJson(reply, status, { ok: false, error });
}

interface RpcBody {
  method: string;
  args?: unknown;
}

function isRpcBody(b: unknown): b is RpcBody {
  if (typeof b !== 'object' || b === null || Array.isArray(b)) return false;
  const { method, args } = b as { method?: unknown; args?: unknown };
  return typeof method === 'string' && (args === undefined || (typeof args === 'object' && args !== null && !Array.isArray(args)));
}

/**
 * Loopback-only HTTP + WebSocket face of the dispatch, so the same renderer runs in a browser.
 * Defences: bound to 127.0.0.1; Host must be our loopback name (DNS rebinding); a browser's Origin
 * must be ours (CSRF / other sites); every call and socket carries the per-launch token. Every
 * failure, down to a malformed request line, is answered; none can reach the process.
 */
export async function startWebBridge(opts: BridgeOptions): Promise<RunningBridge> {
  const token = opts.token ?? randomBytes(24).toString('base64url');
  let port = 0;

  const guard = (headers: IncomingHttpHeaders): WireError | null => {
    const host = headers.host ?? '';
    if (host !== `${LOOPBACK}:${port}` && host !== `localhost:${port}`) return { code: 'forbidden', message: 'Unexpected Host header' };
    const origin = headers.origin;
    if (origin !== undefined && origin !== `http://${LOOPBACK}:${port}` && origin !== `http://localhost:${port}`)
      return { code: 'forbidden', message: 'Cross-origin requests are refused' };
    return null;
  };

  const app = Fastify({
    logger: false,
    bodyLimit: MAX_BODY_BYTES,
    // Keep-alive sockets would otherwise hold close() open.
    forceCloseConnections: true,
    // A path that does not decode (GET /%E0%A4%A) gets the envelope too, not Fastify's own body.
    frameworkErrors: (err, _req, reply) => {
      const { status, error } = httpError(err);
      void sendError(reply, status, error);
    },
    clientErrorHandler: answerClientError,
  });
  // JSON only: anything else is a 415, not a string handed to the dispatch.
  app.removeContentTypeParser('text/plain');

  app.setErrorHandler((err: FastifyError, _req, reply) => {
    const { status, error } = httpError(err);
    if (status === 500) console.error('bridge request failed', err);
    return sendError(reply, status, error);
  });
  app.setNotFoundHandler((req, reply) => {
    const { status, error } = routeNotFound(req.method, req.url);
    return sendError(reply, status, error);
  });

  app.addHook('onRequest', async (req, reply) => {
    const refused = guard(req.headers);
    if (refused) return sendError(reply, 403, refused);
  });

  const bearerOf = (req: { headers: IncomingHttpHeaders }) => {
    const auth = req.headers.authorization;
    return auth?.startsWith('Bearer ') ? auth.slice(7) : undefined;
  };
  if (opts.recordings) {
    const recordings = opts.recordings;
    void app.register((scope) =>
      bridgeRecordingRoutes(scope, {
        recordings,
        session: bearerOf,
        admitted: async (req, reply) => {
          const given = req.headers['x-desk-token'];
          if (typeof given === 'string' && sameSecret(given, token)) return true;
          await sendError(reply, 403, { code: 'forbidden', message: 'Missing or wrong desk token' });
          return false;
        },
      }),
    );
  }

  app.post(
    '/rpc',
    {
      // Before the body is read: without the token nothing of it is parsed.
      onRequest: async (req, reply) => {
        const given = req.headers['x-desk-token'];
        if (typeof given !== 'string' || !sameSecret(given, token))
          return sendError(reply, 403, { code: 'forbidden', message: 'Missing or wrong desk token' });
      },
    },
    async (req, reply) => {
      if (!isRpcBody(req.body)) return sendError(reply, 400, { code: 'bad_request', message: 'Body must be {"method": string, "args": object}' });
      const auth = req.headers.authorization;
      const session = auth?.startsWith('Bearer ') ? auth.slice(7) : undefined;
      const result = await opts.dispatch(req.body.method, req.body.args, session);
      return sendJson(reply, result.ok ? 200 : HTTP_STATUS[result.error.code], result);
    },
  );
  app.route({
    method: app.supportedMethods.filter((m) => m !== 'POST'),
    url: '/rpc',
    handler: async (_req, reply) => sendError(reply.header('allow', 'POST'), 405, { code: 'bad_request', message: 'Use POST' }),
  });

  // The built renderer (HEAD comes with GET). req.url is the raw path: lookupStatic decodes and confines it.
  app.get('/*', async (req, reply) => {
    const found = await lookupStatic(opts.staticDir, req.url);
    if (found.kind === 'bad') return sendError(reply, 400, { code: 'bad_request', message: found.message });
    if (found.kind === 'outside') return sendError(reply, 404, { code: 'not_found', message: 'No such file' });
    if (found.kind === 'unbuilt') return reply.code(503).type('text/plain; charset=utf-8').send(UNBUILT_TEXT);
    return reply.headers(found.headers).send(await readFile(found.file));
  });

  const events = attachEventSocket(app.server, {
    events: opts.events,
    admit: (req, url) => url.pathname === '/events' && guard(req.headers) === null && sameSecret(url.searchParams.get('token') ?? '', token),
  });
  // Before the HTTP server waits for its connections: upgraded sockets would keep it open forever.
  app.addHook('preClose', async () => events.close());

  await app.listen({ port: opts.port ?? 0, host: LOOPBACK });
  port = (app.server.address() as AddressInfo).port;
  const origin = `http://${LOOPBACK}:${port}`;
  let closed: Promise<void> | null = null;
  return {
    url: `${origin}/#token=${token}`,
    origin,
    port,
    token,
    close: () => (closed ??= app.close().then(() => undefined)),
  };
}
