import type { Socket } from 'node:net';
import { httpError } from '../../../shared/api/http-error';

const STATUS_TEXT: Record<number, string> = { 400: 'Bad Request', 408: 'Request Timeout', 413: 'Payload Too Large', 431: 'Request Header Fields Too Large' };

/**
 * Node's parser refused the bytes (bad request line, header overflow, timeout): answer with the
 * envelope and drop the connection. Installed as Fastify's `clientErrorHandler` on its server.
 */
export function answerClientError(err: Error & { code?: string }, socket: Socket): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const statusCode = err.code === 'HPE_HEADER_OVERFLOW' ? 431 : err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
  const { status, error } = httpError({ statusCode, message: `Malformed HTTP request (${err.code ?? 'unknown'})` });
  const body = JSON.stringify({ ok: false, error });
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_TEXT[status] ?? 'Bad Request'}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy();
}
