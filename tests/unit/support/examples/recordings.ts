import { createHash, randomUUID } from 'node:crypto';
import type { Fixture } from '../fixture';
import { example } from './example';
import { toneWav } from '../../../../shared/recordings/audio';

const minutesBefore = (now: Date, m: number) => new Date(now.getTime() - m * 60_000).toISOString();

/** A fresh call of agent01's (one recording per call: each example attaches to its own). */
async function freshCall(fx: Fixture): Promise<string> {
  const c = await fx.call('agent01', 'calls.log', { id: randomUUID(), customerPhone: '139 0000 2222', customerName: '', category: 'query', summary: '查话费', outcome: '已告知', followUp: false, startedAt: minutesBefore(fx.now, 9), endedAt: minutesBefore(fx.now, 8) });
  return c.id;
}

/** What a desk backend says of a two-second tone after reading it. */
export function toneFacts(seconds = 2) {
  const bytes = toneWav({ seconds });
  return { bytes, sha256: createHash('sha256').update(bytes).digest('hex'), mimeType: 'audio/wav' as const, sizeBytes: bytes.length, durationSec: seconds };
}

export const recordingExamples = {
  'recordings.attach': example<'recordings.attach'>('agent01', async (fx) => {
    const { sha256, mimeType, sizeBytes, durationSec } = toneFacts();
    return { id: randomUUID(), callId: await freshCall(fx), sha256, mimeType, sizeBytes, durationSec, fileName: 'call.wav' };
  }),
  'recordings.get': example<'recordings.get'>('qa01', async (fx) => {
    const { sha256, mimeType, sizeBytes } = toneFacts();
    const r = await fx.call('agent01', 'recordings.attach', { id: randomUUID(), callId: await freshCall(fx), sha256, mimeType, sizeBytes, fileName: 'call.wav' });
    return { id: r.id };
  }),
  'recordings.list': example<'recordings.list'>('qa01', () => ({})),
};
