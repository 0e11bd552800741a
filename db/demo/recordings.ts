import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../schema';
import { toneWav } from '../../shared/recordings/audio';
import { createWriter } from '../sync/writer';
import type { BlobStore } from '../recordings/blob-store';
import { DEMO_CALLS } from './demo-center';

/** Demo calls given a recording (agent02's and agent03's first calls), each a few seconds of tone made here. */
const RECORDED = [2, 3];

/**
 * So QA has something to play in a fresh demo: a short synthesised WAV per chosen call, stored like an upload
 * (bytes in the host's content store, a `stored` row naming them). Baseline data, no outbox entries.
 */
export async function seedDemoRecordings(db: Kysely<Database>, blobs: BlobStore, now: Date = new Date(), version = 0): Promise<void> {
  const users = new Map((await db.selectFrom('users').select(['id', 'username', 'team_id']).execute()).map((u) => [u.username, u]));
  const at = now.toISOString();
  for (const [n, i] of RECORDED.entries()) {
    const call = DEMO_CALLS[i];
    const agent = call && users.get(call.agent);
    if (!call || !agent) continue;
    const bytes = toneWav({ seconds: 4 + n * 2, hz: 330 + n * 110 });
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    await blobs.write(sha256, bytes);
    await db.transaction().execute(async (tx) => {
      await tx.insertInto('recording_blobs').values({ sha256, size_bytes: bytes.length, mime_type: 'audio/wav', stored_at: at }).onConflict((oc) => oc.column('sha256').doNothing()).execute();
      await createWriter(tx, { version, undo: null }).seed('recordings', [
        {
          id: `00000000-0000-4000-9000-${String(i + 1).padStart(12, '0')}`,
          call_id: `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`,
          agent_id: agent.id,
          team_id: agent.team_id,
          sha256,
          mime_type: 'audio/wav',
          size_bytes: bytes.length,
          duration_sec: 4 + n * 2,
          file_name: `demo-${i + 1}.wav`,
          uploaded_by: agent.id,
          uploaded_at: at,
          state: 'stored',
          replaced_by: null,
        },
      ]);
    });
  }
}
