import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { WebSocketServer } from 'ws';
import { DeskError, type WireError } from '../shared/api/errors';
import { api, isMethodName, type MethodName } from '../shared/api/table';
import { allowedBeforePasswordChange, mustChangePasswordError } from '../shared/auth/password-change';
import { HTTP_STATUS } from '../shared/api/http-status';
import { httpError, routeNotFound } from '../shared/api/http-error';
import { PullRequestSchema, PushRequestSchema } from '../shared/sync/protocol';
import { zodIssues } from '../shared/api/zod-issues';
import { createDispatch, type Dispatch, type MutationHooks } from '../db/dispatch';
import type { CentralStore } from './store';
import { resolveServerSession, revokeSessionsOfInactive } from './auth/server-sessions';
import { LoginLimiter } from './auth/login-limiter';
import { rateLimitedLogin } from '../shared/auth/password-change';
import { serverHandlers, serverSessionHandlers } from './handlers';
import { serverOnlineHandlers } from './online-handlers';
import { openApiDocument } from './openapi';
import { ensureCenterId } from './center-id';
import { processPull } from './sync/pull';
import { processPush, PushCommitter, PushRefused } from './sync/push';
import { PokeHub } from './sync/poke-hub';
import { postgresBus, soloBus } from './sync/poke-bus';
import { rowsWritten, takeVersion } from './sync/versions';
import { createWriter } from '../db/sync/writer';
import { isDatabaseUnavailable } from '../db/unavailable';
import { loggableError } from '../db/sync/logged-error';
import { appendAudit } from '../db/audit/chain';
import { serverAuditRecorder } from './audit/record';
import { SYNCED_TABLES, type SyncedTable } from '../db/sync/synced-tables';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BlobStore } from '../db/recordings/blob-store';
import { recordingMaxBytes } from '../db/recordings/intake';
import { recordingRoutes } from './recordings';

export const SERVER_BODY_LIMIT = 2 * 1024 * 1024;


export interface ServerOptions {
  store: CentralStore;
  clock: () => Date;
  appVersion: string;
  loginLimiter?: LoginLimiter;
  /**
   * Addresses of reverse proxies whose `X-Forwarded-For` names the real client (login throttling per address).
   * Default: `ZHIBAN_TRUSTED_PROXY` (comma-separated IPs or CIDRs); none trusted when unset.
   */
  trustedProxies?: readonly string[];
  /** This center's id (server/center-id.ts); read from the database at the first health check when not given. */
  centerId?: string;
  /** Where recordings' bytes live (content-addressed files); a fresh temporary directory when not given (tests). */
  recordingsDir?: string;
  /** Largest recording accepted; default ZHIBAN_RECORDING_MAX_MB or 50 MB. */
  recordingMaxBytes?: number;
  /** How pushes are applied: processPush; a benchmark runs the path it replaced beside it (bench/load). */
  push?: typeof processPush;
}

export interface CentralServer {
  app: FastifyInstance;
  hub: PokeHub;
  dispatch: Dispatch;
  /** Pushes from many desks committed together (bench/load reads its stats). */
  pushes: PushCommitter;
}

function bearer(req: FastifyRequest): string | undefined {
  const h = req.headers.authorization;
  return h?.startsWith('Bearer ') ? h.slice(7) : undefined;
}

function sendError(reply: FastifyReply, status: number, error: WireError) {
  return reply.code(status).send({ ok: false, error });
}

/** The central server: integrator API, push/pull, poke socket, OpenAPI, health. Storage is injected. */
export function buildServer(o: ServerOptions): CentralServer {
  const { db } = o.store;
  const hub = new PokeHub();
  const limiter = o.loginLimiter ?? new LoginLimiter();
  const pokeLocal = (written: ReadonlyMap<SyncedTable, ReadonlySet<string>>) =>
    void rowsWritten(db, written)
      .then((changes) => hub.pokeFor(changes))
      .catch((err: unknown) => console.error('poke failed', loggableError(err)));
  // Other server processes on the same PostgreSQL hear of this one's commits and revocations (LISTEN/NOTIFY).
  const bus =
    o.store.engine === 'postgres' && o.store.databaseUrl
      ? postgresBus({
          db,
          url: o.store.databaseUrl,
          onNotice: (n) => {
            if (n.revoked.length) hub.closeTokens(n.revoked);
            if (n.written) pokeLocal(new Map(Object.entries(n.written).filter(([t]) => t in SYNCED_TABLES).map(([t, keys]) => [t as SyncedTable, new Set(keys)])));
            else if (n.tables.length) hub.pokeTables(n.tables);
          },
          onReconnect: () => hub.pokeAll(),
        })
      : soloBus;
  const revoked = (hashes: readonly string[]) => {
    hub.closeTokens(hashes);
    if (hashes.length) bus.publish({ written: {}, tables: [], revoked: [...hashes] });
  };
  const deps = { db, clock: o.clock, appVersion: o.appVersion, revoked };
  const handlers = serverHandlers();

  // After commit, from the keys the commit's writer recorded: no scan, and each commit pokes for itself.
  const poke = (written: ReadonlyMap<SyncedTable, ReadonlySet<string>>) => {
    if (written.size === 0) return;
    pokeLocal(written);
    bus.publish({ written: Object.fromEntries([...written].map(([t, keys]) => [t, [...keys]])), tables: [...written.keys()], revoked: [] });
    // People written (an edit, an import): whoever is now inactive loses every token and socket.
    const people = written.get('users');
    if (people?.size)
      void revokeSessionsOfInactive(db, people, o.clock())
        .then(revoked)
        .catch((err: unknown) => console.error('revoking sessions of deactivated people failed', loggableError(err)));
  };

  /**
   * The session's person, as the database has them now; a session whose password must be changed may make
   * only that change (and sign out): anything else is `forbidden` (err.mustChangePassword). `method` absent:
   * push, pull and the poke socket.
   */
  const resolveActor = async (token: string | undefined, method?: MethodName) => {
    const session = await resolveServerSession(db, token, o.clock());
    if (!session) return null;
    if (session.mustChangePassword && !allowedBeforePasswordChange(method)) throw mustChangePasswordError();
    return session.actor;
  };

  // Integrator calls are mutations like any pushed one: versioned, logged under "api:<user>", poked.
  const mutations: MutationHooks = {
    async begin(tx, m) {
      const version = await takeVersion(tx);
      const now = o.clock().toISOString();
      const writer = createWriter(tx, { version, undo: null });
      return {
        now,
        writer,
        finish: async () => {
          const clientId = `api:${m.actor.userId}`;
          if (api[m.method].audit) await appendAudit(tx, writer, { at: now, actorId: m.actor.userId, action: m.method, subject: m.input, outcome: 'applied', clientId });
          const last = await tx.selectFrom('mutation_log').select((eb) => eb.fn.max('id').as('m')).where('client_id', '=', clientId).executeTakeFirst();
          await tx
            .insertInto('mutation_log')
            .values({ client_id: clientId, id: Number(last?.m ?? 0) + 1, name: m.method, args: JSON.stringify(m.input), actor_id: m.actor.userId, acted_at: now, received_at: now, status: 'applied', code: null, rule_ids: null, params: null, message: null })
            .execute();
        },
      };
    },
    committed: (m) => poke(m.rows),
  };
  const audit = serverAuditRecorder(db, poke);
  const onlineHandlers = serverOnlineHandlers({ db, clock: o.clock, poke, limiter, revoked });
  const dispatch = createDispatch({ db, handlers, sessionHandlers: serverSessionHandlers(deps), onlineHandlers, resolveActor, mutations, clock: o.clock });

  // X-Forwarded-For is believed only from a configured proxy: otherwise any client could pick its own address.
  const trustedProxies = o.trustedProxies ?? (process.env.ZHIBAN_TRUSTED_PROXY ?? '').split(/[\s,]+/).filter(Boolean);
  const app = Fastify({ bodyLimit: SERVER_BODY_LIMIT, logger: false, trustProxy: trustedProxies.length > 0 ? [...trustedProxies] : false });
  // JSON only: anything else is a 415, not a string handed to the schemas.
  app.removeContentTypeParser('text/plain');
  app.addHook('onClose', () => bus.close());

  app.setErrorHandler((err: { statusCode?: number; code?: string; message: string }, _req, reply) => {
    // A dropped or full database is not the request's fault: 503, so desks keep the work and retry.
    if (isDatabaseUnavailable(err)) return sendError(reply, 503, { code: 'unavailable', message: 'The database is unavailable right now; try again' });
    const { status, error } = httpError(err);
    if (status === 500) console.error(loggableError(err));
    return sendError(reply, status, error);
  });
  app.setNotFoundHandler((req, reply) => {
    const { status, error } = routeNotFound(req.method, req.url);
    return sendError(reply, status, error);
  });

  // Kept once known, so even a degraded answer still says which center this is.
  let centerId = o.centerId ?? null;
  // Reads and writes are probed separately: a full disk or a read-only standby still answers reads, and
  // a server that cannot write must say so (503 "degraded") so a load balancer or a person notices.
  app.get('/api/health', async (_req, reply) => {
    const base = { engine: o.store.engine, version: o.appVersion };
    try {
      await db.selectFrom('sync_state').select('version').executeTakeFirstOrThrow();
      centerId ??= await ensureCenterId(db);
    } catch {
      return reply.code(503).send({ status: 'down', db: 'down', writes: 'unknown', ...base, ...(centerId ? { centerId } : {}) });
    }
    try {
      await db
        .insertInto('zb_meta')
        .values({ key: 'health_probe', value: o.clock().toISOString() })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value: (eb) => eb.ref('excluded.value') }))
        .execute();
      return { status: 'ok', db: 'ok', writes: 'ok', ...base, centerId };
    } catch (err) {
      console.error('health: writes fail', (err as { code?: string }).code ?? (err as Error).message);
      return reply.code(503).send({ status: 'degraded', db: 'ok', writes: 'failing', ...base, centerId });
    }
  });

  // Made on first request: turning every method's schema into JSON Schema is most of a start's CPU otherwise.
  let doc: ReturnType<typeof openApiDocument> | null = null;
  app.get('/api/openapi.json', async () => (doc ??= openApiDocument(o.appVersion)));

  app.post<{ Params: { method: string } }>('/api/v1/:method', async (req, reply) => {
    const method = req.params.method;
    if (!isMethodName(method)) return sendError(reply, 404, { code: 'unknown_method', message: `Unknown method: ${method.slice(0, 100)}` });
    // A sign-in reserves its guess before the password is checked (limiter.ts): per account with backoff,
    // per address only as a flood guard. The username counts as sign-in compares it (normaliseUsername).
    let guess: ReturnType<LoginLimiter['reserve']> | null = null;
    if (method === 'session.login') {
      const username = typeof (req.body as { username?: unknown } | null)?.username === 'string' ? (req.body as { username: string }).username : '';
      guess = limiter.reserve(username, req.ip);
      if (!guess.ok) {
        const wait = guess.retryAfterSeconds;
        return reply.header('retry-after', String(wait)).code(429).send({ ok: false, error: rateLimitedLogin(wait, guess.reason).wire });
      }
    }
    let result;
    try {
      result = await dispatch(method, req.body, bearer(req));
    } finally {
      if (guess?.ok) guess.settle(!result ? 'void' : result.ok ? 'success' : result.error.code === 'unauthenticated' ? 'failure' : 'void');
    }
    // Sign-ins, and sign-ins refused for a wrong password, go to the audit log with where they came from.
    if (method === 'session.login' && (result.ok || result.error.code === 'unauthenticated')) {
      const body = req.body as { username?: unknown; deskId?: unknown };
      await audit({
        at: o.clock().toISOString(),
        actorId: result.ok ? (result.value as { actor: { userId: string } }).actor.userId : null,
        action: 'session.login',
        subject: { username: String(body.username ?? '').slice(0, 64), deskId: typeof body.deskId === 'string' ? body.deskId.slice(0, 64) : null, address: req.ip },
        outcome: result.ok ? 'success' : 'failure',
        clientId: null,
      });
    }
    return reply.code(result.ok ? 200 : HTTP_STATUS[result.error.code]).send(result);
  });

  const authed = async (req: FastifyRequest, reply: FastifyReply) => {
    let actor;
    try {
      actor = await resolveActor(bearer(req));
    } catch (err) {
      if (!(err instanceof DeskError)) throw err;
      await sendError(reply, HTTP_STATUS[err.wire.code], err.wire); // forbidden until the password is changed
      return null;
    }
    if (!actor) {
      await sendError(reply, 401, { code: 'unauthenticated', message: 'Missing, expired or revoked token' });
      return null;
    }
    return actor;
  };

  // Without a data directory (tests, embedded uses) recordings live in a scratch folder that goes with the server.
  const scratchRecordings = o.recordingsDir ? null : mkdtempSync(join(tmpdir(), 'zhiban-recordings-'));
  if (scratchRecordings) app.addHook('onClose', async () => rmSync(scratchRecordings, { recursive: true, force: true }));
  const blobs = new BlobStore(o.recordingsDir ?? scratchRecordings!);
  void app.register((scope) => recordingRoutes(scope, { db, clock: o.clock, blobs, maxBytes: o.recordingMaxBytes ?? recordingMaxBytes(), authed, poke }));

  // Pushes that arrive while a commit is in flight share the next one (group commit, DECISIONS.md).
  const pushes = new PushCommitter(db, handlers, o.clock, poke);
  app.post('/api/sync/push', async (req, reply) => {
    const actor = await authed(req, reply);
    if (!actor) return reply;
    const parsed = PushRequestSchema.safeParse(req.body);
    if (!parsed.success) return sendError(reply, 400, { code: 'invalid_input', message: 'Malformed push', fields: zodIssues(parsed.error) });
    try {
      return await (o.push ? o.push(db, handlers, actor.userId, parsed.data, o.clock, poke) : pushes.push(actor.userId, parsed.data));
    } catch (err) {
      if (err instanceof PushRefused) return sendError(reply, err.status, err.wire);
      throw err;
    }
  });

  app.post('/api/sync/pull', async (req, reply) => {
    const actor = await authed(req, reply);
    if (!actor) return reply;
    const parsed = PullRequestSchema.safeParse(req.body);
    if (!parsed.success) return sendError(reply, 400, { code: 'invalid_input', message: 'Malformed pull', fields: zodIssues(parsed.error) });
    try {
      return await processPull(db, actor, parsed.data, o.clock());
    } catch (err) {
      if (err instanceof PushRefused) return sendError(reply, err.status, err.wire);
      throw err;
    }
  });

  // Poke socket: a desk listens here and pulls when told. Token in the query (sockets carry no headers from browsers).
  const wss = new WebSocketServer({ noServer: true, maxPayload: 1024 });
  app.server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://server');
    if (url.pathname !== '/api/sync/poke') return socket.destroy();
    const token = url.searchParams.get('token') ?? undefined;
    void resolveServerSession(db, token, o.clock())
      .then((session) => {
        if (!session) return socket.end('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\n\r\n');
        if (session.mustChangePassword) return socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
        wss.handleUpgrade(req, socket, head, (ws) => {
          // At most MAX_SOCKETS_PER_TOKEN per token (the oldest closes); a revocation closes them all.
          hub.add(ws, session.actor, session.tokenHash);
          // Revoked while this upgrade was under way: the revocation did not see this socket, so look again.
          // (A failure here, e.g. the store closing under a stopping server, leaves the socket as admitted.)
          void resolveServerSession(db, token, o.clock())
            .then((still) => !still && hub.closeTokens([session.tokenHash]))
            .catch(() => undefined);
        });
      })
      .catch((err: unknown) => {
        console.error('poke socket upgrade failed', loggableError(err));
        socket.destroy();
      });
  });
  // Before the HTTP server waits for its connections: upgraded sockets would keep it open forever.
  app.addHook('preClose', async () => {
    hub.closeAll();
    wss.close();
  });

  return { app, hub, dispatch, pushes };
}
