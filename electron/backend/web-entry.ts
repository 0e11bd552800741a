import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { startDeskHost } from './desk-host';
import { startWebBridge } from './bridge/web-bridge';
import { startTelephonyFromEnv } from './telephony-hook';
import { parseWebArgs, testClock, UsageError } from './cli-args';
import { DEMO_PASSWORD } from '../../db/demo/demo-center';

/** `npm run web`: the desk backend plus its loopback bridge, serving the built renderer. */
async function main(): Promise<void> {
  let args;
  let clock;
  try {
    args = parseWebArgs(process.argv.slice(2));
    clock = testClock();
  } catch (err) {
    if (err instanceof UsageError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
  const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
  const host = await startDeskHost({ dataDir: args.dataDir, demo: args.demo, serverUrl: args.server ?? undefined, clock });
  const bridge = await startWebBridge({
    dispatch: host.dispatch,
    events: host.events,
    recordings: host.recordings,
    staticDir: process.env.ZHIBAN_STATIC_DIR ?? join(root, 'out', 'renderer'),
    port: args.port,
  });
  // The phone system's screen pop (README, "Telephony hook"): only when the center gave this desk a token.
  const telephony = await startTelephonyFromEnv(process.env, host.events, clock ?? (() => new Date()));
  console.log(`Zhiban web desk data: ${host.dbFile}`);
  const sync = await host.sync.status();
  console.log(sync.serverUrl ? `Zhiban web desk syncs with ${sync.serverUrl}` : 'Zhiban web desk runs standalone (no central server)');
  if (host.demoLogins.length > 0) {
    console.log(`Demo center created. Every demo login uses the password "${DEMO_PASSWORD}":`);
    for (const l of host.demoLogins) console.log(`  ${l.username.padEnd(10)} ${l.role.padEnd(20)} ${l.displayName}`);
  }
  // Tests and scripts read this exact line to find the desk.
  console.log(`Zhiban web desk ready: ${bridge.url}`);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await telephony?.close();
    await bridge.close();
    await host.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
