import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export interface WebArgs {
  port: number;
  dataDir: string;
  demo: boolean;
  /** Central server to sync with; none means the desk runs on its own (or on the one remembered). */
  server: string | null;
}

export class UsageError extends Error {}

/** Where a web-mode desk keeps its database unless --data-dir says otherwise (per-user, like Electron's userData). */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'zhiban-web');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'zhiban-web');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'zhiban-web');
}

export function parseWebArgs(argv: readonly string[]): WebArgs {
  const out: WebArgs = { port: 5178, dataDir: defaultDataDir(), demo: true, server: null };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i]!.split('=', 2) as [string, string | undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') throw new UsageError(`${flag} needs a value`);
      return v;
    };
    if (flag === '--port') {
      const v = value();
      const n = Number(v);
      if (!/^\d+$/.test(v) || n > 65535) throw new UsageError(`--port must be a number from 0 to 65535, got "${v}"`);
      out.port = n;
    } else if (flag === '--data-dir') out.dataDir = resolve(value());
    else if (flag === '--no-demo') out.demo = false;
    else if (flag === '--server') {
      const v = value();
      if (!/^https?:\/\/[^\s/]+/.test(v)) throw new UsageError(`--server must be an http(s) URL, got "${v}"`);
      out.server = v;
    } else throw new UsageError(`Unknown option ${flag}. Options: --port <n> (0 = any free port), --data-dir <path>, --server <url>, --no-demo`);
  }
  return out;
}

/**
 * `ZHIBAN_FIXED_CLOCK=<ISO instant>` pins the desk's clock as it pins the central server's (server/clock.ts):
 * for tests only. Honoured when NODE_ENV=test and refused otherwise (the desk will not start), so an
 * installed desk can never be told what time it is. Undefined when unset: the real clock.
 */
export function testClock(env: NodeJS.ProcessEnv = process.env): (() => Date) | undefined {
  const fixed = env.ZHIBAN_FIXED_CLOCK;
  if (!fixed) return undefined;
  if (env.NODE_ENV !== 'test') throw new UsageError('ZHIBAN_FIXED_CLOCK is only accepted when NODE_ENV=test; refusing to start.');
  const ms = Date.parse(fixed);
  if (!Number.isFinite(ms)) throw new UsageError(`ZHIBAN_FIXED_CLOCK is not an ISO instant: ${fixed}`);
  return () => new Date(ms);
}
