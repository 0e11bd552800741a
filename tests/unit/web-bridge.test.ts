import { request } from 'node:http';
import { mkdirSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { basename, join, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import type { DeskHost } from '../../electron/backend/desk-host';
import { startWebBridge, MAX_BODY_BYTES, type RunningBridge } from '../../electron/backend/bridge/web-bridge';
import { DEMO_PASSWORD } from '../../db/demo/demo-center';
import { aCall } from './support/calls';
import { startDemoDesk } from './support/desks';
import { tempDir } from './support/tmp';
import { rawGet, rawHttp, rawUpgrade, type RawReply } from './support/bridge-raw-http';
import { startWebProcess, type WebProcess } from './support/bridge-web-process';
import { httpError } from '../../shared/api/http-error';
import { UNBUILT_TEXT } from '../../electron/backend/bridge/static-files';

const dir = tempDir();
let host: DeskHost;
let bridge: RunningBridge;
const staticDir = join(dir.path, 'static');
const SECRET = 'top-secret-outside-the-root';
const ASSET = 'console.log("asset")';

beforeAll(async () => {
  mkdirSync(staticDir);
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>desk</title>');
  mkdirSync(join(staticDir, 'assets'));
  writeFileSync(join(staticDir, 'assets', 'app.js'), ASSET);
  // Files just outside the root that a traversal would reach, and a symlink inside pointing at one.
  writeFileSync(join(dir.path, 'secret.txt'), SECRET);
  symlinkSync(join(dir.path, 'secret.txt'), join(staticDir, 'leak.txt'));
  host = await startDemoDesk({ dataDir: dir.path });
  bridge = await startWebBridge({ dispatch: host.dispatch, events: host.events, staticDir });
});
afterAll(async () => {
  await bridge.close();
  await host.close();
  dir.remove();
});

interface Reply {
  status: number;
  body: { ok: boolean; value?: unknown; error?: { code: string; message: string } };
}

/** Raw HTTP so tests control Host and Origin exactly, as an attacker's page or a rebinding DNS would. */
function rpc(body: unknown, headers: Record<string, string> = {}): Promise<Reply> {
  const payload = typeof body === 'string' ? body : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: bridge.port,
        path: '/rpc',
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-desk-token': bridge.token, origin: bridge.origin, ...headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode!, body: JSON.parse(Buffer.concat(chunks).toString() || '{}') }));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

async function login(username = 'agent01'): Promise<string> {
  const r = await rpc({ method: 'session.login', args: { username, password: DEMO_PASSWORD } });
  return (r.body.value as { token: string }).token;
}

describe('web bridge', () => {
  it('listens on loopback only and prints a URL carrying the token in the fragment', () => {
    expect(bridge.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]{20,}$/);
  });

  it('serves a logged-in call end to end', async () => {
    const session = await login();
    const r = await rpc({ method: 'calls.log', args: aCall() }, { authorization: `Bearer ${session}` });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ ok: true, value: { agentName: '王芳' } });
  });

  it.each([
    ['no token', { 'x-desk-token': '' }, 403],
    ['a wrong token', { 'x-desk-token': 'x'.repeat(32) }, 403],
    ['a foreign Origin', { origin: 'https://evil.example' }, 403],
    ['a rebinding Host', { host: 'evil.example:80' }, 403],
    ['a form content type', { 'content-type': 'application/x-www-form-urlencoded' }, 415],
  ])('refuses %s and writes nothing', async (_label, headers, status) => {
    const before = await host.db.selectFrom('calls').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    const session = await login();
    const r = await rpc({ method: 'calls.log', args: aCall() }, { authorization: `Bearer ${session}`, ...headers });
    expect(r.status).toBe(status);
    expect(r.body.ok).toBe(false);
    const after = await host.db.selectFrom('calls').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    expect(after.n).toEqual(before.n);
  });

  it.each([
    ['malformed JSON', '{"method":', 400, 'bad_request'],
    ['a body without a method', { args: {} }, 400, 'bad_request'],
    ['an unknown method', { method: 'nope', args: {} }, 404, 'unknown_method'],
    ['invalid args', { method: 'session.login', args: { username: 42 } }, 400, 'invalid_input'],
    ['a call without a session', { method: 'calls.list', args: {} }, 400, 'invalid_input'],
  ])('answers %s with a JSON error and keeps serving', async (_label, body, status, code) => {
    const r = await rpc(body);
    expect(r.status).toBe(status);
    expect(r.body).toMatchObject({ ok: false, error: { code } });
    expect((await rpc({ method: 'session.login', args: { username: 'agent01', password: DEMO_PASSWORD } })).status).toBe(200);
  });

  it('refuses an oversized body', async () => {
    const r = await rpc({ method: 'session.login', args: { username: 'a', password: 'x'.repeat(MAX_BODY_BYTES) } });
    expect(r.status).toBe(413);
  });

  it('serves the renderer and never a file outside it', async () => {
    const index = await fetch(`${bridge.origin}/`);
    expect(await index.text()).toContain('<title>desk</title>');
    const escape = await fetch(`${bridge.origin}/..%2f..%2fzhiban.db`);
    expect(await escape.text()).not.toContain('SQLite');
  });

  it('pushes change events over the socket to holders of the token only', async () => {
    const refused = new WebSocket(`ws://127.0.0.1:${bridge.port}/events?token=wrong`, { origin: bridge.origin });
    const refusedOutcome = await new Promise<string>((r) => {
      refused.on('open', () => r('open'));
      refused.on('error', () => r('error'));
    });
    expect(refusedOutcome).toBe('error');

    const foreign = new WebSocket(`ws://127.0.0.1:${bridge.port}/events?token=${bridge.token}`, { origin: 'https://evil.example' });
    expect(await new Promise<string>((r) => (foreign.on('open', () => r('open')), foreign.on('error', () => r('error'))))).toBe('error');

    const ws = new WebSocket(`ws://127.0.0.1:${bridge.port}/events?token=${bridge.token}`, { origin: bridge.origin });
    await new Promise((r) => ws.on('open', r));
    const got = new Promise<unknown>((r) => ws.once('message', (m) => r(JSON.parse(String(m)))));
    const session = await login('agent02');
    await rpc({ method: 'calls.log', args: aCall() }, { authorization: `Bearer ${session}` });
    expect(await got).toEqual({ type: 'changed', method: 'calls.log', tables: ['calls'] });
    ws.close();
  });
});

const isIndex = (r: RawReply) => r.status === 200 && r.body.includes('<title>desk</title>');
const envelope = (r: RawReply) => JSON.parse(r.body) as { ok: boolean; error?: { code: string; message: string } };

/** How many `../` reach `/` from the static dir, plus two more, so a traversal would really get there. */
function upToRoot(): number {
  return realpathSync(staticDir).split(sep).filter(Boolean).length + 2;
}

describe('web bridge: no request ends the process', () => {
  async function stillServes(port = bridge.port): Promise<void> {
    expect(isIndex(await rawGet(port, '/'))).toBe(true);
  }

  it.each(['/%E0%A4%A', '/assets/%E0%A4%A', '/%ZZ', '/rpc%E0'])('answers the malformed path %s with a 400 envelope, then serves the next request', async (target) => {
    const r = await rawGet(bridge.port, target);
    expect(r.status).toBe(400);
    expect(envelope(r)).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    await stillServes();
  });

  it('never serves a file outside the root: raw, encoded and backslashed ../, to the real filesystem root', async () => {
    const up = upToRoot();
    const here = basename(dir.path);
    const attacks = [
      `/${'../'.repeat(up)}etc/passwd`,
      `/${'%2e%2e%2f'.repeat(up)}etc%2fpasswd`,
      `/${'%2E%2E/'.repeat(up)}etc/passwd`,
      `/${'..%2f'.repeat(up)}etc%2fpasswd`,
      `/${'..\\'.repeat(up)}etc\\passwd`,
      `/${'..%5c'.repeat(up)}etc%5cpasswd`,
      `/${'%2e%2e%5c'.repeat(up)}etc%5cpasswd`,
      '/../secret.txt',
      '/..%2fsecret.txt',
      '/%2e%2e/secret.txt',
      '/..%5csecret.txt',
      '/assets/..%2f..%2fsecret.txt',
      `/..%2f..%2f${here}%2fsecret.txt`,
      '/..%2fzhiban.db',
      '/%252e%252e%252fsecret.txt',
      // A symlink inside the root that points outside it.
      '/leak.txt',
      '/assets/../leak.txt',
    ];
    for (const target of attacks) {
      const r = await rawGet(bridge.port, target);
      expect([400, 404].includes(r.status) || isIndex(r), `${target} → ${r.status}`).toBe(true);
      expect(r.body, target).not.toMatch(/root:.*:0:0:/);
      expect(r.body, target).not.toContain(SECRET);
      expect(r.body, target).not.toContain('SQLite format');
    }
    // The same helper does reach files inside the root, so the loop above could have seen a leak.
    expect((await rawGet(bridge.port, '/assets/app.js')).body).toBe(ASSET);
    expect((await rawGet(bridge.port, '/leak.txt')).status).toBe(404);
  });

  it.each(['/%00', '/index.html%00.js', '/assets%00/app.js'])('refuses a NUL in the path (%s) with 400', async (target) => {
    const r = await rawGet(bridge.port, target);
    expect(r.status).toBe(400);
    expect(envelope(r)).toMatchObject({ ok: false, error: { code: 'bad_request' } });
  });

  it('serves the renderer with its headers, index.html for client routes, 503 text when not built', async () => {
    const index = await fetch(`${bridge.origin}/`);
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(index.headers.get('cache-control')).toBe('no-store');
    expect(index.headers.get('x-content-type-options')).toBe('nosniff');
    expect(index.headers.get('referrer-policy')).toBe('no-referrer');
    const asset = await fetch(`${bridge.origin}/assets/app.js`);
    expect(asset.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await asset.text()).toBe(ASSET);
    const head = await fetch(`${bridge.origin}/assets/app.js`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe(String(Buffer.byteLength(ASSET)));
    expect(await head.text()).toBe('');
    expect(await (await fetch(`${bridge.origin}/roster/2026-01`)).text()).toContain('<title>desk</title>');

    const unbuilt = await startWebBridge({ dispatch: host.dispatch, events: host.events, staticDir: join(dir.path, 'no-build') });
    try {
      const r = await fetch(`${unbuilt.origin}/`);
      expect(r.status).toBe(503);
      expect(await r.text()).toBe(UNBUILT_TEXT);
    } finally {
      await unbuilt.close();
    }
  });

  it('tells an unknown route (not_found) from an unknown method (unknown_method), and a wrong verb on /rpc is 405', async () => {
    const headers = { 'content-type': 'application/json', 'x-desk-token': bridge.token };
    const route = await fetch(`${bridge.origin}/nope`, { method: 'POST', headers, body: '{}' });
    expect(route.status).toBe(404);
    expect(await route.json()).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const method = await rpc({ method: 'nope', args: {} });
    expect(method.status).toBe(404);
    expect(method.body).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    for (const verb of ['GET', 'PUT', 'DELETE']) {
      const r = await fetch(`${bridge.origin}/rpc`, { method: verb, headers: { 'x-desk-token': bridge.token } });
      expect(r.status, verb).toBe(405);
      expect(r.headers.get('allow')).toBe('POST');
      expect(await r.json()).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    }
  });

  it.each([
    ['an array', []],
    ['a numeric method', { method: 1 }],
    ['array args', { method: 'session.login', args: [1] }],
    ['string args', { method: 'session.login', args: 'x' }],
    ['null', null],
  ])('refuses %s as the RPC body with 400 bad_request', async (_label, body) => {
    const r = await rpc(JSON.stringify(body));
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ ok: false, error: { code: 'bad_request' } });
  });

  it('answers an oversized body with 413 bad_request and keeps serving', async () => {
    const r = await rpc({ method: 'session.login', args: { username: 'a', password: 'x'.repeat(MAX_BODY_BYTES) } });
    expect(r.status).toBe(413);
    expect(r.body).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect((await rpc({ method: 'session.login', args: { username: 'agent01', password: DEMO_PASSWORD } })).status).toBe(200);
  });

  it.each(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x'])('answers the content type %s with 415 bad_request', async (type) => {
    const r = await rpc({ method: 'session.login', args: {} }, { 'content-type': type });
    expect(r.status).toBe(415);
    expect(r.body).toMatchObject({ ok: false, error: { code: 'bad_request' } });
  });

  it('accepts the localhost name and refuses a Host without our port, on /rpc and on static files', async () => {
    const ok = await rpc({ method: 'session.login', args: { username: 'agent01', password: DEMO_PASSWORD } }, { host: `localhost:${bridge.port}`, origin: `http://localhost:${bridge.port}` });
    expect(ok.status).toBe(200);
    const noPort = await rpc({ method: 'session.login', args: {} }, { host: '127.0.0.1' });
    expect(noPort.status).toBe(403);
    expect(noPort.body).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const page = await rawGet(bridge.port, '/', { host: `evil.example:${bridge.port}` });
    expect(page.status).toBe(403);
    expect(page.body).not.toContain('<title>');
  });

  it('upgrades /events only with our Host, our Origin and the token; refuses any other upgrade', async () => {
    const good = { host: `127.0.0.1:${bridge.port}`, origin: bridge.origin };
    const t = bridge.token;
    expect((await rawUpgrade(bridge.port, `/events?token=${t}`, good)).status).toBe(101);
    expect((await rawUpgrade(bridge.port, `/events?token=${t}`, { ...good, host: `evil.example:${bridge.port}` })).status).toBe(403);
    expect((await rawUpgrade(bridge.port, `/events?token=${t}`, { ...good, origin: 'https://evil.example' })).status).toBe(403);
    expect((await rawUpgrade(bridge.port, '/events?token=wrong', good)).status).toBe(403);
    expect((await rawUpgrade(bridge.port, '/events?token=%E0%A4%A', good)).status).toBe(403);
    expect((await rawUpgrade(bridge.port, `/other?token=${t}`, good)).status).toBe(403);
    expect((await rawUpgrade(bridge.port, `/rpc?token=${t}`, good)).status).toBe(403);
    await stillServes();
  });

  it('answers malformed HTTP on a raw socket and keeps serving', async () => {
    const garbage = await rawHttp(bridge.port, 'GARBAGE\r\n\r\n');
    expect(garbage.status).toBe(400);
    expect(envelope(garbage)).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    const badLength = await rawHttp(bridge.port, `POST /rpc HTTP/1.1\r\nHost: 127.0.0.1:${bridge.port}\r\nContent-Length: abc\r\n\r\n`);
    expect(badLength.status).toBe(400);
    const nulByte = await rawHttp(bridge.port, Buffer.from(`GET /a\0b HTTP/1.1\r\nHost: 127.0.0.1:${bridge.port}\r\n\r\n`, 'latin1'));
    expect(nulByte.status).toBe(400);
    const hugeHeader = await rawHttp(bridge.port, `GET / HTTP/1.1\r\nHost: 127.0.0.1:${bridge.port}\r\nX-Big: ${'a'.repeat(64 * 1024)}\r\n\r\n`);
    expect(hugeHeader.status).toBe(431);
    await stillServes();
  });

  it('survives a client that vanishes in the middle of an RPC body', async () => {
    const { connect } = await import('node:net');
    await new Promise<void>((resolve) => {
      const s = connect(bridge.port, '127.0.0.1', () => {
        // Reset once the head and part of the body are on the wire: the server is left mid-body.
        s.write(`POST /rpc HTTP/1.1\r\nHost: 127.0.0.1:${bridge.port}\r\nx-desk-token: ${bridge.token}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"method":`, () =>
          s.resetAndDestroy(),
        );
      });
      s.on('close', () => resolve());
      s.on('error', () => undefined);
    });
    expect((await rpc({ method: 'session.login', args: { username: 'agent01', password: DEMO_PASSWORD } })).status).toBe(200);
  });

  it('turns a throwing dispatch into a generic 500 internal, logged but not leaked', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const broken = await startWebBridge({
      dispatch: () => Promise.reject(new Error('db password is hunter2')),
      events: host.events,
      staticDir,
    });
    try {
      const r = await fetch(`${broken.origin}/rpc`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-desk-token': broken.token }, body: '{"method":"x"}' });
      expect(r.status).toBe(500);
      const body = await r.text();
      expect(JSON.parse(body)).toEqual({ ok: false, error: { code: 'internal', message: 'Internal error' } });
      expect(body).not.toContain('hunter2');
      expect(log).toHaveBeenCalled();
    } finally {
      log.mockRestore();
      await broken.close();
    }
  });

  it('close() ends open sockets and keep-alive connections and stops listening', async () => {
    const b = await startWebBridge({ dispatch: host.dispatch, events: host.events, staticDir });
    const ws = new WebSocket(`ws://127.0.0.1:${b.port}/events?token=${b.token}`, { origin: b.origin });
    await new Promise((r) => ws.on('open', r));
    const wsClosed = new Promise((r) => ws.on('close', r));
    expect((await fetch(`${b.origin}/`)).status).toBe(200); // leaves a keep-alive connection in the pool
    await b.close();
    await wsClosed;
    expect((await rawGet(b.port, '/')).error).toBe('ECONNREFUSED');
  });
});

describe('httpError: one mapping of framework errors for server and bridge', () => {
  it.each([
    [{ statusCode: 413, message: 'too large' }, 413, 'bad_request'],
    [{ statusCode: 415, code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE', message: 'x' }, 415, 'bad_request'],
    [{ statusCode: 400, message: 'bad json' }, 400, 'bad_request'],
    [{ statusCode: 405, message: 'verb' }, 405, 'bad_request'],
    [{ statusCode: 404, message: 'no' }, 404, 'not_found'],
    [{ statusCode: 403, message: 'no' }, 403, 'forbidden'],
    [{ statusCode: 429, message: 'slow down' }, 429, 'rate_limited'],
  ])('%o → %i %s with its message', (err, status, code) => {
    expect(httpError(err)).toEqual({ status, error: { code, message: err.message } });
  });

  it.each([[{ message: 'secret stack' }], [{ statusCode: 503, message: 'secret' }], [{ statusCode: 302, message: 'secret' }], [{ statusCode: 400.5, message: 'secret' }]])(
    '%o → 500 internal with a generic message',
    (err) => {
      expect(httpError(err)).toEqual({ status: 500, error: { code: 'internal', message: 'Internal error' } });
    },
  );
});

describe('the real web-mode process', () => {
  const procDir = tempDir('zhiban-web-proc-');
  let proc: WebProcess | null = null;
  afterAll(async () => {
    await proc?.stop();
    procDir.remove();
  });

  it('stays up and answering after malformed URLs, traversal, garbage HTTP and refused upgrades', { timeout: 120_000 }, async () => {
    const www = join(procDir.path, 'www');
    mkdirSync(www);
    writeFileSync(join(www, 'index.html'), '<!doctype html><title>desk</title>');
    proc = await startWebProcess(join(procDir.path, 'data'), www);
    const p = proc;
    const attacks: Array<[string, () => Promise<RawReply>, number]> = [
      ['bad percent-encoding', () => rawGet(p.port, '/%E0%A4%A'), 400],
      ['bad percent-encoding again', () => rawGet(p.port, '/assets/%C0%AF%E0%A4%A'), 400],
      ['NUL', () => rawGet(p.port, '/%00'), 400],
      ['traversal', () => rawGet(p.port, `/${'..%2f'.repeat(upToRoot() + 4)}etc%2fpasswd`), 404],
      ['garbage request line', () => rawHttp(p.port, 'GARBAGE\r\n\r\n'), 400],
      ['bad Content-Length', () => rawHttp(p.port, `POST /rpc HTTP/1.1\r\nHost: 127.0.0.1:${p.port}\r\nContent-Length: -1\r\n\r\n`), 400],
      ['oversized body without a token', () => rawHttp(p.port, `POST /rpc HTTP/1.1\r\nHost: 127.0.0.1:${p.port}\r\nContent-Type: application/json\r\nContent-Length: 99999999\r\n\r\n{`), 403],
      ['upgrade with a wrong token', () => rawUpgrade(p.port, '/events?token=nope', { host: `127.0.0.1:${p.port}` }), 403],
      ['upgrade to a malformed path', () => rawUpgrade(p.port, '/%E0%A4%A', { host: `127.0.0.1:${p.port}` }), 403],
    ];
    for (const [label, attack, status] of attacks) {
      const r = await attack();
      expect(r.status, `${label}\n${p.output()}`).toBe(status);
      expect(r.body).not.toMatch(/root:.*:0:0:/);
      expect(p.alive(), `${label} ended the process:\n${p.output()}`).toBe(true);
    }
    expect(isIndex(await rawGet(p.port, '/'))).toBe(true);
    const login = await fetch(`${p.origin}/rpc`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-desk-token': p.token },
      body: JSON.stringify({ method: 'session.login', args: { username: 'agent01', password: DEMO_PASSWORD } }),
    });
    expect(login.status).toBe(200);
    expect(p.alive()).toBe(true);
    await p.stop();
    expect(p.child.exitCode).toBe(0);
  });
});
