import { z } from 'zod';
import { Id } from '../api/fields';
import { defineMethod } from '../api/method';
import { RecordingAttachInputSchema, RecordingRecordSchema } from './schemas';

/** Who attaches: the call's agent, leads (of its team, checked by the handler), directors; QA only listens. */
export const ATTACHERS = ['agent', 'team_lead', 'department_director', 'center_director'] as const;
export const LISTENERS = ['agent', 'team_lead', 'qa_inspector', 'department_director', 'center_director'] as const;

export const recordingMethods = {
  /**
   * Records a file's metadata against a call. Called by the desk backend once it has read the file (type,
   * hash, size); the renderer sends the file itself through the backend's upload door, not this method.
   */
  'recordings.attach': defineMethod({ kind: 'mutation', access: ATTACHERS, input: RecordingAttachInputSchema, output: RecordingRecordSchema }),
  /** A call's recordings (the current one first, then those it replaced); without a call, every one in the reader's scope. */
  /** One recording, if the reader may hear it (the players' and the hosts' byte routes ask this first). */
  'recordings.get': defineMethod({ kind: 'query', access: LISTENERS, input: z.object({ id: Id() }), output: RecordingRecordSchema }),
  'recordings.list': defineMethod({ kind: 'query', access: LISTENERS, input: z.object({ callId: Id().optional(), limit: z.number().int().min(1).max(1000).default(200) }), output: z.array(RecordingRecordSchema) }),
};
