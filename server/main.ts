import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildServer } from './app';
import { serverClock } from './clock';
import { openCentralStore } from './store';
import { seedDemoCenter } from '../db/demo/seed';
import { seedDemoRecordings } from '../db/demo/recordings';
import { BlobStore } from '../db/recordings/blob-store';
import { DEMO_PASSWORD, DEMO_USERS } from '../db/demo/demo-center';
import { hashPassword } from '../db/auth/password';
import { countUsers } from '../db/stores/users-store';
import { takeVersion } from './sync/versions';
import { ensureCenterId } from './center-id';
import { BUILT_TEMPLATE_KEY } from './center-template';

interface ServerArgs {
  port: number;
  dataDir: string;
  demo: boolean;
}

function parseArgs(argv: string[]): ServerArgs {
  const out: ServerArgs = { port: 5180, dataDir: join(process.env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), 'zhiban-server'), demo: true };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i]!.split('=', 2) as [string, string | undefined];
    const value = () => inline ?? argv[++i] ?? '';
    if (flag === '--port') {
      const v = value();
      if (!/^\d+$/.test(v) || Number(v) > 65535) throw new Error(`--port must be 0–65535, got "${v}"`);
      out.port = Number(v);
    } else if (flag === '--data-dir') out.dataDir = resolve(value());
    else if (flag === '--no-demo') out.demo = false;
    else throw new Error(`Unknown option ${flag}. Options: --port <n>, --data-dir <path> (PGlite; ignored when DATABASE_URL is set), --no-demo`);
  }
  return out;
}

/** `npm run server`: PostgreSQL when DATABASE_URL is set, else embedded PGlite in --data-dir. */
async function main() {
  const args = parseArgs(process.argv.slice(2));
  const clock = serverClock();
  // The compiled server finds the prepared cluster beside itself (center-template.ts); from source there is none.
  const template = BUILT_TEMPLATE_KEY ? { dir: process.env.ZHIBAN_CENTER_TEMPLATE ?? join(dirname(fileURLToPath(import.meta.url)), 'center-template'), key: BUILT_TEMPLATE_KEY } : undefined;
  // A new embedded center will get the demo: its one password hash (scrypt, on the thread pool) is made while
  // PGlite starts on the main thread, instead of after it.
  const fresh = args.demo && !process.env.DATABASE_URL && !existsSync(join(args.dataDir, 'PG_VERSION'));
  const demoHash = fresh ? hashPassword(DEMO_PASSWORD) : null;
  demoHash?.catch(() => undefined); // awaited below; a failure surfaces there
  const store = await openCentralStore({ databaseUrl: process.env.DATABASE_URL, dataDir: args.dataDir, template });
  if (args.demo && (await countUsers(store.db)) === 0) {
    const version = await store.db.transaction().execute((tx) => takeVersion(tx));
    const hash = await (demoHash ?? hashPassword(DEMO_PASSWORD));
    const logins = await seedDemoCenter(store.db, clock(), version, DEMO_USERS.map(() => hash));
    await seedDemoRecordings(store.db, new BlobStore(join(args.dataDir, 'recordings')), clock(), version);
    console.log(`Demo center created on the server. Every demo login uses the password "${DEMO_PASSWORD}":`);
    for (const l of logins) console.log(`  ${l.username.padEnd(10)} ${l.role.padEnd(20)} ${l.displayName}`);
  }
  const centerId = await ensureCenterId(store.db);
  const { app } = buildServer({ store, clock, appVersion: process.env.npm_package_version ?? '0.1.0', centerId, recordingsDir: join(args.dataDir, 'recordings') });
  const address = await app.listen({ port: args.port, host: process.env.ZHIBAN_SERVER_HOST ?? '127.0.0.1' });
  console.log(`Zhiban center id: ${centerId}`);
  console.log(`Zhiban server (${store.engine}${store.engine === 'pglite' ? ` in ${args.dataDir}` : ''}) ready: ${address}`);
  const stop = async () => {
    await app.close();
    await store.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
