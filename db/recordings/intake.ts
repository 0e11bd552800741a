import { createHash } from 'node:crypto';
import { DeskError } from '../../shared/api/errors';
import { MAX_RECORDING_BYTES, sniffAudio, wavDurationSec, type AudioType } from '../../shared/recordings/audio';
import { megabytes } from '../../shared/recordings/rules';

export interface RecordingFacts {
  sha256: string;
  mimeType: AudioType;
  sizeBytes: number;
  durationSec: number | null;
}

/** The host's size limit: ZHIBAN_RECORDING_MAX_MB when set (never above the built-in 50 MB). */
export function recordingMaxBytes(env: NodeJS.ProcessEnv = process.env): number {
  const mb = Number(env.ZHIBAN_RECORDING_MAX_MB);
  return Number.isFinite(mb) && mb > 0 ? Math.min(Math.floor(mb * 1024 * 1024), MAX_RECORDING_BYTES) : MAX_RECORDING_BYTES;
}

const refused = (code: string, message: string, params: Record<string, string | number> = {}) =>
  new DeskError({ code: 'invalid_input', message, ruleIds: ['recording.audio-only'], params, fields: [{ path: 'file', code, message }] });

/**
 * Reads a file someone attaches (recording.audio-only): audio by its first bytes, within the size limit; its
 * hash and size as computed here, never as told. Throws a field error on `file` that writes nothing.
 */
export function readRecording(bytes: Uint8Array, maxBytes = recordingMaxBytes()): RecordingFacts {
  if (bytes.length === 0) throw refused('err.emptyFile', 'The file is empty', { problem: 'empty' });
  if (bytes.length > maxBytes) throw refused('err.tooBig', 'The file is too big', { problem: 'size', sizeMegabytes: megabytes(bytes.length), maxMegabytes: megabytes(maxBytes) });
  const mimeType = sniffAudio(bytes.subarray(0, 64));
  if (!mimeType) throw refused('err.notAudio', 'The file is not audio the desk can play', { problem: 'type' });
  return { sha256: createHash('sha256').update(bytes).digest('hex'), mimeType, sizeBytes: bytes.length, durationSec: wavDurationSec(bytes.subarray(0, Math.min(bytes.length, 4096)), bytes.length) };
}
