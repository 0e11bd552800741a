import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { WireError } from '../../shared/api/errors';
import type { RecordingRecord } from '../../shared/recordings/schemas';
import { MAX_RECORDING_BYTES, toneWav } from '../../shared/recordings/audio';
import { serverLogin } from './support/central';
import { centralWithDesks } from './support/central-with-desks';
import type { TestDesk } from './support/desks';

/** The demo center's calls: 1 and 2 are agent01's (team A), 3 is agent02's (team A). */
const CALL = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

const { central: running, desk: openDesk, serverDir } = centralWithDesks();

async function desk(username: string) {
  const d = await openDesk(username);
  await settle(d);
  return d;
}
/** A run already under way when asked may have started before the last act: a second one takes it too. */
async function settle(d: TestDesk) {
  await d.host.sync.syncNow();
  await d.host.sync.syncNow();
}
async function attach(d: TestDesk, callId: string, bytes: Uint8Array, o: { fileName?: string; replaces?: string } = {}) {
  return d.host.recordings.attach(d.token, { callId, fileName: o.fileName ?? 'call.wav', replaces: o.replaces, bytes });
}
async function attached(d: TestDesk, callId: string, bytes: Uint8Array, o: { fileName?: string; replaces?: string } = {}): Promise<RecordingRecord> {
  const r = await attach(d, callId, bytes, o);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}
async function refused(d: TestDesk, callId: string, bytes: Uint8Array, o: { fileName?: string; replaces?: string } = {}): Promise<WireError> {
  const r = await attach(d, callId, bytes, o);
  if (r.ok) throw new Error('expected a refusal');
  return r.error;
}
async function heard(d: TestDesk, id: string) {
  const r = await d.host.recordings.readAll(d.token, id);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}
/** The call's current recording on this desk (to replace it). */
async function current(d: TestDesk, callId: string): Promise<string | undefined> {
  const r = await d.host.dispatch('recordings.list', { callId }, d.token);
  return r.ok ? (r.value as RecordingRecord[]).find((x) => x.replacedBy === null)?.id : undefined;
}
const rowOnServer = (id: string) => running().store.db.selectFrom('recordings').selectAll().where('id', '=', id).executeTakeFirst();
const deskHoldsBytes = async (d: TestDesk) =>
  (await d.host.db.selectFrom('recording_blobs').select('sha256').execute()).length > 0 || (existsSync(d.host.recordings.blobs.dir) && readdirSync(d.host.recordings.blobs.dir).length > 0);
const serverFile = (hash: string) => join(serverDir, 'recordings', hash.slice(0, 2), hash);

describe('recordings: stored once on the server, never in a desk replica', () => {
  it('an online desk attaches a WAV; the server keeps the bytes once; a second desk plays the same recording from the server', async () => {
    const agent = await desk('agent01');
    const wav = toneWav({ seconds: 2 });
    const rec = await attached(agent, CALL(1), wav);
    expect(rec, JSON.stringify(rec)).toMatchObject({ callId: CALL(1), mimeType: 'audio/wav', sizeBytes: wav.length, durationSec: 2, state: 'pending', uploadedBy: 'user-agent01', sha256: sha(wav) });
    await settle(agent);
    expect((await rowOnServer(rec.id))?.state).toBe('stored');
    expect(existsSync(serverFile(sha(wav)))).toBe(true);
    // The attaching desk: its row says stored, the spool copy is gone and it never held the bytes otherwise.
    const mine = await agent.host.dispatch('recordings.get', { id: rec.id }, agent.token);
    expect(mine.ok && (mine.value as RecordingRecord).state).toBe('stored');
    expect(await agent.host.recordings.spooled()).toEqual([]);
    expect(await deskHoldsBytes(agent)).toBe(false);

    const qa = await desk('qa01');
    const list = await qa.host.dispatch('recordings.list', { callId: CALL(1) }, qa.token);
    expect(list.ok && (list.value as RecordingRecord[]).map((r) => [r.id, r.state])).toEqual([[rec.id, 'stored']]);
    const got = await heard(qa, rec.id);
    expect(got.mime).toBe('audio/wav');
    expect(sha(got.bytes)).toBe(sha(wav));
    expect(await deskHoldsBytes(qa)).toBe(false);
  });

  it('offline: the attach waits in the spool (and plays from it); on reconnect it uploads, is stored and the spool copy goes', async () => {
    const agent = await desk('agent01');
    const qa = await desk('qa01');
    agent.wire.online = false;
    const wav = toneWav({ seconds: 3, hz: 523 });
    const rec = await attached(agent, CALL(2), wav);
    expect(rec.state).toBe('pending');
    expect(await agent.host.recordings.spooled()).toEqual([rec.id]);
    expect(sha((await heard(agent, rec.id)).bytes)).toBe(sha(wav)); // played from this desk's spool copy
    await settle(agent); // still offline: nothing moves
    expect(await rowOnServer(rec.id)).toBeUndefined();

    agent.wire.online = true;
    await settle(agent);
    expect((await rowOnServer(rec.id))?.state).toBe('stored');
    expect(await agent.host.recordings.spooled()).toEqual([]);
    await settle(qa);
    expect(sha((await heard(qa, rec.id)).bytes)).toBe(sha(wav));
  });

  it('offline without a local copy: the desk says the recording is on the server and needs a connection', async () => {
    const agent = await desk('agent01');
    const wav = toneWav({ seconds: 1, hz: 300 });
    const rec = await attached(agent, CALL(1), wav, { replaces: await current(agent, CALL(1)) });
    await settle(agent);
    const qa = await desk('qa01');
    qa.wire.online = false;
    const r = await qa.host.recordings.readAll(qa.token, rec.id);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatchObject({ code: 'unavailable', fields: [{ code: 'err.recordingNeedsServer' }] });
    qa.wire.online = true;
  });
});

describe('attach refusals: a clear field error, nothing written', () => {
  const notAudio = new TextEncoder().encode('MZ this is a program renamed to .wav, not a recording');
  const tooBig = (() => {
    const b = new Uint8Array(MAX_RECORDING_BYTES + 1);
    b.set(toneWav({ seconds: 0.1 }).subarray(0, 44));
    return b;
  })();
  const cases: { what: string; as: string; call: () => string; bytes: () => Uint8Array; code: string; field: string; fieldCode: string; ruleIds?: string[] }[] = [
    { what: 'a renamed non-audio file (recording.audio-only)', as: 'agent01', call: () => CALL(1), bytes: () => notAudio, code: 'invalid_input', field: 'file', fieldCode: 'err.notAudio', ruleIds: ['recording.audio-only'] },
    { what: 'an empty file', as: 'agent01', call: () => CALL(1), bytes: () => new Uint8Array(0), code: 'invalid_input', field: 'file', fieldCode: 'err.emptyFile', ruleIds: ['recording.audio-only'] },
    { what: 'a file over the 50 MB limit (recording.audio-only)', as: 'agent01', call: () => CALL(1), bytes: () => tooBig, code: 'invalid_input', field: 'file', fieldCode: 'err.tooBig', ruleIds: ['recording.audio-only'] },
    { what: 'an unknown call', as: 'agent01', call: () => '00000000-0000-4000-8000-999999999999', bytes: () => toneWav({ seconds: 1 }), code: 'not_found', field: 'callId', fieldCode: 'err.unknownCall' },
    { what: "another agent's call (outside their scope)", as: 'agent02', call: () => CALL(1), bytes: () => toneWav({ seconds: 1 }), code: 'not_found', field: 'callId', fieldCode: 'err.unknownCall' },
  ];
  for (const c of cases)
    it(`refuses ${c.what}`, async () => {
      const d = await desk(c.as);
      const before = { rows: await d.host.db.selectFrom('recordings').select('id').execute(), outbox: await d.host.db.selectFrom('outbox').select('id').execute() };
      const e = await refused(d, c.call(), c.bytes());
      expect(e.code).toBe(c.code);
      expect(e.fields?.[0]).toMatchObject({ path: c.field, code: c.fieldCode });
      if (c.ruleIds) expect(e.ruleIds).toEqual(c.ruleIds);
      expect(await d.host.db.selectFrom('recordings').select('id').execute()).toEqual(before.rows);
      expect(await d.host.db.selectFrom('outbox').select('id').execute()).toEqual(before.outbox);
      expect(await d.host.recordings.spooled()).toEqual([]);
    });

  it('a QA inspector may listen but not attach', async () => {
    const qa = await desk('qa01');
    const e = await refused(qa, CALL(3), toneWav({ seconds: 1 }));
    expect(e.code).toBe('forbidden');
    expect(await qa.host.recordings.spooled()).toEqual([]);
  });

  it('one recording per call: a second one is refused unless it says it replaces the current one, which stays in the history', async () => {
    const lead = await desk('lead01');
    const first = await attached(lead, CALL(3), toneWav({ seconds: 1, hz: 200 }));
    const e = await refused(lead, CALL(3), toneWav({ seconds: 1, hz: 250 }));
    expect(e).toMatchObject({ code: 'conflict', ruleIds: ['recording.one-per-call'], fields: [{ path: 'replaces', code: 'err.oneRecordingPerCall' }] });
    const second = await attached(lead, CALL(3), toneWav({ seconds: 1, hz: 250 }), { replaces: first.id });
    const list = await lead.host.dispatch('recordings.list', { callId: CALL(3) }, lead.token);
    expect(list.ok && (list.value as RecordingRecord[]).map((r) => [r.id, r.replacedBy])).toEqual([
      [second.id, null],
      [first.id, second.id],
    ]);
    await settle(lead);
    const log = await running().store.db.selectFrom('mutation_log').select(['name', 'status', 'code', 'message']).where('name', '=', 'recordings.attach').execute();
    expect(log.filter((l) => l.status !== 'applied')).toEqual([]);
    expect((await rowOnServer(first.id))?.replaced_by).toBe(second.id);
  });
});

describe('the server byte routes', () => {
  let rec: RecordingRecord;
  let wav: Uint8Array;
  beforeAll(async () => {
    const agent = await desk('agent01');
    wav = toneWav({ seconds: 2, hz: 660 });
    rec = await attached(agent, CALL(2), wav, { replaces: await current(agent, CALL(2)) });
    await settle(agent);
  });
  const get = async (token: string, range?: string) =>
    fetch(`${running().url}/api/recordings/${rec.id}/content`, { headers: { authorization: `Bearer ${token}`, ...(range ? { range } : {}) } });

  it('answers Range requests with 206 and the right Content-Range, so the player can seek', async () => {
    const token = await serverLogin(running().url, 'qa01');
    const whole = await get(token);
    expect(whole.status).toBe(200);
    expect(whole.headers.get('accept-ranges')).toBe('bytes');
    expect(whole.headers.get('content-type')).toBe('audio/wav');
    expect(new Uint8Array(await whole.arrayBuffer())).toEqual(wav);
    const table: [string, number, string, number, number][] = [
      ['bytes=0-99', 206, `bytes 0-99/${wav.length}`, 0, 100],
      ['bytes=1000-', 206, `bytes 1000-${wav.length - 1}/${wav.length}`, 1000, wav.length],
      ['bytes=-10', 206, `bytes ${wav.length - 10}-${wav.length - 1}/${wav.length}`, wav.length - 10, wav.length],
      [`bytes=${wav.length}-`, 416, `bytes */${wav.length}`, 0, 0],
    ];
    for (const [range, status, contentRange, from, to] of table) {
      const res = await get(token, range);
      expect(res.status, range).toBe(status);
      expect(res.headers.get('content-range'), range).toBe(contentRange);
      if (status === 206) expect(new Uint8Array(await res.arrayBuffer()), range).toEqual(wav.subarray(from, to));
    }
  });

  it('only people who may read the call hear it; an upload must be the attached bytes and come from someone with rights', async () => {
    expect((await get(await serverLogin(running().url, 'agent07'))).status).toBe(404); // team B agent: not in scope
    expect((await get(await serverLogin(running().url, 'admin'))).status).toBe(404);
    expect((await get('nonsense')).status).toBe(401);
    const put = async (token: string, body: Uint8Array) =>
      fetch(`${running().url}/api/recordings/${rec.id}/content`, { method: 'PUT', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' }, body: body as Uint8Array<ArrayBuffer> });
    expect((await put(await serverLogin(running().url, 'qa01'), wav)).status).toBe(403);
    const wrong = await put(await serverLogin(running().url, 'agent01'), toneWav({ seconds: 2, hz: 661 }));
    expect(wrong.status).toBe(400);
    expect(((await wrong.json()) as { error: WireError }).error.fields?.[0]?.code).toBe('err.contentMismatch');
  });
});
