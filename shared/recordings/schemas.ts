import { z } from 'zod';
import { Id, Text } from '../api/fields';
import { AUDIO_TYPES, MAX_RECORDING_BYTES } from './audio';

export const RECORDING_STATES = ['pending', 'stored'] as const;
export type RecordingState = (typeof RECORDING_STATES)[number];

/**
 * What the desk backend says of a file after reading it (type sniffed, hash and size computed there, never
 * taken from the person): the mutation every desk and the server replay. The bytes travel separately.
 */
export const RecordingAttachInputSchema = z.object({
  /** Chosen by the desk, so a replayed mutation writes the same row. */
  id: z.uuid(),
  callId: Id(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, { error: 'err.sha256' }),
  mimeType: z.enum(AUDIO_TYPES, { error: 'err.notAudio' }),
  sizeBytes: z.number().int().min(1, { error: 'err.emptyFile' }).max(MAX_RECORDING_BYTES, { error: 'err.tooBig' }),
  durationSec: z.number().min(0).max(24 * 3600).nullable().default(null),
  fileName: Text(200).default(''),
  /** The call's current recording this one replaces (kept in history); absent: the call has none yet. */
  replaces: Id().optional(),
});
export type RecordingAttachInput = z.input<typeof RecordingAttachInputSchema>;

export const RecordingRecordSchema = z.object({
  id: z.string(),
  callId: z.string(),
  /** The call's agent and team (who holds the row is decided as for the call). */
  agentId: z.string(),
  teamId: z.string().nullable(),
  sha256: z.string(),
  mimeType: z.enum(AUDIO_TYPES),
  sizeBytes: z.number().int(),
  durationSec: z.number().nullable(),
  fileName: z.string(),
  uploadedBy: z.string(),
  uploaderName: z.string(),
  uploadedAt: z.string(),
  /** pending: the server does not have the bytes yet (the attaching desk keeps them until it can upload). */
  state: z.enum(RECORDING_STATES),
  /** Set when a newer recording of the call replaced this one. */
  replacedBy: z.string().nullable(),
  synced: z.boolean(),
});
export type RecordingRecord = z.infer<typeof RecordingRecordSchema>;
