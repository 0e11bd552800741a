import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { WireError } from '../shared/api/errors';
import type { Actor } from '../shared/auth/roles';
import { scopeFor } from '../shared/sync/scope';
import { sniffAudio } from '../shared/recordings/audio';
import { parseRange } from '../shared/recordings/range';
import { mayAttach } from '../shared/recordings/rules';
import type { Database } from '../db/schema';
import { makeStore } from '../db/stores/store';
import { createWriter } from '../db/sync/writer';
import { recordStored, type BlobStore, type StoredFile } from '../db/recordings/blob-store';
import type { SyncedTable } from '../db/sync/synced-tables';
import { takeVersion } from './sync/versions';

export interface RecordingRoutesDeps {
  db: Kysely<Database>;
  clock: () => Date;
  blobs: BlobStore;
  maxBytes: number;
  /** The session's person, or null after the route has answered (401/403). */
  authed(req: FastifyRequest, reply: FastifyReply): Promise<Actor | null>;
  poke(written: ReadonlyMap<SyncedTable, ReadonlySet<string>>): void;
}

const fail = (reply: FastifyReply, status: number, error: WireError) => reply.code(status).send({ ok: false, error });

/** A stored file, whole (200) or the one range asked for (206), with what an audio element needs to seek. */
export function sendFile(req: FastifyRequest, reply: FastifyReply, file: StoredFile, mime: string): FastifyReply {
  const range = parseRange(req.headers.range, file.size);
  reply.headers({ 'accept-ranges': 'bytes', 'content-type': mime, 'cache-control': 'private, no-store', 'x-content-type-options': 'nosniff' });
  if (range === 'unsatisfiable') return reply.code(416).header('content-range', `bytes */${file.size}`).send();
  if (!range) return reply.code(200).header('content-length', String(file.size)).send(file.stream());
  return reply
    .code(206)
    .headers({ 'content-range': `bytes ${range.start}-${range.end}/${file.size}`, 'content-length': String(range.end - range.start + 1) })
    .send(file.stream(range));
}

/**
 * The recordings' bytes on the central server, beside the JSON API: PUT takes the bytes of a recording whose
 * metadata row was pushed (checked against that row's hash, size and type), GET streams them with Range
 * support to anyone who may read the call. Session token as for every call.
 */
export async function recordingRoutes(app: FastifyInstance, d: RecordingRoutesDeps): Promise<void> {
  app.addContentTypeParser(/^(application\/octet-stream|audio\/[\w.+-]+)$/, { parseAs: 'buffer', bodyLimit: d.maxBytes + 1024 }, (_req, body, done) => done(null, body));

  app.put<{ Params: { id: string } }>('/api/recordings/:id/content', async (req, reply) => {
    const actor = await d.authed(req, reply);
    if (!actor) return reply;
    const store = makeStore(d.db);
    const rec = await store.recordings.get(req.params.id);
    const call = rec ? await store.calls.get(rec.callId) : null;
    if (!rec || !call) return fail(reply, 404, { code: 'not_found', message: 'No such recording', fields: [{ path: 'id', code: 'err.unknownRecording', message: req.params.id }] });
    if (rec.uploadedBy !== actor.userId && !mayAttach(actor, call))
      return fail(reply, 403, { code: 'forbidden', message: 'Not yours to upload', ruleIds: ['recording.rights'], params: { agent: call.agentName }, fields: [{ path: 'id', code: 'err.recordingRights', message: call.agentName }] });
    const body = req.body;
    if (!(body instanceof Buffer)) return fail(reply, 415, { code: 'bad_request', message: 'Send the bytes as application/octet-stream' });
    const sha = createHash('sha256').update(body).digest('hex');
    if (sha !== rec.sha256 || body.length !== rec.sizeBytes || sniffAudio(body.subarray(0, 64)) !== rec.mimeType)
      return fail(reply, 400, { code: 'invalid_input', message: 'These bytes are not the recording that was attached', fields: [{ path: 'file', code: 'err.contentMismatch', message: 'hash, size or type differ' }] });
    await d.blobs.write(sha, body);
    const written = await d.db.transaction().execute(async (tx) => {
      const w = createWriter(tx, { version: await takeVersion(tx), undo: null });
      await recordStored(tx, w, { sha256: sha, sizeBytes: body.length, mimeType: rec.mimeType, now: d.clock().toISOString() });
      return w.written;
    });
    d.poke(written);
    return { ok: true, value: await makeStore(d.db).recordings.get(rec.id) };
  });

  app.get<{ Params: { id: string } }>('/api/recordings/:id/content', async (req, reply) => {
    const actor = await d.authed(req, reply);
    if (!actor) return reply;
    const rec = await makeStore(d.db).recordings.get(req.params.id, scopeFor(actor, 'recordings'));
    if (!rec) return fail(reply, 404, { code: 'not_found', message: 'No such recording', fields: [{ path: 'id', code: 'err.unknownRecording', message: req.params.id }] });
    const file = await d.blobs.open(d.db, rec.sha256);
    if (!file) return fail(reply, 409, { code: 'conflict', message: 'The recording has not been uploaded yet', fields: [{ path: 'id', code: 'err.recordingNotUploaded', message: rec.id }] });
    return sendFile(req, reply, file, rec.mimeType);
  });
}
