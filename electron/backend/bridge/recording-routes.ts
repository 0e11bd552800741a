import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { WireError } from '../../../shared/api/errors';
import { HTTP_STATUS } from '../../../shared/api/http-status';
import { MAX_RECORDING_BYTES } from '../../../shared/recordings/audio';
import { parseRange } from '../../../shared/recordings/range';
import type { DeskRecordings } from '../recordings/desk-recordings';

interface Deps {
  recordings: DeskRecordings;
  /** The per-launch token check (403 answered) and the session from Authorization. */
  admitted(req: FastifyRequest, reply: FastifyReply): Promise<boolean>;
  session(req: FastifyRequest): string | undefined;
}

const fail = (reply: FastifyReply, error: WireError) => reply.code(HTTP_STATUS[error.code]).header('cache-control', 'no-store').send({ ok: false, error });

/**
 * The web bridge's door to the desk's recordings (Electron's is IPC; both hand over to DeskRecordings):
 * POST the raw file, GET the bytes with Range support (from this desk's spool or passed on from the server).
 */
export async function bridgeRecordingRoutes(app: FastifyInstance, d: Deps): Promise<void> {
  app.addContentTypeParser(/^(application\/octet-stream|audio\/[\w.+-]+)$/, { parseAs: 'buffer', bodyLimit: MAX_RECORDING_BYTES + 1024 }, (_req, body, done) => done(null, body));

  app.post<{ Querystring: { callId?: string; fileName?: string; replaces?: string } }>('/recordings', async (req, reply) => {
    if (!(await d.admitted(req, reply))) return reply;
    if (!(req.body instanceof Buffer)) return fail(reply, { code: 'bad_request', message: 'Send the file as application/octet-stream' });
    const q = req.query;
    const r = await d.recordings.attach(d.session(req), { callId: String(q.callId ?? ''), fileName: String(q.fileName ?? ''), replaces: q.replaces || undefined, bytes: new Uint8Array(req.body) });
    return r.ok ? reply.header('cache-control', 'no-store').send(r) : fail(reply, r.error);
  });

  app.get<{ Params: { id: string } }>('/recordings/:id', async (req, reply) => {
    if (!(await d.admitted(req, reply))) return reply;
    const r = await d.recordings.read(d.session(req), req.params.id, req.headers.range);
    if (!r.ok) return fail(reply, r.error);
    const src = r.value;
    reply.headers({ 'cache-control': 'private, no-store', 'x-content-type-options': 'nosniff' });
    if (src.kind === 'server') return reply.code(src.status).headers(src.headers).send(src.body);
    const { file, mime } = src;
    const range = parseRange(req.headers.range, file.size);
    reply.headers({ 'accept-ranges': 'bytes', 'content-type': mime });
    if (range === 'unsatisfiable') return reply.code(416).header('content-range', `bytes */${file.size}`).send();
    if (!range) return reply.code(200).header('content-length', String(file.size)).send(file.stream());
    return reply
      .code(206)
      .headers({ 'content-range': `bytes ${range.start}-${range.end}/${file.size}`, 'content-length': String(range.end - range.start + 1) })
      .send(file.stream(range));
  });
}
