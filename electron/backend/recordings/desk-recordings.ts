import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { readdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import { DeskError, type WireError, type WireResult } from '../../../shared/api/errors';
import type { RecordingRecord } from '../../../shared/recordings/schemas';
import type { Actor } from '../../../shared/auth/roles';
import type { Dispatch } from '../../../db/dispatch';
import type { Database } from '../../../db/schema';
import { BlobStore, fileAt, writeWhole, type StoredFile } from '../../../db/recordings/blob-store';
import { readRecording, recordingMaxBytes } from '../../../db/recordings/intake';
import { loggableError } from '../../../db/sync/logged-error';
import { OfflineError, ServerRefused, type ServerLink } from '../sync/server-link';

export interface AttachFile {
  callId: string;
  fileName: string;
  /** The call's current recording this one replaces (recording.one-per-call). */
  replaces?: string;
  bytes: Uint8Array;
}

/** Where a recording's bytes come from for this reader: a file here, or the server's answer passed on. */
export type RecordingSource =
  | { kind: 'file'; file: StoredFile; mime: string }
  | { kind: 'server'; status: number; headers: Record<string, string>; body: Readable };

export interface DeskRecordingsDeps {
  db: Kysely<Database>;
  dispatch: Dispatch;
  dataDir: string;
  /** The current server link (null: standalone desk, its own center). */
  link(): ServerLink | null;
  tokenFor(userId: string): Promise<string | null>;
  /** After an attach on a synced desk: push it, then upload (the sync run does both). */
  kick(): void;
  maxBytes?: number;
}

const needsServer = (): WireError => ({
  code: 'unavailable',
  message: 'The recording is on the central server, which this desk cannot reach now',
  fields: [{ path: 'id', code: 'err.recordingNeedsServer', message: 'Needs the central server' }],
});

/**
 * A desk's recordings, one code path for both transports (Electron IPC and the web bridge are thin doors to
 * it). Attach: read and check the file, keep the bytes (a synced desk in its spool until the server has them;
 * a standalone desk in its own content store), then record the metadata through the ordinary dispatch.
 * Read: the spool copy if this desk still has it, else the server's, else (standalone) its own store.
 */
export class DeskRecordings {
  readonly spoolDir: string;
  readonly blobs: BlobStore;
  private readonly maxBytes: number;

  constructor(private readonly d: DeskRecordingsDeps) {
    this.spoolDir = join(d.dataDir, 'recordings', 'spool');
    this.blobs = new BlobStore(join(d.dataDir, 'recordings', 'store'));
    this.maxBytes = d.maxBytes ?? recordingMaxBytes();
  }

  private spoolPath(id: string): string {
    if (!/^[0-9a-f-]{36}$/.test(id)) throw new Error('not a recording id');
    return join(this.spoolDir, id);
  }

  async attach(session: string | undefined, f: AttachFile): Promise<WireResult<RecordingRecord>> {
    const me = await this.d.dispatch('session.me', {}, session);
    if (!me.ok) return me;
    let facts;
    try {
      facts = readRecording(f.bytes, this.maxBytes);
    } catch (err) {
      if (err instanceof DeskError) return { ok: false, error: err.wire };
      throw err;
    }
    const id = randomUUID();
    const input = { id, callId: f.callId, fileName: f.fileName.slice(0, 200), replaces: f.replaces, ...facts };
    if (this.d.link()) {
      // Spool first (under a temporary name), so an accepted attach never lacks its bytes; a refusal removes it.
      const part = `${this.spoolPath(id)}.part`;
      mkdirSync(this.spoolDir, { recursive: true });
      await writeWhole(part, f.bytes);
      const r = (await this.d.dispatch('recordings.attach', input, session)) as WireResult<RecordingRecord>;
      if (!r.ok) {
        await rm(part, { force: true });
        return r;
      }
      await rename(part, this.spoolPath(id));
      this.d.kick();
      return r;
    }
    // Standalone: this desk is the center; the bytes go into its store first, so the row is stored at once.
    const fresh = !(await this.blobs.open(this.d.db, facts.sha256));
    if (fresh) {
      await this.blobs.write(facts.sha256, f.bytes);
      await this.d.db.insertInto('recording_blobs').values({ sha256: facts.sha256, size_bytes: facts.sizeBytes, mime_type: facts.mimeType, stored_at: new Date().toISOString() }).onConflict((oc) => oc.column('sha256').doNothing()).execute();
    }
    const r = (await this.d.dispatch('recordings.attach', input, session)) as WireResult<RecordingRecord>;
    if (!r.ok && fresh) await this.blobs.dropIfUnused(this.d.db, facts.sha256);
    return r;
  }

  async read(session: string | undefined, id: string, range?: string): Promise<WireResult<RecordingSource>> {
    const rec = (await this.d.dispatch('recordings.get', { id }, session)) as WireResult<RecordingRecord>;
    if (!rec.ok) return rec;
    const spooled = await fileAt(this.spoolPath(rec.value.id));
    if (spooled) return { ok: true, value: { kind: 'file', file: spooled, mime: rec.value.mimeType } };
    const link = this.d.link();
    if (!link) {
      const file = await this.blobs.open(this.d.db, rec.value.sha256);
      return file ? { ok: true, value: { kind: 'file', file, mime: rec.value.mimeType } } : { ok: false, error: { code: 'not_found', message: 'No bytes for this recording' } };
    }
    const me = (await this.d.dispatch('session.me', {}, session)) as WireResult<Actor>;
    const token = me.ok ? await this.d.tokenFor(me.value.userId) : null;
    if (!token) return { ok: false, error: needsServer() };
    try {
      if (!link.streamRecording) return { ok: false, error: needsServer() };
      const s = await link.streamRecording(token, rec.value.id, range);
      return { ok: true, value: { kind: 'server', ...s } };
    } catch (err) {
      if (err instanceof OfflineError) return { ok: false, error: needsServer() };
      if (err instanceof ServerRefused) return { ok: false, error: err.wire };
      throw err;
    }
  }

  /** The whole recording in memory (Electron's IPC door; a recording is at most 50 MB). */
  async readAll(session: string | undefined, id: string): Promise<WireResult<{ mime: string; bytes: Uint8Array }>> {
    const r = await this.read(session, id);
    if (!r.ok) return r;
    const src = r.value;
    const stream = src.kind === 'file' ? src.file.stream() : src.body;
    const chunks: Buffer[] = [];
    for await (const c of stream) chunks.push(c as Buffer);
    return { ok: true, value: { mime: src.kind === 'file' ? src.mime : (src.headers['content-type'] ?? 'application/octet-stream'), bytes: new Uint8Array(Buffer.concat(chunks)) } };
  }

  /**
   * After a push: every spooled recording the server now knows goes up, with its attacher's token; a spool copy
   * whose row is stored (or gone: the server refused the attach) is deleted. Network failure → OfflineError
   * (the sync run goes offline and retries); a refusal is logged and the copy kept.
   */
  async uploadSpooled(link: ServerLink): Promise<number> {
    let uploaded = 0;
    for (const name of await readdir(this.spoolDir).catch(() => [] as string[])) {
      if (name.endsWith('.part')) continue;
      const row = await this.d.db.selectFrom('recordings').select(['id', 'state', 'uploaded_by']).where('id', '=', name).executeTakeFirst();
      if (await this.stillQueued(name)) continue;
      if (!row || row.state === 'stored') {
        await rm(join(this.spoolDir, name), { force: true });
        continue;
      }
      const token = await this.d.tokenFor(row.uploaded_by);
      if (!token) continue;
      try {
        if (!link.uploadRecording) return uploaded;
        await link.uploadRecording(token, row.id, await readFile(join(this.spoolDir, name)));
        await rm(join(this.spoolDir, name), { force: true });
        uploaded++;
      } catch (err) {
        if (!(err instanceof ServerRefused)) throw err;
        console.error(`recording ${row.id} upload refused`, loggableError(err));
      }
    }
    return uploaded;
  }

  /** The attach is still in the outbox (not yet pushed): the server cannot take its bytes yet. */
  private async stillQueued(id: string): Promise<boolean> {
    const rows = await this.d.db.selectFrom('outbox').select('args').where('name', '=', 'recordings.attach').execute();
    return rows.some((r) => (JSON.parse(r.args) as { id?: string }).id === id);
  }

  /** Spool files on this desk (tests, the desk's own view). */
  async spooled(): Promise<string[]> {
    return (await readdir(this.spoolDir).catch(() => [] as string[])).filter((n) => !n.endsWith('.part'));
  }
}
