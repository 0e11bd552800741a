import { testClock } from '../backend/cli-args';
/**
 * What one launch of the desktop desk takes from its environment and command line. Pure (no electron
 * import) so a unit test can check it without an Electron binary; main.ts feeds it process.env,
 * process.argv and app.isPackaged.
 *
 * - ZHIBAN_DATA_DIR, ZHIBAN_SQLITE_BINDING and ZHIBAN_SERVER_URL are development and test hooks
 *   (`npm start`, the _electron tests). An installed (packaged) desk ignores them, so nobody can point
 *   it at another profile, another native library or another server through its environment.
 * - `--server <url>` (or `--server=<url>`) names the central server in every build: an installed desk
 *   needs one, e.g. from the shortcut the installer writes. The desk remembers it, so once is enough.
 * - The demo center (every password `zhiban123`, an `admin` among them) is seeded only in development
 *   or when `--demo` is given: an empty installed desk never gets well-known logins.
 *   A desk that syncs with a server never seeds anyway (startDeskHost ignores `demo` then).
 */
export interface LaunchOptions {
  /** Overrides Electron's userData (throwaway profiles in tests). */
  dataDir?: string;
  /** better-sqlite3 built for Electron's ABI; otherwise the copy in resources/native is used. */
  sqliteBinding?: string;
  serverUrl?: string;
  demo: boolean;
  /** ZHIBAN_FIXED_CLOCK (with NODE_ENV=test, development only): the _electron tests' pinned instant. */
  clock?: () => Date;
}

export class LaunchError extends Error {}

type Env = Readonly<Record<string, string | undefined>>;

const nonEmpty = (v: string | undefined): string | undefined => (v ? v : undefined);

function serverFromArgv(argv: readonly string[]): string | undefined {
  let server: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--server') {
      server = argv[i + 1];
      if (server === undefined || server.startsWith('--')) throw new LaunchError('--server needs a URL, e.g. --server=http://10.0.0.5:5180');
      i++;
    } else if (arg.startsWith('--server=')) server = arg.slice('--server='.length);
  }
  return server;
}

function checkServerUrl(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  if (!/^https?:\/\/[^\s/]+/.test(url)) throw new LaunchError(`The central server must be an http(s) URL, got "${url}"`);
  return url;
}

export function launchOptions(env: Env, argv: readonly string[], isPackaged: boolean): LaunchOptions {
  const demoFlag = argv.includes('--demo');
  const argServer = serverFromArgv(argv);
  if (isPackaged) return { serverUrl: checkServerUrl(argServer), demo: demoFlag };
  return {
    dataDir: nonEmpty(env.ZHIBAN_DATA_DIR),
    sqliteBinding: nonEmpty(env.ZHIBAN_SQLITE_BINDING),
    serverUrl: checkServerUrl(argServer ?? nonEmpty(env.ZHIBAN_SERVER_URL)),
    demo: true,
    clock: testClock(env),
  };
}
