import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deskKeyBox, keychainBox } from '../../electron/backend/auth/secret-box';
import { startDeskHost } from '../../electron/backend/desk-host';
import { DEMO_PASSWORD } from '../../db/demo/demo-center';
import { api, ENGINE_CASES, startCentral, type RunningCentral } from './support/central';
import { openDesk, wiredLink, type TestDesk } from './support/desks';
import { aCall } from './support/calls';
import { tempDir } from './support/tmp';
import { until } from './support/until';

/**
 * Issue #15.6: a shared desk keeps each signed-in person's server token sealed (a copy of the database opens
 * nothing), presents it bound to the desk's id, and signing out revokes it on the server — at once when
 * online, after the person's pending work is pushed when offline. A token that no longer opens (the keychain
 * changed) costs a sign-in, never unsynced work. Real server, real desk databases on disk.
 */
const dir = tempDir();
let central: RunningCentral;
const desks: TestDesk[] = [];
beforeAll(async () => {
  central = await startCentral(ENGINE_CASES[0]!, join(dir.path, 'server'));
});
afterAll(async () => {
  for (const d of desks) await d.host.close().catch(() => undefined);
  await central.stop();
  dir.remove();
});

async function desk(name: string, username: string) {
  const d = await openDesk(central.url, join(dir.path, name), username);
  desks.push(d);
  return d;
}

const sealedToken = async (d: TestDesk, username: string) =>
  (await d.host.db.selectFrom('desk_credentials').select('server_token').where('user_id', '=', `user-${username}`).executeTakeFirstOrThrow()).server_token;
/** What the server answers a credential with (200 = it works). */
const serverAnswers = async (credential: string) => (await api(central.url, '/api/v1/org.directory', {}, credential)).status;

describe('server tokens on a shared desk', () => {
  it('are sealed at rest: the database alone holds nothing the server accepts, nor does the token without this desk', async () => {
    const d = await desk('sealed', 'agent01');
    const stored = await sealedToken(d, 'agent01');
    expect(stored.startsWith('dk1:')).toBe(true);
    expect(await serverAnswers(stored)).toBe(401);
    const token = deskKeyBox(join(dir.path, 'sealed')).open(stored)!;
    expect(token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(await serverAnswers(token)).toBe(401); // copied without the desk's id
    expect(await serverAnswers(`${token}:desk-elsewhere`)).toBe(401);
    expect(await serverAnswers(`${token}:${d.host.deskId}`)).toBe(200);
    // Another desk's key does not open it.
    expect(deskKeyBox(join(dir.path, 'another')).open(stored)).toBeNull();
  });

  it('signing out online revokes the token on the server; the person can still sign in offline here', async () => {
    const d = await desk('out-online', 'agent02');
    const bound = `${deskKeyBox(join(dir.path, 'out-online')).open(await sealedToken(d, 'agent02'))}:${d.host.deskId}`;
    expect(await serverAnswers(bound)).toBe(200);
    expect((await d.host.dispatch('session.logout', {}, d.token)).ok).toBe(true);
    await until(async () => (await serverAnswers(bound)) === 401, { what: 'the server to refuse the signed-out token' });
    expect(await sealedToken(d, 'agent02')).toBe('');
    d.wire.online = false;
    const again = await d.host.dispatch('session.login', { username: 'agent02', password: DEMO_PASSWORD });
    expect(again.ok).toBe(true);
  });

  it('signing out offline waits: the person’s work is pushed first, then the token is revoked', async () => {
    const d = await desk('out-offline', 'agent03');
    const bound = `${deskKeyBox(join(dir.path, 'out-offline')).open(await sealedToken(d, 'agent03'))}:${d.host.deskId}`;
    d.wire.online = false;
    const call = aCall({ summary: '下线前登记' });
    expect((await d.host.dispatch('calls.log', call, d.token)).ok).toBe(true);
    expect((await d.host.dispatch('session.logout', {}, d.token)).ok).toBe(true);
    await d.host.sync.syncNow();
    expect(await serverAnswers(bound)).toBe(200); // not yet: the desk could not reach the server
    d.wire.online = true;
    await d.host.sync.syncNow();
    await until(async () => (await serverAnswers(bound)) === 401, { what: 'the queued sign-out to reach the server' });
    expect(await central.store.db.selectFrom('calls').select('id').where('id', '=', call.id).executeTakeFirst()).toBeDefined();
  });

  it('a token that no longer opens (keychain changed) asks for a sign-in and keeps the unsynced work', async () => {
    const dataDir = join(dir.path, 'keychain');
    const d = await desk('keychain', 'agent04');
    d.wire.online = false;
    const call = aCall({ summary: '钥匙串更换前' });
    expect((await d.host.dispatch('calls.log', call, d.token)).ok).toBe(true);
    await d.host.close();
    desks.splice(desks.indexOf(d), 1);
    // The profile moved to a machine whose keychain is another: the old desk key is gone.
    copyFileSync(join(dataDir, 'desk.key'), join(dataDir, 'desk.key.old'));
    writeFileSync(join(dataDir, 'desk.key'), Buffer.alloc(32, 7).toString('base64'));
    const wire = { online: true, dropNextReply: false };
    const host = await startDeskHost({ dataDir, link: wiredLink(central.url, wire), retryBaseMs: 20 });
    desks.push({ host, wire, token: '', username: 'agent04' });
    expect(await host.sync.syncNow()).toMatchObject({ state: 'signedOut', pending: 1 });
    const r = await host.dispatch('session.login', { username: 'agent04', password: DEMO_PASSWORD });
    expect(r.ok).toBe(true);
    await host.sync.syncNow();
    await until(async () => (await central.store.db.selectFrom('calls').select('id').where('id', '=', call.id).executeTakeFirst()) !== undefined, {
      what: 'the work kept through the keychain change to reach the server',
    });
  });

  it('a token an older desk stored in plain text is wiped at start', async () => {
    const dataDir = join(dir.path, 'plain');
    const d = await desk('plain', 'agent05');
    await d.host.db.updateTable('desk_credentials').set({ server_token: 'plain-old-token' }).where('user_id', '=', 'user-agent05').execute();
    await d.host.close();
    desks.splice(desks.indexOf(d), 1);
    const wire = { online: false, dropNextReply: false };
    const host = await startDeskHost({ dataDir, link: wiredLink(central.url, wire), retryBaseMs: 20 });
    desks.push({ host, wire, token: '', username: 'agent05' });
    expect(await host.db.selectFrom('desk_credentials').select('server_token').where('user_id', '=', 'user-agent05').executeTakeFirstOrThrow()).toEqual({ server_token: '' });
    expect((await host.dispatch('session.login', { username: 'agent05', password: DEMO_PASSWORD })).ok).toBe(true); // offline sign-in kept
  });

  it('the OS keychain box seals through safeStorage and opens nothing it did not seal', () => {
    const fake = { encryptString: (s: string) => Buffer.from([...Buffer.from(s)].reverse()), decryptString: (b: Buffer) => Buffer.from([...b].reverse()).toString() };
    const box = keychainBox(fake);
    const sealed = box.seal('tok');
    expect(sealed.startsWith('os1:')).toBe(true);
    expect(box.open(sealed)).toBe('tok');
    expect(box.open('dk1:a:b:c')).toBeNull();
    const broken = keychainBox({ encryptString: fake.encryptString, decryptString: () => { throw new Error('keychain locked'); } });
    expect(broken.open(sealed)).toBeNull();
  });
});
