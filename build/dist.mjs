// `npm run dist`: package the desktop app. Needs an Electron binary (and headers), so it refuses clearly without one.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { electronVersion, findElectronBinary } from './electron-binary.mjs';
import { ensureElectronSqlite } from './electron-native.mjs';
import { buildRenderer, bundleElectron } from './renderer-build.mjs';

const require = createRequire(import.meta.url);
const found = findElectronBinary();
if (!found.path) {
  console.error(`Cannot package the desktop app: ${found.reason}.`);
  process.exit(1);
}
await buildRenderer();
await bundleElectron();
await ensureElectronSqlite();
const r = spawnSync(process.execPath, [require.resolve('electron-builder/cli.js'), '--config', 'build/electron-builder.yml'], {
  stdio: 'inherit',
  env: { ...process.env, ZHIBAN_ELECTRON_VERSION: electronVersion() },
});
process.exit(r.status ?? 1);
