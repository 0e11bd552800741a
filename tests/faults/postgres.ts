import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { chownSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import pg from 'pg';

/**
 * The PostgreSQL leg's cluster. Restarting a cluster other people's test runs use would break them, so
 * when the binaries are here (Debian's postgresql, run as root or postgres) the harness makes a throwaway
 * cluster of its own, as build/ci-postgres.sh does, and restarts and terminates only that. Otherwise it
 * uses DATABASE_URL's cluster with a scratch database and leaves restarts out (said in the report).
 */
export interface PgCluster {
  /** Base URL (database `postgres`) for createScratchDatabase. */
  baseUrl: string;
  /** Why restarts cannot be injected here, or null when they can. */
  restartSkip: string | null;
  restart(): Promise<void>;
  /** pg_terminate_backend of every connection to `database` (the server's), none of anyone else's. */
  terminate(database: string): Promise<number>;
  stop(): Promise<void>;
}

const PG_ROOT = '/usr/lib/postgresql';

function pgBin(): string | null {
  if (!existsSync(PG_ROOT)) return null;
  const versions = readdirSync(PG_ROOT)
    .filter((v) => existsSync(join(PG_ROOT, v, 'bin', 'pg_ctl')))
    .sort((a, b) => Number(a) - Number(b));
  return versions.length ? join(PG_ROOT, versions[versions.length - 1]!, 'bin') : null;
}

const isRoot = () => process.getuid?.() === 0;

function asPg(bin: string, args: string[]): string {
  const cmd = isRoot() ? 'runuser' : bin;
  const argv = isRoot() ? ['-u', 'postgres', '--', bin, ...args] : args;
  return execFileSync(cmd, argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 });
}

/** The same, without blocking the harness's event loop (its proxies keep relaying meanwhile). */
async function asPgAsync(bin: string, args: string[]): Promise<void> {
  const cmd = isRoot() ? 'runuser' : bin;
  const argv = isRoot() ? ['-u', 'postgres', '--', bin, ...args] : args;
  await promisify(execFile)(cmd, argv, { encoding: 'utf8', timeout: 120_000 });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

async function terminateIn(baseUrl: string, database: string): Promise<number> {
  const c = new pg.Client({ connectionString: baseUrl });
  c.on('error', () => undefined);
  await c.connect();
  try {
    const r = await c.query('select pg_terminate_backend(pid) as t from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()', [database]);
    return r.rowCount ?? 0;
  } finally {
    await c.end().catch(() => undefined);
  }
}

export async function startPgCluster(root: string, fallbackUrl: string): Promise<PgCluster> {
  const bin = pgBin();
  const postgresUid = (() => {
    try {
      return Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
    } catch {
      return null; // no postgres user here
    }
  })();
  const canOwn = bin !== null && postgresUid !== null && (isRoot() || process.getuid?.() === postgresUid);
  if (!canOwn) {
    return {
      baseUrl: fallbackUrl,
      restartSkip: 'no private cluster could be made here (PostgreSQL binaries and root or the postgres user needed), and DATABASE_URL’s shared cluster is not restarted under other people’s tests',
      restart: async () => {
        throw new Error('restart not available');
      },
      terminate: (db) => terminateIn(fallbackUrl, db),
      stop: async () => {},
    };
  }
  const dir = join(root, 'pgdata');
  const sock = join(root, 'pgsock');
  mkdirSync(dir, { recursive: true });
  mkdirSync(sock, { recursive: true });
  if (isRoot()) {
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    for (const d of [root, dir, sock]) chownSync(d, postgresUid!, gid);
  }
  asPg(join(bin, 'initdb'), ['-D', dir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
  const port = await freePort();
  const opts = `-p ${port} -k ${sock} -c listen_addresses=127.0.0.1 -c fsync=off`;
  asPg(join(bin, 'pg_ctl'), ['-D', dir, '-l', join(dir, 'server.log'), '-w', '-o', opts, 'start']);
  const baseUrl = `postgres://postgres@127.0.0.1:${port}/postgres`;
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    try {
      asPg(join(bin, 'pg_ctl'), ['-D', dir, '-m', 'immediate', '-w', 'stop']);
    } catch {
      // already down
    }
    rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', () => {
    if (!stopped)
      try {
        asPg(join(bin, 'pg_ctl'), ['-D', dir, '-m', 'immediate', '-w', 'stop']);
      } catch {
        // nothing to stop
      }
  });
  return {
    baseUrl,
    restartSkip: null,
    restart: async () => {
      await asPgAsync(join(bin, 'pg_ctl'), ['-D', dir, '-l', join(dir, 'server.log'), '-m', 'fast', '-w', '-o', opts, 'restart']);
    },
    terminate: (db) => terminateIn(baseUrl, db),
    stop,
  };
}
