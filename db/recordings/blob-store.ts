import { createReadStream, existsSync, mkdirSync } from 'node:fs';
import { open, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import type { Database } from '../schema';
import type { AudioType } from '../../shared/recordings/audio';
import type { Writer } from '../sync/writer';

const SHA = /^[0-9a-f]{64}$/;

/** A file on disk to answer with: whole or one byte range of it. */
export interface StoredFile {
  path: string;
  size: number;
  stream(range?: { start: number; end: number }): Readable;
}

export async function fileAt(path: string): Promise<StoredFile | null> {
  const s = await stat(path).catch(() => null);
  if (!s?.isFile()) return null;
  return { path, size: s.size, stream: (r) => createReadStream(path, r ? { start: r.start, end: r.end } : {}) };
}

/** Writes bytes so a reader sees the whole file or none: a temporary name, fsync, rename. */
export async function writeWhole(path: string, bytes: Uint8Array): Promise<void> {
  const tmp = `${path}.${process.pid}.${Date.now()}.part`;
  const fh = await open(tmp, 'w');
  try {
    await fh.writeFile(bytes);
    await fh.sync();
  } finally {
    await fh.close();
  }
  await rename(tmp, path);
}

/**
 * The recordings' bytes kept by the server (and a standalone desk, its own center): content-addressed files
 * `<dir>/ab/abcdef…` (sha256), written whole, once per content however many rows name it. The
 * `recording_blobs` table says which are complete; the database stays small (docs/DECISIONS.md).
 */
export class BlobStore {
  /** Made when the first bytes arrive: a desk that never attaches has no such folder. */
  constructor(readonly dir: string) {}

  pathOf(sha256: string): string {
    if (!SHA.test(sha256)) throw new Error('not a sha256');
    return join(this.dir, sha256.slice(0, 2), sha256);
  }

  async open(db: Kysely<Database>, sha256: string): Promise<StoredFile | null> {
    const known = await db.selectFrom('recording_blobs').select('sha256').where('sha256', '=', sha256).executeTakeFirst();
    return known ? fileAt(this.pathOf(sha256)) : null;
  }

  /** Puts the bytes on disk (the caller checked their hash); the row comes with `recordStored`. */
  async write(sha256: string, bytes: Uint8Array): Promise<void> {
    const path = this.pathOf(sha256);
    mkdirSync(join(this.dir, sha256.slice(0, 2)), { recursive: true });
    if (!existsSync(path)) await writeWhole(path, bytes);
  }

  /** Removes bytes no row names (a refused attach on a standalone desk). */
  async dropIfUnused(db: Kysely<Database>, sha256: string): Promise<void> {
    const used = await db.selectFrom('recordings').select('id').where('sha256', '=', sha256).executeTakeFirst();
    if (used) return;
    await db.deleteFrom('recording_blobs').where('sha256', '=', sha256).execute();
    await rm(this.pathOf(sha256), { force: true });
  }
}

/**
 * Inside the caller's transaction: the bytes with this hash are here now, and every recording that waited
 * for them is stored (written through the writer, so desks pull the change).
 */
export async function recordStored(tx: Kysely<Database>, w: Writer, o: { sha256: string; sizeBytes: number; mimeType: AudioType; now: string }): Promise<void> {
  await tx.insertInto('recording_blobs').values({ sha256: o.sha256, size_bytes: o.sizeBytes, mime_type: o.mimeType, stored_at: o.now }).onConflict((oc) => oc.column('sha256').doNothing()).execute();
  const waiting = await tx.selectFrom('recordings').select('id').where('sha256', '=', o.sha256).where('state', '=', 'pending').execute();
  for (const r of waiting) await w.update('recordings', r.id, { state: 'stored' });
}
