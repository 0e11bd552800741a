// Where the Electron binary is, or why there is none. Shared by `npm start` and the _electron tests.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

export function electronVersion() {
  return JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
}

/** @returns {{ path: string } | { path: null, reason: string }} */
export function findElectronBinary() {
  if (process.env.ZHIBAN_ELECTRON_PATH) {
    return existsSync(process.env.ZHIBAN_ELECTRON_PATH)
      ? { path: process.env.ZHIBAN_ELECTRON_PATH }
      : { path: null, reason: `ZHIBAN_ELECTRON_PATH=${process.env.ZHIBAN_ELECTRON_PATH} does not exist` };
  }
  const pkgDir = dirname(require.resolve('electron/package.json'));
  const pathTxt = join(pkgDir, 'path.txt');
  if (!existsSync(pathTxt))
    return { path: null, reason: `no Electron ${electronVersion()} binary in node_modules/electron (its download was skipped or is impossible on this machine)` };
  const bin = join(pkgDir, 'dist', readFileSync(pathTxt, 'utf8').trim());
  return existsSync(bin) ? { path: bin } : { path: null, reason: `Electron binary missing at ${bin}` };
}

export function hasDisplay() {
  return process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}
