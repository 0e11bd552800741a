import { timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import Fastify, { type FastifyError } from 'fastify';
import type { WireError } from '../../shared/api/errors';
import { zodIssues } from '../../shared/api/zod-issues';
import { TELEPHONY_BURST, TELEPHONY_PER_SECOND, TelephonyEventSchema } from '../../shared/calls/telephony';
import type { DeskEvents } from './events';

export interface TelephonyHookOptions {
  /** The secret the phone system sends as `Authorization: Bearer …` (ZHIBAN_TELEPHONY_TOKEN). */
  token: string;
  events: DeskEvents;
  clock: () => Date;
  port?: number;
}

export interface RunningTelephonyHook {
  url: string;
  port: number;
  close(): Promise<void>;
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** A token bucket: `burst` at once, refilled at `perSecond`; the clock is the desk's (tests pin it). */
export function rateLimiter(burst: number, perSecond: number, now: () => number): () => boolean {
  let tokens = burst;
  let last = now();
  return () => {
    const t = now();
    tokens = Math.min(burst, tokens + ((t - last) / 1000) * perSecond);
    last = t;
    if (tokens < 1) return false;
    tokens -= 1;
    return true;
  };
}

/**
 * The screen-pop endpoint for the center's phone system: POST /telephony/events with a bearer token, on the
 * loopback interface only (the phone system's connector runs on the agent's PC). Each valid event becomes a
 * desk event the renderer turns into a prefilled call log (ringing) or a stopped timer (ended). Bad input
 * is a 400 with field issues, a missing or wrong token a 401, a flood a 429; nothing reaches the database.
 */
export async function startTelephonyHook(o: TelephonyHookOptions): Promise<RunningTelephonyHook> {
  const allow = rateLimiter(TELEPHONY_BURST, TELEPHONY_PER_SECOND, () => o.clock().getTime());
  const app = Fastify({ logger: false, bodyLimit: 4096, forceCloseConnections: true });
  const fail = (status: number, error: WireError) => ({ status, body: { ok: false as const, error } });
  app.post('/telephony/events', async (req, reply) => {
    const auth = req.headers.authorization;
    const r = (() => {
      if (typeof auth !== 'string' || !auth.startsWith('Bearer ') || !sameSecret(auth.slice(7), o.token)) return fail(401, { code: 'unauthenticated', message: 'Missing or wrong telephony token' });
      if (!allow()) return fail(429, { code: 'rate_limited', message: `More than ${TELEPHONY_PER_SECOND} events a second` });
      const parsed = TelephonyEventSchema.safeParse(req.body);
      if (!parsed.success) return fail(400, { code: 'invalid_input', message: 'Invalid telephony event', fields: zodIssues(parsed.error) });
      const e = parsed.data;
      o.events.emit({ type: 'telephony', event: e.event, callId: e.callId, phone: e.phone ?? '', at: e.at ?? o.clock().toISOString() });
      return { status: 202, body: { ok: true as const } };
    })();
    return reply.code(r.status).header('cache-control', 'no-store').send(r.body);
  });
  app.setNotFoundHandler((_req, reply) => reply.code(404).send({ ok: false, error: { code: 'not_found', message: 'POST /telephony/events' } }));
  app.setErrorHandler((err: FastifyError, _req, reply) => reply.code(err.statusCode && err.statusCode < 500 ? err.statusCode : 400).send({ ok: false, error: { code: 'bad_request', message: 'Send a JSON body' } }));
  await app.listen({ port: o.port ?? 0, host: '127.0.0.1' });
  const port = (app.server.address() as AddressInfo).port;
  return { url: `http://127.0.0.1:${port}/telephony/events`, port, close: () => app.close().then(() => undefined) };
}

/**
 * The hook as a desk configures it, the same in web mode and in Electron: only when the center gave this desk
 * a token (ZHIBAN_TELEPHONY_TOKEN), on ZHIBAN_TELEPHONY_PORT or a free port.
 */
export async function startTelephonyFromEnv(env: NodeJS.ProcessEnv, events: DeskEvents, clock: () => Date): Promise<RunningTelephonyHook | null> {
  const token = env.ZHIBAN_TELEPHONY_TOKEN;
  if (!token) return null;
  const hook = await startTelephonyHook({ token, events, clock, port: Number(env.ZHIBAN_TELEPHONY_PORT ?? 0) });
  console.log(`Zhiban telephony hook: ${hook.url}`);
  return hook;
}
