import { request } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startDeskHost, type DeskHost } from '../../electron/backend/desk-host';
import { startWebBridge, MAX_BODY_BYTES, type RunningBridge } from '../../electron/backend/bridge/web-bridge';
import { DEMO_PASSWORD } from '../../db/demo/demo-center';
import { aCall } from './support/calls';
import { tempDir } from './support/tmp';

const dir = tempDir();
let host: DeskHost;
let bridge: RunningBridge;
const staticDir = join(dir.path, 'static');

beforeAll(async () => {
  mkdirSync(staticDir);
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>desk</title>');
  host = await startDeskHost({ dataDir: dir.path, demo: true });
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
