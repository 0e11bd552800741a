import type { Kysely } from 'kysely';
import type { RecordingsPort } from '../../shared/recordings/port';
import type { AudioType } from '../../shared/recordings/audio';
import type { RecordingRecord, RecordingState } from '../../shared/recordings/schemas';
import type { Database } from '../schema';
import type { Writer } from '../sync/writer';
import { whereInScope } from '../sync/scope-sql';

export function recordingsStore(db: Kysely<Database>, w: Writer): RecordingsPort {
  const base = () =>
    db
      .selectFrom('recordings')
      .leftJoin('users as u', 'u.id', 'recordings.uploaded_by')
      .selectAll('recordings')
      .select(['u.display_name as uploader_name']);
  type Row = Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirstOrThrow']>>;
  const toRecord = (r: Row): RecordingRecord => ({
    id: r.id,
    callId: r.call_id,
    agentId: r.agent_id,
    teamId: r.team_id,
    sha256: r.sha256,
    mimeType: r.mime_type as AudioType,
    sizeBytes: Number(r.size_bytes),
    durationSec: r.duration_sec === null ? null : Number(r.duration_sec),
    fileName: r.file_name,
    uploadedBy: r.uploaded_by,
    uploaderName: r.uploader_name ?? r.uploaded_by,
    uploadedAt: r.uploaded_at,
    state: r.state as RecordingState,
    replacedBy: r.replaced_by,
    synced: Number(r.version) > 0,
  });
  return {
    async get(id, scope) {
      const r = await (scope ? whereInScope(base(), scope, 'recordings') : base()).where('recordings.id', '=', id).executeTakeFirst();
      return r ? toRecord(r) : null;
    },
    async list({ callId, scope, limit }) {
      let q = scope ? whereInScope(base(), scope, 'recordings') : base();
      if (callId !== undefined) q = q.where('recordings.call_id', '=', callId);
      const rows = await q.orderBy('recordings.uploaded_at', 'desc').orderBy('recordings.id').limit(limit ?? 1000).execute();
      // The current one first, then the ones it replaced.
      return rows.map(toRecord).sort((a, b) => Number(a.replacedBy !== null) - Number(b.replacedBy !== null));
    },
    async put(o) {
      await w.put('recordings', {
        id: o.id,
        call_id: o.callId,
        agent_id: o.agentId,
        team_id: o.teamId,
        sha256: o.sha256,
        mime_type: o.mimeType,
        size_bytes: o.sizeBytes,
        duration_sec: o.durationSec,
        file_name: o.fileName,
        uploaded_by: o.uploadedBy,
        uploaded_at: o.uploadedAt,
        state: o.state,
        replaced_by: o.replacedBy,
      });
    },
    async markReplaced(id, by) {
      await w.update('recordings', id, { replaced_by: by });
    },
    async hasContent(sha256) {
      return (await db.selectFrom('recording_blobs').select('sha256').where('sha256', '=', sha256).executeTakeFirst()) !== undefined;
    },
    async setState(id, state) {
      await w.update('recordings', id, { state });
    },
  };
}
