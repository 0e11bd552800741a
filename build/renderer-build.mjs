// One way to build the renderer for every script that needs it (start, web, dist, E2E setup).
import { build } from 'vite';

export async function buildRenderer() {
  await build({ configFile: 'vite.config.ts', logLevel: 'warn' });
}

export async function bundleElectron() {
  await import('./bundle-electron.mjs');
}
