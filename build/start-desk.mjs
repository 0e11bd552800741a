// `npm start [-- --server-port N]`: the Electron desk when this machine has an Electron binary and a display;
// otherwise it says exactly why and serves the same desk in web mode instead, so the command always gives a
// desk. Its embedded central server listens on --server-port (or ZHIBAN_SERVER_PORT, default 5180).
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { findElectronBinary, hasDisplay } from './electron-binary.mjs';
import { ensureElectronSqlite } from './electron-native.mjs';
import { buildRenderer, bundleElectron } from './renderer-build.mjs';
import { bundleNode, SERVER_ENTRY } from './bundle-node.mjs';
import { serverPortOption, startEmbeddedServer } from './embedded-server.mjs';

const require = createRequire(import.meta.url);
const passthrough = process.argv.slice(2);
let serverPort;
let electronArgs;
try {
  ({ port: serverPort, rest: electronArgs } = serverPortOption(passthrough));
} catch (err) {
  console.error(`Zhiban: ${err.message}`);
  process.exit(2);
}

function startWeb(reason) {
  console.log(`\nZhiban: not opening the Electron window: ${reason}.`);
  console.log('Zhiban: serving the same desk in web mode instead; open the URL below in a browser.\n');
  const child = spawn(process.execPath, ['build/web.mjs', '--skip-build', ...passthrough], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
}

await buildRenderer();
await bundleElectron();
// The compiled server (and web desk, should the Electron window be impossible here).
await bundleNode();

let found = findElectronBinary();
if (!found.path && !process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
  console.log('Zhiban: fetching the Electron binary (one time)…');
  spawnSync(process.execPath, [require.resolve('electron/install.js')], { stdio: 'inherit', timeout: 180_000 });
  found = findElectronBinary();
}

if (!found.path) startWeb(found.reason);
else if (!hasDisplay()) startWeb('there is no display (DISPLAY/WAYLAND_DISPLAY unset); run under a desktop session or xvfb-run');
else {
  let binding;
  try {
    binding = await ensureElectronSqlite();
  } catch (err) {
    startWeb(`better-sqlite3 could not be built for Electron (${err instanceof Error ? err.message : err})`);
  }
  if (binding) {
    const server = process.env.ZHIBAN_SERVER_URL ? null : await startEmbeddedServer({ port: serverPort, entry: SERVER_ENTRY });
    const env = { ...process.env, ZHIBAN_SQLITE_BINDING: binding, ZHIBAN_SERVER_URL: process.env.ZHIBAN_SERVER_URL ?? server.url };
    const child = spawn(found.path, ['.', ...electronArgs], { stdio: 'inherit', env });
    child.on('exit', (code) => {
      server?.stop();
      process.exit(code ?? 0);
    });
  }
}
