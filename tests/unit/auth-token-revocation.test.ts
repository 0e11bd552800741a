import { join } from 'node:path';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken } from '../../server/auth/server-sessions';
import { CLOSE_REPLACED, CLOSE_REVOKED, MAX_SOCKETS_PER_TOKEN } from '../../server/sync/poke-hub';
import { DEMO_PASSWORD } from '../../db/demo/demo-center';
import { api, ENGINE_CASES, serverLogin, startCentral, type RunningCentral } from './support/central';
import { openDesk } from './support/desks';
import { tempDir } from './support/tmp';

/**
 * Issue #15: deactivating a person ends their server sessions for good (reactivating them later does not
 * bring an old token back), and the poke sockets opened with a token close when it is revoked — by logout,
 * an administrator's revoke, a reset, the person's own password change (their other tokens) or
 * deactivation — with at most MAX_SOCKETS_PER_TOKEN per token. Real WebSockets against the real server.
 */
interface Poke {
  ws: WebSocket;
  closed: Promise<{ code: number; reason: string }>;
}

function openPoke(url: string, token: string): Promise<Poke> {
  const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/api/sync/poke?token=${encodeURIComponent(token)}`);
  const closed = new Promise<{ code: number; reason: string }>((resolve) => ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve({ ws, closed }));
    ws.once('error', reject);
  });
}

/** The socket's close, or a failure naming what did not happen in time. */
function closedWithin(p: Poke, ms = 3_000): Promise<{ code: number; reason: string }> {
  return Promise.race([p.closed, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`socket still open after ${ms} ms`)), ms))]);
}

/** Still open: it answers a ping. */
async function stillOpen(p: Poke): Promise<boolean> {
  if (p.ws.readyState !== WebSocket.OPEN) return false;
  return new Promise((resolve) => {
    const t = setTimeout(() => resolve(false), 1_000);
    p.ws.once('pong', () => {
      clearTimeout(t);
      resolve(true);
    });
    p.ws.ping();
  });
}

const personOf = async (central: RunningCentral, username: string) => {
  const admin = await serverLogin(central.url, 'admin');
  const p = ((await api(central.url, '/api/v1/org.people', {}, admin)).body.value as { username: string; userId: string; displayName: string; role: string; teamId: string | null; jobType: string; skillLevel: number; seat: string }[]).find((x) => x.username === username)!;
  return { userId: p.userId, displayName: p.displayName, role: p.role, teamId: p.teamId, jobType: p.jobType, skillLevel: p.skillLevel, seat: p.seat };
};

describe.each(ENGINE_CASES)('on $name', (engine) => {
  const dir = tempDir();
  let central: RunningCentral;
  let admin: string;
  beforeAll(async () => {
    if (engine.skip) return;
    central = await startCentral(engine, join(dir.path, 'server'));
    admin = await serverLogin(central.url, 'admin');
  });
  afterAll(async () => {
    await central?.stop();
    dir.remove();
  });
  const me = (token: string) => api(central.url, '/api/v1/session.me', {}, token);
  const setActive = async (username: string, active: boolean) => {
    const r = await api(central.url, '/api/v1/org.updatePerson', { ...(await personOf(central, username)), active }, admin);
    expect(r.status).toBe(200);
  };

  describe.skipIf(engine.skip !== null)('tokens', () => {
    it('deactivation revokes a person’s tokens, and reactivation does not bring them back', async () => {
      const token = await serverLogin(central.url, 'agent06');
      expect((await me(token)).status).toBe(200);
      await setActive('agent06', false);
      await expect.poll(async () => (await me(token)).status).toBe(401);
      await setActive('agent06', true);
      expect((await me(token)).status).toBe(401);
      // The person signs in again and works.
      expect((await me(await serverLogin(central.url, 'agent06'))).status).toBe(200);
    });

    it('also when the deactivation comes from a desk’s push, or from an import', async () => {
      const token = await serverLogin(central.url, 'agent07');
      const desk = await openDesk(central.url, join(dir.path, 'admin-desk'), 'admin');
      try {
        const p = await personOf(central, 'agent07');
        expect(await desk.host.dispatch('org.updatePerson', { ...p, active: false }, desk.token)).toMatchObject({ ok: true });
        await desk.host.sync.syncNow();
        await expect.poll(async () => (await me(token)).status).toBe(401);
        expect(await desk.host.dispatch('org.updatePerson', { ...p, active: true }, desk.token)).toMatchObject({ ok: true });
        await desk.host.sync.syncNow();
        expect((await me(token)).status).toBe(401);
      } finally {
        await desk.host.close();
      }
      const viaImport = await serverLogin(central.url, 'agent08');
      const p8 = await personOf(central, 'agent08');
      const row = { username: 'agent08', displayName: p8.displayName, role: p8.role, teamId: p8.teamId, jobType: p8.jobType, skillLevel: p8.skillLevel, seat: p8.seat };
      expect((await api(central.url, '/api/v1/org.importPeople', { people: [{ ...row, active: false }], initialPassword: null }, admin)).status).toBe(200);
      await expect.poll(async () => (await me(viaImport)).status).toBe(401);
      await api(central.url, '/api/v1/org.importPeople', { people: [{ ...row, active: true }], initialPassword: null }, admin);
      expect((await me(viaImport)).status).toBe(401);
    });
  });

  describe.skipIf(engine.skip !== null)('poke sockets', () => {
    it('close when their token signs out, and only theirs', async () => {
      const a = await serverLogin(central.url, 'agent01');
      const b = await serverLogin(central.url, 'agent01');
      const [pa, pb] = [await openPoke(central.url, a), await openPoke(central.url, b)];
      expect((await api(central.url, '/api/v1/session.logout', {}, a)).status).toBe(200);
      expect(await closedWithin(pa)).toEqual({ code: 4401, reason: 'token revoked' });
      expect(await stillOpen(pb)).toBe(true);
      pb.ws.close();
    });

    it('close when an administrator revokes the person, resets their password, or deactivates them', async () => {
      const other = await openPoke(central.url, await serverLogin(central.url, 'agent02'));
      const revoked = await openPoke(central.url, await serverLogin(central.url, 'agent03'));
      expect((await api(central.url, '/api/v1/session.revokeUser', { userId: 'user-agent03' }, admin)).body.value.revoked).toBeGreaterThanOrEqual(1);
      expect((await closedWithin(revoked)).code).toBe(CLOSE_REVOKED);

      const reset = await openPoke(central.url, await serverLogin(central.url, 'agent04'));
      expect((await api(central.url, '/api/v1/org.setPassword', { userId: 'user-agent04', password: 'Orchard-Beacon-63' }, admin)).status).toBe(200);
      expect((await closedWithin(reset)).code).toBe(CLOSE_REVOKED);

      const leaver = await openPoke(central.url, await serverLogin(central.url, 'agent05'));
      await setActive('agent05', false);
      expect((await closedWithin(leaver)).code).toBe(CLOSE_REVOKED);
      await setActive('agent05', true);

      expect(await stillOpen(other)).toBe(true);
      other.ws.close();
    });

    it('close for the person’s other tokens when they change their password; the changing session keeps its own', async () => {
      const mine = await serverLogin(central.url, 'agent09');
      const elsewhere = await serverLogin(central.url, 'agent09');
      const [pm, pe] = [await openPoke(central.url, mine), await openPoke(central.url, elsewhere)];
      const r = await api(central.url, '/api/v1/session.changePassword', { currentPassword: DEMO_PASSWORD, newPassword: 'Meadow-Compass-52' }, mine);
      expect(r.status).toBe(200);
      expect((await closedWithin(pe)).code).toBe(CLOSE_REVOKED);
      expect(await stillOpen(pm)).toBe(true);
      pm.ws.close();
    });

    it('are capped at 4 per token: a newer one closes the oldest', async () => {
      const token = await serverLogin(central.url, 'lead01');
      const socks: Poke[] = [];
      for (let i = 0; i < 6; i++) socks.push(await openPoke(central.url, token));
      expect(await closedWithin(socks[0]!)).toEqual({ code: 4409, reason: 'replaced by a newer socket' });
      expect((await closedWithin(socks[1]!)).code).toBe(CLOSE_REPLACED);
      for (const s of socks.slice(2)) expect(await stillOpen(s)).toBe(true);
      expect(central.server.hub.countFor(hashToken(token))).toBe(4);
      expect(MAX_SOCKETS_PER_TOKEN).toBe(4);
      // Another token of the same person has its own allowance.
      const second = await openPoke(central.url, await serverLogin(central.url, 'lead01'));
      expect(await stillOpen(second)).toBe(true);
      for (const s of [...socks.slice(2), second]) s.ws.close();
    });
  });
});
