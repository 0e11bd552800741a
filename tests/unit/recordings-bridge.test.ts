import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeskHost } from '../../electron/backend/desk-host';
import { startWebBridge, type RunningBridge } from '../../electron/backend/bridge/web-bridge';
import { toneWav } from '../../shared/recordings/audio';
import type { RecordingRecord } from '../../shared/recordings/schemas';
import { DEMO_PASSWORD } from '../../db/demo/demo-center';
import { startDemoDesk } from './support/desks';
import { FIXED_NOW } from './support/fixture';
import { tempDir } from './support/tmp';

/** The web bridge's recording door on a standalone desk (its own center): POST the raw file, GET it with Range. */
const dir = tempDir();
let host: DeskHost;
let bridge: RunningBridge;
let session: string;
const CALL1 = '00000000-0000-4000-8000-000000000001';
beforeAll(async () => {
  host = await startDemoDesk({ dataDir: join(dir.path, 'desk'), clock: () => FIXED_NOW });
  bridge = await startWebBridge({ dispatch: host.dispatch, events: host.events, staticDir: join(dir.path, 'static'), recordings: host.recordings });
  const r = await host.dispatch('session.login', { username: 'agent01', password: DEMO_PASSWORD });
  if (!r.ok) throw new Error(r.error.message);
  session = (r.value as { token: string }).token;
});
afterAll(async () => {
  await bridge.close();
  await host.close();
  dir.remove();
});

const headers = (o: { token?: string; range?: string } = {}) => ({ 'x-desk-token': o.token ?? bridge.token, authorization: `Bearer ${session}`, ...(o.range ? { range: o.range } : {}) });

describe('web bridge: recordings', () => {
  it('takes a WAV for a call (stored at once on a standalone desk) and serves it whole and by range', async () => {
    const wav = toneWav({ seconds: 1 });
    const post = await fetch(`${bridge.origin}/recordings?callId=${CALL1}&fileName=a.wav`, { method: 'POST', headers: { ...headers(), 'content-type': 'application/octet-stream' }, body: wav as Uint8Array<ArrayBuffer> });
    expect(post.status).toBe(200);
    const rec = ((await post.json()) as { value: RecordingRecord }).value;
    expect(rec).toMatchObject({ state: 'stored', sha256: createHash('sha256').update(wav).digest('hex'), durationSec: 1 });
    const whole = await fetch(`${bridge.origin}/recordings/${rec.id}`, { headers: headers() });
    expect(whole.status).toBe(200);
    expect(new Uint8Array(await whole.arrayBuffer())).toEqual(wav);
    const part = await fetch(`${bridge.origin}/recordings/${rec.id}`, { headers: headers({ range: 'bytes=44-143' }) });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 44-143/${wav.length}`);
    expect(new Uint8Array(await part.arrayBuffer())).toEqual(wav.subarray(44, 144));
  });

  it('refuses without the desk token, and a non-audio file with a field error', async () => {
    expect((await fetch(`${bridge.origin}/recordings/whatever`, { headers: headers({ token: 'wrong' }) })).status).toBe(403);
    const bad = await fetch(`${bridge.origin}/recordings?callId=00000000-0000-4000-8000-000000000002`, { method: 'POST', headers: { ...headers(), 'content-type': 'application/octet-stream' }, body: 'not audio' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { fields: { code: string }[] } }).error.fields[0]!.code).toBe('err.notAudio');
    const rows = await host.db.selectFrom('recordings').select('id').where('call_id', '=', '00000000-0000-4000-8000-000000000002').execute();
    expect(rows).toEqual([]);
  });
});
