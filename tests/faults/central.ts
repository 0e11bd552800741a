import { join } from 'node:path';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from '../../db/schema';
import { openCentralStore } from '../../server/store';
import { spawnReady, type Proc } from './proc';
import { SERVER_ENTRY } from '../../build/bundle-node.mjs';
import type { FaultProxy } from './proxy';

/**
 * The central server process (`server/main.ts`, compiled to out/server/main.mjs) of one leg: PGlite in a data dir, or PostgreSQL in a scratch
 * database. Every (re)start gets a free port and the desks' proxies follow it, so a desk keeps its server URL.
 */
export class Central {
  proc: Proc | null = null;
  url = '';
  starts = 0;
  /** A (re)start in progress, awaited before anything needs the server. */
  private starting: Promise<void> | null = null;
  private stopping = false;
  /** Told when the server ends without the harness having stopped or killed it (a crash). */
  onCrash: (how: string, tail: string) => void = () => {};

  constructor(
    readonly engine: 'pglite' | 'postgres',
    readonly dataDir: string,
    /** The scratch database's URL (postgres leg). */
    readonly databaseUrl: string | null,
    private readonly env: NodeJS.ProcessEnv,
    private readonly logDir: string,
    private readonly proxies: () => FaultProxy[],
  ) {}

  get database(): string | null {
    return this.databaseUrl ? new URL(this.databaseUrl).pathname.slice(1) : null;
  }

  running(): boolean {
    return this.proc?.alive() ?? false;
  }

  /** Starts the server (in the background when `wait` is false: desks work offline meanwhile). */
  start(): Promise<void> {
    this.starting ??= (async () => {
      this.starts++;
      const { DATABASE_URL: _drop, ...base } = this.env;
      const env = this.databaseUrl ? { ...base, DATABASE_URL: this.databaseUrl } : base;
      this.proc = await spawnReady({
        args: [SERVER_ENTRY, '--port', '0', '--data-dir', this.dataDir],
        env,
        ready: /ready: (http\S+)/,
        logFile: join(this.logDir, 'server.log'),
        timeoutMs: 180_000,
      });
      this.stopping = false;
      const proc = this.proc;
      void proc.exited.then((how) => {
        if (!this.stopping && this.proc === proc) this.onCrash(how, proc.tail());
      });
      this.url = this.proc.ready;
      const port = Number(new URL(this.url).port);
      for (const p of this.proxies()) p.upstreamPort = port;
    })().finally(() => {
      this.starting = null;
    });
    return this.starting;
  }

  async ready(): Promise<void> {
    await this.starting;
    if (!this.running()) await this.start();
  }

  async kill9(): Promise<void> {
    await this.starting?.catch(() => undefined);
    this.stopping = true;
    await this.proc?.kill9();
  }

  async stop(): Promise<void> {
    await this.starting?.catch(() => undefined);
    this.stopping = true;
    await this.proc?.stop();
  }

  /** GET /api/health straight to the server (not through a desk's proxy): its status code, 0 if unreachable. */
  async health(): Promise<number> {
    if (!this.url) return 0;
    try {
      const r = await fetch(`${this.url}/api/health`, { signal: AbortSignal.timeout(5_000) });
      await r.text();
      return r.status;
    } catch {
      return 0;
    }
  }

  async post(path: string, body: unknown, token?: string): Promise<{ status: number; body: unknown }> {
    const r = await fetch(`${this.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: typeof body === 'string' ? body : JSON.stringify(body),
      signal: AbortSignal.timeout(60_000),
    });
    const text = await r.text();
    let json: unknown = null;
    try {
      json = JSON.parse(text);
    } catch {
      json = text;
    }
    return { status: r.status, body: json };
  }

  /**
   * The server's database, for the checks. PostgreSQL: a connection of the harness's own, while the server
   * runs. PGlite allows one process per data dir, so the server is stopped cleanly first (the caller has
   * already taken what it needs from the running server) and stays stopped.
   */
  async withDb<T>(f: (db: Kysely<Database>) => Promise<T>): Promise<T> {
    if (this.engine === 'postgres') {
      const pool = new pg.Pool({ connectionString: this.databaseUrl!, max: 2 });
      pool.on('error', () => undefined);
      const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
      try {
        return await f(db);
      } finally {
        await db.destroy();
      }
    }
    await this.stop();
    const store = await openCentralStore({ dataDir: this.dataDir });
    try {
      return await f(store.db);
    } finally {
      await store.close();
    }
  }
}
